package dev.cairn.verifier;

import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborMap;
import dev.cairn.cbor.CborValue;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.errors.VerificationException;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.VerificationKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Reads the log's verification keys from the forms an auditor receives them in: a COSE_Key
 * ({@code spec/cose.md}) or the public key of an X.509 certificate.
 *
 * <p>Nothing here decides trust: a key read from a certificate is only the key that certificate
 * names. Whether the certificate chains to a trust bundle is {@link CertificateChains}'s question.
 */
public final class AnchorKeys {
    /** DER SubjectPublicKeyInfo of an Ed25519 key (RFC 8410) up to the 32 key bytes. */
    private static final byte[] ED25519_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    /** DER SubjectPublicKeyInfo of a P-256 key (RFC 5480, named curve) up to the 65-byte point. */
    private static final byte[] P256_PREFIX =
            HexFormat.of().parseHex("3059301306072a8648ce3d020106082a8648ce3d030107034200");

    private AnchorKeys() {}

    /**
     * Decodes a COSE_Key holding an Ed25519 (OKP) or P-256 (EC2) public key, strictly: one canonical
     * CBOR map with the parameters {@link VerificationKey#fromCoseKey(CborMap)} accepts.
     *
     * @param coseKey the encoded COSE_Key
     * @return the key
     * @throws MalformedInputException a {@code CBOR_*} code or {@link ErrorCode#KEY_INVALID} for bytes
     *     that are not such a key
     * @throws VerificationException {@link ErrorCode#KEY_UNSUPPORTED} for another key type or curve
     */
    public static VerificationKey fromCoseKey(byte[] coseKey) {
        Objects.requireNonNull(coseKey, "coseKey");
        CborValue value = Cbor.decode(coseKey);
        if (!(value instanceof CborMap map)) {
            throw new MalformedInputException(ErrorCode.KEY_INVALID, "a COSE_Key is a CBOR map");
        }
        return VerificationKey.fromCoseKey(map);
    }

    /**
     * Reads the public key a certificate certifies.
     *
     * @param certificate the certificate
     * @return its key
     * @throws VerificationException {@link ErrorCode#KEY_UNSUPPORTED} unless the key is Ed25519 or
     *     P-256 (named curve, uncompressed point)
     * @throws MalformedInputException {@link ErrorCode#KEY_INVALID} if the key bytes are no valid key
     */
    public static VerificationKey fromCertificate(X509Certificate certificate) {
        Objects.requireNonNull(certificate, "certificate");
        byte[] spki = certificate.getPublicKey().getEncoded();
        if (spki != null && startsWith(spki, ED25519_PREFIX, 32)) {
            return VerificationKey.fromEncoded(KeyType.ED25519, rest(spki, ED25519_PREFIX));
        }
        if (spki != null && startsWith(spki, P256_PREFIX, 65)) {
            return VerificationKey.fromEncoded(KeyType.P256, rest(spki, P256_PREFIX));
        }
        throw VerificationException.mismatch(
                ErrorCode.KEY_UNSUPPORTED,
                "an Ed25519 or P-256 key",
                "a " + certificate.getPublicKey().getAlgorithm() + " key");
    }

    private static boolean startsWith(byte[] spki, byte[] prefix, int keyLength) {
        return spki.length == prefix.length + keyLength
                && Arrays.equals(spki, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] rest(byte[] spki, byte[] prefix) {
        return Arrays.copyOfRange(spki, prefix.length, spki.length);
    }
}
