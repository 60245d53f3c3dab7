package dev.cairn.trust.ca;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.keys.VerificationKey;
import dev.cairn.trust.internal.JcaKeys;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/** The Cairn key a certificate certifies, for comparing it with a key held. */
public final class CertificateKeys {
    private CertificateKeys() {}

    /**
     * The certified key.
     *
     * @param certificate a certificate
     * @return its public key as a Cairn verification key
     * @throws MalformedInputException {@link ErrorCode#CERT_MALFORMED} if the key is not Ed25519 or P-256
     */
    public static VerificationKey of(X509Certificate certificate) {
        try {
            return JcaKeys.verificationKey(
                    SubjectPublicKeyInfo.getInstance(certificate.getPublicKey().getEncoded()));
        } catch (RuntimeException e) {
            throw new MalformedInputException(
                    ErrorCode.CERT_MALFORMED, "the certified key is not Ed25519 or P-256: " + e.getMessage());
        }
    }
}
