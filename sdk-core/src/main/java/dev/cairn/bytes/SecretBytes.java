package dev.cairn.bytes;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * Immutable secret bytes: key material, tokens, seeds.
 *
 * <p>Deliberately without {@code equals}/{@code hashCode} (identity semantics) and without content
 * in {@link #toString()}. Comparison is explicit and constant time through {@link #equalsSecret}.
 * Reading the bytes requires {@link InsecureSecretKeyAccess}.
 */
public final class SecretBytes {
    private final byte[] data;

    private SecretBytes(byte[] data) {
        this.data = data;
    }

    /**
     * Copies secret bytes into a new wrapper.
     *
     * @param data the secret; the caller should wipe its own copy afterwards
     * @param access proof that the caller handles secret bytes on purpose
     * @return the wrapped secret
     */
    public static SecretBytes copyOf(byte[] data, InsecureSecretKeyAccess access) {
        Objects.requireNonNull(access, "access");
        return new SecretBytes(data.clone());
    }

    /**
     * Draws fresh random secret bytes.
     *
     * @param length number of bytes
     * @param random source of randomness
     * @return the new secret
     */
    public static SecretBytes random(int length, SecureRandom random) {
        byte[] data = new byte[length];
        random.nextBytes(data);
        return new SecretBytes(data);
    }

    /**
     * Returns the number of bytes.
     *
     * @return the length
     */
    public int length() {
        return data.length;
    }

    /**
     * Returns a copy of the secret bytes.
     *
     * @param access proof that the caller handles secret bytes on purpose
     * @return a new array the caller owns and should wipe
     */
    public byte[] toByteArray(InsecureSecretKeyAccess access) {
        Objects.requireNonNull(access, "access");
        return data.clone();
    }

    /**
     * Compares two secrets in time that depends only on their lengths.
     *
     * @param other the secret to compare with
     * @return whether both hold the same bytes
     */
    public boolean equalsSecret(SecretBytes other) {
        return MessageDigest.isEqual(data, other.data);
    }

    /** Renders the length only, never the content. */
    @Override
    public String toString() {
        return "SecretBytes[" + data.length + " bytes, redacted]";
    }
}
