package dev.cairn.agent.state;

import dev.cairn.bytes.Bytes;
import dev.cairn.keys.VerificationKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;

/**
 * Whether a certificate certifies a key: its SubjectPublicKeyInfo is byte for byte the one the key
 * encodes to (RFC 8410 for Ed25519; RFC 5480, uncompressed point, for P-256).
 */
final class KeyMatch {
    private static final Bytes ED25519_PREFIX = Bytes.fromHex("302a300506032b6570032100");
    private static final Bytes P256_PREFIX = Bytes.fromHex("3059301306072a8648ce3d020106082a8648ce3d030107034200");

    private KeyMatch() {}

    static boolean certifies(X509Certificate certificate, VerificationKey key) {
        Bytes prefix = switch (key.type()) {
            case ED25519 -> ED25519_PREFIX;
            case P256 -> P256_PREFIX;
        };
        byte[] expected = new byte[prefix.length() + key.encoded().length()];
        prefix.copyTo(expected, 0);
        key.encoded().copyTo(expected, prefix.length());
        return Arrays.equals(expected, certificate.getPublicKey().getEncoded());
    }
}
