package dev.cairn.keys;

import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.bytes.SecretBytes;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.keys.internal.P256;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * A private key that signs: Ed25519 or ECDSA P-256, with its {@link VerificationKey}.
 *
 * <p>Security guarantees: signatures are deterministic (Ed25519 by RFC 8032; ECDSA nonces by RFC
 * 6979 with HMAC-SHA-256), so signing needs no randomness and the same message always yields the
 * same signature. The private key has no {@code equals} and never appears in {@link #toString()};
 * its bytes are readable only through {@link #privateKeyBytes(InsecureSecretKeyAccess)}.
 *
 * <p>Thread-safe.
 */
public final class SigningKey {
    private final KeyType type;
    private final SecretBytes privateKey;
    private final VerificationKey verificationKey;
    private final Ed25519PrivateKeyParameters ed25519;
    private final ECPrivateKeyParameters p256;

    private SigningKey(KeyType type, byte[] privateBytes) {
        this.type = type;
        this.privateKey = SecretBytes.copyOf(privateBytes, InsecureSecretKeyAccess.get());
        if (type == KeyType.ED25519) {
            this.ed25519 = new Ed25519PrivateKeyParameters(privateBytes);
            this.p256 = null;
            this.verificationKey = VerificationKey.fromEncoded(
                    type, ed25519.generatePublicKey().getEncoded());
        } else {
            BigInteger d = new BigInteger(1, privateBytes);
            if (!P256.isValidScalar(d)) {
                throw new MalformedInputException(ErrorCode.KEY_INVALID, "P-256 private scalar out of range");
            }
            this.ed25519 = null;
            this.p256 = new ECPrivateKeyParameters(d, P256.DOMAIN);
            this.verificationKey = VerificationKey.fromEncoded(
                    type, P256.DOMAIN.getG().multiply(d).normalize().getEncoded(false));
        }
    }

    /**
     * Generates a fresh key pair.
     *
     * @param type the key type
     * @param random the source of randomness; use a {@link SecureRandom} from the platform
     * @return the new key
     */
    public static SigningKey generate(KeyType type, SecureRandom random) {
        Objects.requireNonNull(random, "random");
        byte[] secret = new byte[type.coordinateLength()];
        if (type == KeyType.ED25519) {
            random.nextBytes(secret);
        } else {
            BigInteger d;
            do {
                random.nextBytes(secret);
                d = new BigInteger(1, secret);
            } while (!P256.isValidScalar(d));
        }
        try {
            return new SigningKey(type, secret);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /**
     * Restores a key from its private bytes: the 32-byte Ed25519 seed (RFC 8032), or the 32-byte
     * big-endian P-256 scalar.
     *
     * @param type the key type
     * @param privateBytes the 32 private bytes
     * @param access proof that the caller handles secret bytes on purpose
     * @return the key
     * @throws MalformedInputException {@link ErrorCode#KEY_INVALID} if the bytes are no valid key
     */
    public static SigningKey fromPrivateKeyBytes(KeyType type, byte[] privateBytes, InsecureSecretKeyAccess access) {
        Objects.requireNonNull(access, "access");
        if (privateBytes.length != type.coordinateLength()) {
            throw new MalformedInputException(
                    ErrorCode.KEY_INVALID,
                    "private key length " + privateBytes.length + ", want " + type.coordinateLength(),
                    -1,
                    Map.of(),
                    null);
        }
        return new SigningKey(type, privateBytes);
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
     * The public half.
     *
     * @return the verification key
     */
    public VerificationKey verificationKey() {
        return verificationKey;
    }

    /**
     * Returns a copy of the private key bytes (Ed25519 seed or P-256 scalar).
     *
     * @param access proof that the caller reads secret bytes on purpose
     * @return a new 32-byte array the caller owns and should wipe
     */
    public byte[] privateKeyBytes(InsecureSecretKeyAccess access) {
        return privateKey.toByteArray(access);
    }

    /**
     * Signs a message: pure Ed25519 (RFC 8032), or deterministic ECDSA P-256 over SHA-256 of the
     * message returning the 64-byte {@code r || s} (RFC 9053 section 2.1, RFC 6979).
     *
     * @param message the bytes to sign
     * @return the 64-byte signature
     */
    public byte[] sign(byte[] message) {
        byte[] signature = new byte[type.signatureLength()];
        if (type == KeyType.ED25519) {
            ed25519.sign(Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
            return signature;
        }
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, p256);
        BigInteger[] rs = signer.generateSignature(VerificationKey.sha256(message));
        System.arraycopy(P256.fixedLength(rs[0], 32), 0, signature, 0, 32);
        System.arraycopy(P256.fixedLength(rs[1], 32), 0, signature, 32, 32);
        return signature;
    }

    /** Renders the type and kid, never the private key. */
    @Override
    public String toString() {
        return "SigningKey[" + type + ", kid=" + verificationKey.kid().toHex() + "]";
    }
}
