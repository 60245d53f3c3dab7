package dev.cairn.trust.revocation;

import dev.cairn.bytes.Bytes;
import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.errors.VerificationException;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.internal.JcaKeys;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;

/**
 * Makes X.509 v2 CRLs (RFC 5280 section 5) from the same data as a signed revocation head ({@code
 * spec/revocation.md}): issuer = the issuing intermediate, CRL number = head sequence, thisUpdate =
 * issued-at, nextUpdate = next-update (both rounded down to the second), the authority key
 * identifier of the intermediate, and one revoked certificate per entry with its revocation time and
 * reason code (none for {@link RevocationReason#UNSPECIFIED}, as RFC 5280 section 5.3.1 asks).
 * Signed with the intermediate's key: Ed25519 or ECDSA with SHA-256. Thread-safe.
 */
public final class RevocationCrlSigner {
    private final X509Certificate issuer;
    private final SigningKey key;
    private final AuthorityKeyIdentifier authorityKeyId;

    private RevocationCrlSigner(X509Certificate issuer, SigningKey key) {
        this.issuer = issuer;
        this.key = key;
        this.authorityKeyId = new AuthorityKeyIdentifier(keyIdentifier(issuer));
    }

    /**
     * Creates a CRL signer for the issuing intermediate.
     *
     * @param issuer the intermediate's certificate: the CRL's issuer
     * @param key the intermediate's key
     * @param access the explicit token that marks every place a CA key is put to work
     * @return the signer
     * @throws IllegalArgumentException if the key is not the certificate's key
     */
    public static RevocationCrlSigner of(X509Certificate issuer, SigningKey key, InsecureSecretKeyAccess access) {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(access, "access");
        if (!Arrays.equals(
                JcaKeys.publicKey(key.verificationKey()).getEncoded(),
                issuer.getPublicKey().getEncoded())) {
            throw new IllegalArgumentException("the key must be the issuer certificate's key");
        }
        return new RevocationCrlSigner(issuer, key);
    }

    /**
     * Makes the CRL of a head.
     *
     * @param head the head the CRL restates
     * @param entries the head's whole chain, from index 0
     * @return the signed CRL
     * @throws VerificationException {@link ErrorCode#REVOCATION_CHAIN_BROKEN} if the entries are not
     *     exactly the chain the head commits to
     */
    public RevocationCrl sign(RevocationHead head, List<RevocationEntry> entries) {
        ChainPosition.GENESIS.extendTo(entries, head.position());
        X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(issuer, seconds(head.issuedAt()));
        builder.setNextUpdate(seconds(head.nextUpdate()));
        for (RevocationEntry entry : entries) {
            builder.addCRLEntry(
                    entry.serial(), seconds(entry.revokedAt()), entry.reason().code());
        }
        try {
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(head.sequence())));
            builder.addExtension(Extension.authorityKeyIdentifier, false, authorityKeyId);
            byte[] der = builder.build(JcaKeys.contentSigner(key)).getEncoded();
            X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
            return new RevocationCrl(crl, Bytes.copyOf(der));
        } catch (IOException | GeneralSecurityException e) {
            throw new InternalException(ErrorCode.INTERNAL_CRYPTO, "CRL building failed: " + e.getMessage(), e);
        }
    }

    private static Date seconds(Instant instant) {
        return Date.from(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The issuer's subject key identifier, or the RFC 5280 method-1 identifier of its key when it has none. */
    private static byte[] keyIdentifier(X509Certificate issuer) {
        try {
            byte[] extension = issuer.getExtensionValue(Extension.subjectKeyIdentifier.getId());
            if (extension != null) {
                return SubjectKeyIdentifier.getInstance(
                                ASN1OctetString.getInstance(extension).getOctets())
                        .getKeyIdentifier();
            }
            return new JcaX509ExtensionUtils()
                    .createSubjectKeyIdentifier(issuer.getPublicKey())
                    .getKeyIdentifier();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the issuer's subject key identifier cannot be read", e);
        }
    }
}
