package dev.cairn.trust.tls;

import dev.cairn.keys.SigningKey;
import dev.cairn.trust.internal.Certificates;
import dev.cairn.trust.internal.JcaKeys;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

/**
 * Leaves the CA would never issue, signed with the real intermediate key, so that each of
 * {@link PeerVerifier}'s name and constraint checks can be shown to refuse them.
 */
final class ForgedLeaf {
    private final List<GeneralName> names = new ArrayList<>();
    private KeyPurposeId purpose = KeyPurposeId.id_kp_clientAuth;
    private boolean ca;
    private int keyUsage = KeyUsage.digitalSignature;
    private Extension extra;

    ForgedLeaf uri(String uri) {
        names.add(new GeneralName(GeneralName.uniformResourceIdentifier, uri));
        return this;
    }

    ForgedLeaf dns(String name) {
        names.add(new GeneralName(GeneralName.dNSName, name));
        return this;
    }

    ForgedLeaf purpose(KeyPurposeId purpose) {
        this.purpose = purpose;
        return this;
    }

    ForgedLeaf ca() {
        this.ca = true;
        return this;
    }

    ForgedLeaf keyUsage(int keyUsage) {
        this.keyUsage = keyUsage;
        return this;
    }

    ForgedLeaf criticalExtension(Extension extension) {
        this.extra = extension;
        return this;
    }

    X509Certificate signedBy(X509Certificate issuer, SigningKey issuerKey, SigningKey subjectKey, Instant now)
            throws Exception {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                issuer,
                BigInteger.valueOf(now.toEpochMilli()).shiftLeft(16).add(BigInteger.valueOf(names.size())),
                Date.from(now.minus(Duration.ofMinutes(1))),
                Date.from(now.plus(Duration.ofHours(1))),
                // Without names, the identity sits in the subject's CN, where Cairn never reads it.
                names.isEmpty()
                        ? new X500Name("CN=cairn://tls.example/cluster/c1/node/n-1")
                        : new X500Name(new org.bouncycastle.asn1.x500.RDN[0]),
                JcaKeys.publicKey(subjectKey.verificationKey()));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
        if (!names.isEmpty()) {
            builder.addExtension(
                    Extension.subjectAlternativeName, true, new GeneralNames(names.toArray(new GeneralName[0])));
        }
        if (extra != null) {
            builder.addExtension(extra);
        }
        return Certificates.fromDer(
                builder.build(JcaKeys.contentSigner(issuerKey)).getEncoded());
    }
}
