package dev.cairn.tools.vectors;

import dev.cairn.keys.SigningKey;
import dev.cairn.trust.internal.JcaKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;

/**
 * A leaf built with Bouncy Castle instead of the CA, for the certificates the CA would never issue.
 * By default it is what the CA issues for a node client (empty subject, basicConstraints not CA,
 * keyUsage digitalSignature, extended key usage clientAuth, the names as a critical
 * subjectAltName); each setter makes one change. Signed with the key it is given, so a vector can
 * show that a well-signed certificate with that one change is refused.
 */
final class HandBuiltLeaf {
    private final List<GeneralName> names = new ArrayList<>();
    private final X500Name issuer;
    private X500Name subject = new X500Name(new RDN[0]);
    private int keyUsage = KeyUsage.digitalSignature;
    private Extension extra;
    private Instant notBefore;
    private Instant notAfter;

    HandBuiltLeaf(X509Certificate issuerCertificate, Instant notBefore, Instant notAfter) {
        this.issuer =
                X500Name.getInstance(issuerCertificate.getSubjectX500Principal().getEncoded());
        this.notBefore = notBefore;
        this.notAfter = notAfter;
    }

    HandBuiltLeaf uri(String uri) {
        names.add(new GeneralName(GeneralName.uniformResourceIdentifier, uri));
        return this;
    }

    HandBuiltLeaf dns(String name) {
        names.add(new GeneralName(GeneralName.dNSName, name));
        return this;
    }

    /** Puts a name in the subject's common name, where Cairn never reads an identity. */
    HandBuiltLeaf subjectCommonName(String name) {
        this.subject = new X500Name("CN=" + name);
        return this;
    }

    HandBuiltLeaf keyUsage(int keyUsage) {
        this.keyUsage = keyUsage;
        return this;
    }

    HandBuiltLeaf extension(Extension extension) {
        this.extra = extension;
        return this;
    }

    HandBuiltLeaf validity(Instant notBefore, Instant notAfter) {
        this.notBefore = notBefore;
        this.notAfter = notAfter;
        return this;
    }

    /**
     * Signs the leaf.
     *
     * @param serialLabel the label its serial derives from: the first 16 bytes of SHA-256, top bit
     *     cleared, as the CA draws 127-bit serials
     * @param issuerKey the key that signs it
     * @param subjectKey the key it certifies
     * @return the DER certificate
     */
    byte[] sign(String serialLabel, SigningKey issuerKey, SigningKey subjectKey) {
        byte[] digest = sha256(serialLabel);
        byte[] serial = Arrays.copyOf(digest, 16);
        serial[0] &= 0x7f;
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(
                issuer,
                new BigInteger(1, serial),
                Date.from(notBefore),
                Date.from(notAfter),
                subject,
                SubjectPublicKeyInfo.getInstance(
                        JcaKeys.publicKey(subjectKey.verificationKey()).getEncoded()));
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
            builder.addExtension(
                    Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            if (!names.isEmpty()) {
                builder.addExtension(
                        Extension.subjectAlternativeName, true, new GeneralNames(names.toArray(new GeneralName[0])));
            }
            if (extra != null) {
                builder.addExtension(extra);
            }
            return builder.build(JcaKeys.contentSigner(issuerKey)).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sha256(String label) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(label.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
