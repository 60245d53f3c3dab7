package dev.cairn.server.pki;

import dev.cairn.bytes.Bytes;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * The bootstrap admin credential ({@code spec/server.md}, section 4): {@code cairn-admin_} and 32
 * random bytes in unpadded base64url. The server keeps only its SHA-256 and compares in constant
 * time. {@link #toString()} never shows the secret.
 */
public final class AdminCredential {
    /** The credential's prefix. */
    public static final String PREFIX = "cairn-admin_";

    private static final int SECRET_BYTES = 32;
    private static final int LENGTH = PREFIX.length() + 43;

    private final String text;

    private AdminCredential(String text) {
        this.text = text;
    }

    /**
     * A new random credential.
     *
     * @param random the source
     * @return the credential
     */
    public static AdminCredential generate(SecureRandom random) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return new AdminCredential(
                PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /**
     * The credential's text, as written to {@code admin.credential}.
     *
     * @return the secret text
     */
    public String reveal() {
        return text;
    }

    /**
     * The SHA-256 the server keeps.
     *
     * @return 32 bytes
     */
    public Bytes hash() {
        return sha256(text);
    }

    /**
     * Whether a presented credential is the one whose hash the server keeps; constant time in the
     * presented text once its length is right.
     *
     * @param presented what a client sent
     * @param kept the kept hash
     * @return true when they match
     */
    public static boolean matches(String presented, Bytes kept) {
        Objects.requireNonNull(kept, "kept");
        if (presented == null || presented.length() != LENGTH || !presented.startsWith(PREFIX)) {
            return false;
        }
        return MessageDigest.isEqual(sha256(presented).toByteArray(), kept.toByteArray());
    }

    private static Bytes sha256(String text) {
        try {
            return Bytes.copyOf(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new InternalException(ErrorCode.INTERNAL_CRYPTO, "SHA-256 is missing", e);
        }
    }

    @Override
    public String toString() {
        return "AdminCredential[redacted]";
    }
}
