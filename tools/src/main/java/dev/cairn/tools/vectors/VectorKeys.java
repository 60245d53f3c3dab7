package dev.cairn.tools.vectors;

import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Fixed keys for vectors, derived from public labels so that anyone can regenerate them. They sign
 * test data only and must never protect anything.
 */
final class VectorKeys {
    private VectorKeys() {}

    /** The private bytes for label {@code n}: SHA-256 of "cairn vector key &lt;type&gt; #n". */
    static byte[] privateBytes(KeyType type, int n) {
        try {
            String label = "cairn vector key " + type.name().toLowerCase(java.util.Locale.ROOT) + " #" + n;
            return MessageDigest.getInstance("SHA-256").digest(label.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static SigningKey key(KeyType type, int n) {
        return SigningKey.fromPrivateKeyBytes(type, privateBytes(type, n), InsecureSecretKeyAccess.get());
    }
}
