package dev.cairn.server.enroll;

import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.bytes.SecretBytes;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.errors.VerificationException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The wire form of join tokens ({@code spec/enrollment.md} section 2): {@code cjt_} and the unpadded
 * base64url of a 16-byte id then a 32-byte secret; and the keyed hash the server stores instead of
 * the secret.
 */
final class JoinTokenWire {
    static final String PREFIX = "cjt_";
    static final int ID_BYTES = 16;
    static final int SECRET_BYTES = 32;
    static final int LENGTH = PREFIX.length() + 64;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    /** A parsed token: its id in hex and its secret. */
    record Parsed(String tokenId, SecretBytes secret) {}

    private JoinTokenWire() {}

    /** The token text for an id and a secret. */
    static String format(byte[] id, byte[] secret) {
        byte[] both = Arrays.copyOf(id, ID_BYTES + SECRET_BYTES);
        System.arraycopy(secret, 0, both, ID_BYTES, SECRET_BYTES);
        try {
            return PREFIX + ENCODER.encodeToString(both);
        } finally {
            Arrays.fill(both, (byte) 0);
        }
    }

    /**
     * Parses a token strictly: the prefix, exactly 64 base64url characters, canonical.
     *
     * @throws VerificationException {@link ErrorCode#JOIN_TOKEN_INVALID}, without saying why
     */
    static Parsed parse(String token, InsecureSecretKeyAccess access) {
        if (token == null || token.length() != LENGTH || !token.startsWith(PREFIX)) {
            throw invalid();
        }
        String body = token.substring(PREFIX.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            boolean ok =
                    (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                throw invalid();
            }
        }
        byte[] both = Base64.getUrlDecoder().decode(body);
        try {
            if (both.length != ID_BYTES + SECRET_BYTES
                    || !ENCODER.encodeToString(both).equals(body)) {
                throw invalid();
            }
            String id = HexFormat.of().formatHex(both, 0, ID_BYTES);
            return new Parsed(id, SecretBytes.copyOf(Arrays.copyOfRange(both, ID_BYTES, both.length), access));
        } finally {
            Arrays.fill(both, (byte) 0);
        }
    }

    /** HMAC-SHA256(key, secret). */
    static byte[] keyedHash(SecretBytes key, SecretBytes secret, InsecureSecretKeyAccess access) {
        byte[] k = key.toByteArray(access);
        byte[] s = secret.toByteArray(access);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(k, "HmacSHA256"));
            return mac.doFinal(s);
        } catch (GeneralSecurityException e) {
            throw new InternalException(ErrorCode.INTERNAL_CRYPTO, "HMAC-SHA256 is unavailable", e);
        } finally {
            Arrays.fill(k, (byte) 0);
            Arrays.fill(s, (byte) 0);
        }
    }

    /** Constant-time equality of two keyed hashes. */
    static boolean same(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    static VerificationException invalid() {
        return new VerificationException(ErrorCode.JOIN_TOKEN_INVALID, "not a valid join token");
    }
}
