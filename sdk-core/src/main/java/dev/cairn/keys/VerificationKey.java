package dev.cairn.keys;

import dev.cairn.bytes.Bytes;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborBytes;
import dev.cairn.cbor.CborInt;
import dev.cairn.cbor.CborMap;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.errors.VerificationException;
import dev.cairn.hash.DomainHash;
import dev.cairn.hash.HashDomain;
import dev.cairn.keys.internal.P256;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * A public key that verifies signatures: Ed25519 or ECDSA P-256.
 *
 * <p>Its key identifier is {@link #kid()}: {@code DomainHash(KEY_ID, COSE_Key)}, where {@code
 * COSE_Key} is the canonical CBOR of the key's required COSE parameters only ({@code kty}, {@code
 * crv}, {@code x}, and {@code y} for EC2), so the same public key always has the same 32-byte kid.
 * See {@code spec/cose.md}.
 *
 * <p>Thread-safe and immutable. Equality is by key type and public key bytes.
 */
public final class VerificationKey {
    private static final CborInt KTY = CborInt.of(1);
    private static final CborInt KID = CborInt.of(2);
    private static final CborInt ALG = CborInt.of(3);
    private static final CborInt CRV = CborInt.of(-1);
    private static final CborInt X = CborInt.of(-2);
    private static final CborInt Y = CborInt.of(-3);

    private final KeyType type;
    private final Bytes encoded;
    private final Bytes kid;
    private final Ed25519PublicKeyParameters ed25519;
    private final ECPublicKeyParameters p256;

    private VerificationKey(
            KeyType type, byte[] encoded, Ed25519PublicKeyParameters ed25519, ECPublicKeyParameters p256) {
        this.type = type;
        this.encoded = Bytes.copyOf(encoded);
        this.ed25519 = ed25519;
        this.p256 = p256;
        this.kid = DomainHash.of(HashDomain.KEY_ID, Cbor.encode(toCoseKey())).bytes();
    }

    /**
     * Decodes a public key from its raw form: 32 bytes for Ed25519 (RFC 8032), the 65-byte
     * uncompressed point {@code 04 || x || y} for P-256 (SEC 1).
     *
     * @param type the key type
     * @param encoded the raw public key
     * @return the key
     * @throws MalformedInputException {@link ErrorCode#KEY_INVALID} if the bytes are no valid key
     */
    public static VerificationKey fromEncoded(KeyType type, byte[] encoded) {
        Objects.requireNonNull(type, "type");
        try {
            return switch (type) {
                case ED25519 -> {
                    if (encoded.length != Ed25519.PUBLIC_KEY_SIZE) {
                        throw new IllegalArgumentException("length " + encoded.length + ", want 32");
                    }
                    yield new VerificationKey(type, encoded, new Ed25519PublicKeyParameters(encoded), null);
                }
                case P256 -> {
                    ECPoint point = P256.decodePoint(encoded);
                    yield new VerificationKey(type, encoded, null, new ECPublicKeyParameters(point, P256.DOMAIN));
                }
            };
        } catch (IllegalArgumentException e) {
            throw new MalformedInputException(
                    ErrorCode.KEY_INVALID, "invalid " + type + " public key: " + e.getMessage(), -1, Map.of(), e);
        }
    }

