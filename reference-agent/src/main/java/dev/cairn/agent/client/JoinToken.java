package dev.cairn.agent.client;

import dev.cairn.bytes.InsecureSecretKeyAccess;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A join token ({@code spec/enrollment.md} section 2) as the operator handed it over: {@code cjt_}
 * and unpadded base64url. A secret: no {@code equals}, nothing of it in {@link #toString()}, and its
 * text only through {@link #reveal(InsecureSecretKeyAccess)}. The agent never stores it; the server
 * checks it.
 */
public final class JoinToken {
    /** The prefix of every join token. */
    public static final String PREFIX = "cjt_";

    private static final Pattern FORM = Pattern.compile("cjt_[A-Za-z0-9_-]{1,252}");

    private final byte[] text;

    private JoinToken(String text) {
        this.text = text.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Reads a token given on the command line.
     *
     * @param text the token
     * @return the token
     * @throws IllegalArgumentException if it is not {@code cjt_} and 1 to 252 base64url characters
     */
    public static JoinToken parse(String text) {
        Objects.requireNonNull(text, "text");
        if (!FORM.matcher(text).matches()) {
            throw new IllegalArgumentException("a join token is cjt_ followed by base64url characters");
        }
        return new JoinToken(text);
    }

    /**
     * The token's text, for the request body.
     *
     * @param access the explicit token for secret material
     * @return the text
     */
    public String reveal(InsecureSecretKeyAccess access) {
        Objects.requireNonNull(access, "access");
        return new String(text, StandardCharsets.US_ASCII);
    }

    /**
     * Compares two tokens in constant time.
     *
     * @param other the other token
     * @return whether they are the same text
     */
    public boolean equalsSecret(JoinToken other) {
        return MessageDigest.isEqual(text, other.text);
    }

    @Override
    public String toString() {
        return "JoinToken[redacted]";
    }
}
