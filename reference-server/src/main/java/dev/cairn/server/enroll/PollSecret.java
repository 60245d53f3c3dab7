package dev.cairn.server.enroll;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.errors.VerificationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The poll secret of a join request ({@code spec/enrollment.md} section 3): 32 random bytes in
 * unpadded base64url, shown once; the server keeps only the SHA-256 of its text.
 */
final class PollSecret {
    static final String SCHEME = "Cairn-Poll ";
    static final int TEXT_LENGTH = 43;

    private PollSecret() {}

    static String generate(SecureRandom random) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new InternalException(ErrorCode.INTERNAL_CRYPTO, "SHA-256 is unavailable", e);
        }
    }

    /**
     * The secret of an {@code Authorization: Cairn-Poll <secret>} header value.
     *
     * @throws VerificationException {@link ErrorCode#JOIN_POLL_UNAUTHORIZED} if missing or malformed
     */
    static String fromHeader(String header) {
        if (header == null
                || header.length() != SCHEME.length() + TEXT_LENGTH
                || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw unauthorized();
        }
        String secret = header.substring(SCHEME.length());
        for (int i = 0; i < secret.length(); i++) {
            char c = secret.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
                throw unauthorized();
            }
        }
        return secret;
    }

    static VerificationException unauthorized() {
        return new VerificationException(
                ErrorCode.JOIN_POLL_UNAUTHORIZED, "want Authorization: Cairn-Poll and the request's poll secret");
    }
}