    /**
     * Decodes a COSE_Key (RFC 9052 section 7) holding an OKP Ed25519 or EC2 P-256 public key.
     *
     * <p>Accepted parameters: {@code kty}, {@code crv}, {@code x}, {@code y} (EC2 only), and optionally
     * {@code kid} (must equal the derived kid) and {@code alg} (must match the key type). Any other
     * parameter, including a private {@code d}, is rejected.
     *
     * @param coseKey the decoded map
     * @return the key
     * @throws MalformedInputException on a malformed key
     * @throws VerificationException {@link ErrorCode#KEY_UNSUPPORTED} for another key type or curve
     */
    public static VerificationKey fromCoseKey(CborMap coseKey) {
        long kty = coseKey.requireInt(1);
        if (Arrays.stream(KeyType.values()).noneMatch(t -> t.coseKty() == kty)) {
            throw new VerificationException(ErrorCode.KEY_UNSUPPORTED, "kty " + kty + ", want OKP (1) or EC2 (2)");
        }
        long crv = coseKey.requireInt(-1);
        KeyType type = Arrays.stream(KeyType.values())
                .filter(t -> t.coseKty() == kty && t.coseCrv() == crv)
                .findFirst()
                .orElseThrow(() -> new VerificationException(
                        ErrorCode.KEY_UNSUPPORTED, "kty " + kty + " crv " + crv + ", want OKP/Ed25519 or EC2/P-256"));
        byte[] x = coseKey.requireBytes(-2).toByteArray();
        VerificationKey key;
        if (type == KeyType.P256) {
            coseKey.requireOnlyKeys(List.of(KTY, KID, ALG, CRV, X, Y));
            byte[] y = coseKey.requireBytes(-3).toByteArray();
            if (x.length != 32 || y.length != 32) {
                throw new MalformedInputException(ErrorCode.KEY_INVALID, "EC2 coordinates must be 32 bytes each");
            }
            byte[] point = new byte[65];
            point[0] = 0x04;
            System.arraycopy(x, 0, point, 1, 32);
            System.arraycopy(y, 0, point, 33, 32);
            key = fromEncoded(type, point);
        } else {
            coseKey.requireOnlyKeys(List.of(KTY, KID, ALG, CRV, X));
            key = fromEncoded(type, x);
        }
        if (coseKey.get(ALG).isPresent() && coseKey.requireInt(3) != type.coseAlg()) {
            throw VerificationException.mismatch(
                    ErrorCode.KEY_UNSUPPORTED, Long.toString(type.coseAlg()), Long.toString(coseKey.requireInt(3)));
        }
        if (coseKey.get(KID).isPresent() && !coseKey.requireBytes(2).equals(key.kid())) {
            throw new MalformedInputException(ErrorCode.KEY_INVALID, "kid is not the key's derived kid");
        }
        return key;
    }

    /**
     * The key type.
     *
     * @return the type
     */
    public KeyType type() {
        return type;
    }

    /**
     * The raw public key: 32 bytes (Ed25519) or the 65-byte uncompressed point (P-256).
     *
     * @return the encoded key
     */
    public Bytes encoded() {
        return encoded;
    }

    /**
     * The derived key identifier: 32 bytes, {@code DomainHash(KEY_ID, canonical COSE_Key)}.
     *
     * @return the kid
     */
    public Bytes kid() {
        return kid;
    }

    /**
     * The COSE_Key of this public key with its required parameters only, in canonical order.
     *
     * @return a map {@code {1: kty, -1: crv, -2: x}} (OKP) or {@code {1: kty, -1: crv, -2: x, -3: y}} (EC2)
     */
    public CborMap toCoseKey() {
        CborMap.Builder map =
                CborMap.builder().put(KTY, CborInt.of(type.coseKty())).put(CRV, CborInt.of(type.coseCrv()));
        if (type == KeyType.P256) {
            map.put(X, new CborBytes(encoded.slice(1, 33))).put(Y, new CborBytes(encoded.slice(33, 65)));
        } else {
            map.put(X, new CborBytes(encoded));
        }
        return map.build();
    }

    /**
     * Checks a raw signature over a message: pure Ed25519 (RFC 8032), or ECDSA P-256 over SHA-256 of
     * the message with the signature as the 64-byte {@code r || s} (RFC 9053 section 2.1).
     *
     * @param message the signed bytes
     * @param signature the signature
     * @throws VerificationException {@link ErrorCode#SIGNATURE_INVALID} if it does not verify
     */
    public void verify(byte[] message, byte[] signature) {
        if (!isValid(message, signature)) {
            throw new VerificationException(ErrorCode.SIGNATURE_INVALID, type + " signature does not verify");
        }
    }

    private boolean isValid(byte[] message, byte[] signature) {
        if (signature.length != type.signatureLength()) {
            return false;
        }
        if (type == KeyType.ED25519) {
            return ed25519.verify(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, p256);
        return verifier.verifySignature(sha256(message), r, s);
    }

    static byte[] sha256(byte[] message) {
        SHA256Digest digest = new SHA256Digest();
        digest.update(message, 0, message.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerificationKey that && type == that.type && encoded.equals(that.encoded);
    }

    @Override
    public int hashCode() {
        return 31 * type.hashCode() + encoded.hashCode();
    }

    /** Renders the type and kid. */
    @Override
    public String toString() {
        return "VerificationKey[" + type + ", kid=" + kid.toHex() + "]";
    }
}
