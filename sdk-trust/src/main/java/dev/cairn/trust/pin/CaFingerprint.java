package dev.cairn.trust.pin;

import dev.cairn.bytes.Digest;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.errors.MalformedInputException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The pinned CA: the SHA-256 of the root CA certificate's DER encoding, the fingerprint {@code openssl
 * x509 -fingerprint -sha256} prints (without colons, in lowercase). Rendered as {@code
 * sha256:<64 lowercase hex>}. Plain SHA-256, not a Cairn domain hash, so that operators can compute
 * it with standard tools from the certificate the server shows.
 *
 * @param sha256 the digest of the certificate's DER
 */
public record CaFingerprint(Digest sha256) {
    /** The text prefix. */
    public static final String PREFIX = "sha256:";

    private static final Pattern TEXT = Pattern.compile("sha256:[0-9a-f]{64}");

    /**
     * Checks the digest is present.
     *
     * @param sha256 the digest
     */
    public CaFingerprint {
        Objects.requireNonNull(sha256, "sha256");
    }

    /**
     * The fingerprint of a certificate.
     *
     * @param certificate the root CA certificate
     * @return its fingerprint
     */
    public static CaFingerprint of(X509Certificate certificate) {
        try {
            return new CaFingerprint(
                    Digest.of(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded())));
        } catch (NoSuchAlgorithmException e) {
            throw new InternalException(ErrorCode.INTERNAL_CRYPTO, "SHA-256 unavailable in this JVM", e);
        } catch (CertificateEncodingException e) {
            throw new InternalException(ErrorCode.INTERNAL_CRYPTO, "a parsed certificate does not encode", e);
        }
    }

    /**
     * Parses the text form.
     *
     * @param text {@code sha256:<64 lowercase hex>}
     * @param code the code of the refusal, which names where the text came from (a state file, an
     *     option)
     * @return the fingerprint
     * @throws MalformedInputException {@code code} for any other text, or none
     */
    public static CaFingerprint parse(String text, ErrorCode code) {
        Objects.requireNonNull(code, "code");
        if (text == null || !TEXT.matcher(text).matches()) {
            throw new MalformedInputException(code, "CA fingerprint " + text + ", want sha256:<64 lowercase hex>");
        }
        return new CaFingerprint(Digest.fromHex(text.substring(PREFIX.length())));
    }

    /**
     * Whether a certificate is the pinned one.
     *
     * @param certificate a certificate
     * @return {@code true} if its DER hashes to this fingerprint
     */
    public boolean matches(X509Certificate certificate) {
        return equals(of(certificate));
    }

    /**
     * The text form.
     *
     * @return {@code sha256:<64 lowercase hex>}
     */
    @Override
    public String toString() {
        return PREFIX + sha256.toHex();
    }
}
