package dev.cairn.trust.bundle;

import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.keys.VerificationKey;
import dev.cairn.trust.internal.JcaKeys;
import java.security.cert.X509Certificate;
import java.util.Objects;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * One CA certificate of a trust bundle and its status.
 *
 * @param certificate a CA certificate (basicConstraints {@code cA}; keyCertSign if keyUsage is present)
 *     with an Ed25519 or P-256 key
 * @param status whether it is current or published ahead of a rotation
 * @param key the certificate's public key as a Cairn verification key, read once
 */
public record CaEntry(X509Certificate certificate, CaStatus status, VerificationKey key) {
    private static final int KEY_CERT_SIGN = 5;

    /**
     * Checks that the certificate is a CA with a Cairn key type.
     *
     * @param certificate the CA certificate
     * @param status its status
     * @param key the certificate's key
     * @throws MalformedInputException {@link ErrorCode#BUNDLE_MALFORMED} if it is not a CA certificate
     *     or its key is not Ed25519 or P-256
     * @throws IllegalArgumentException if the key is not the certificate's
     */
    public CaEntry {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(status, "status");
        if (certificate.getBasicConstraints() < 0) {
            throw BundleErrors.malformed("certificate " + certificate.getSubjectX500Principal() + " is not a CA");
        }
        boolean[] keyUsage = certificate.getKeyUsage();
        if (keyUsage != null && (keyUsage.length <= KEY_CERT_SIGN || !keyUsage[KEY_CERT_SIGN])) {
            throw BundleErrors.malformed(
                    "certificate " + certificate.getSubjectX500Principal() + " may not sign certificates");
        }
        if (!keyOf(certificate).equals(Objects.requireNonNull(key, "key"))) {
            throw new IllegalArgumentException("the key is not the certificate's key");
        }
    }

    /**
     * An entry whose key is read from the certificate.
     *
     * @param certificate the CA certificate
     * @param status its status
     * @throws MalformedInputException {@link ErrorCode#BUNDLE_MALFORMED} if it is not a CA certificate
     *     or its key is not Ed25519 or P-256
     */
    public CaEntry(X509Certificate certificate, CaStatus status) {
        this(certificate, status, keyOf(Objects.requireNonNull(certificate, "certificate")));
    }

    private static VerificationKey keyOf(X509Certificate certificate) {
        try {
            return JcaKeys.verificationKey(
                    SubjectPublicKeyInfo.getInstance(certificate.getPublicKey().getEncoded()));
        } catch (CairnException | IllegalArgumentException e) {
            throw BundleErrors.malformed("a CA key must be Ed25519 or P-256", e);
        }
    }
}
