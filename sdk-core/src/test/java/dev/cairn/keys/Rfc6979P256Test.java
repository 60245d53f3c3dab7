package dev.cairn.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.bytes.InsecureSecretKeyAccess;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Deterministic ECDSA known answers: RFC 6979 appendix A.2.5, curve P-256 with SHA-256. Cairn's ES256
 * signature is {@code r || s} over SHA-256 of the message, exactly the RFC's computation.
 */
class Rfc6979P256Test {
    private static final String PRIVATE_KEY = "c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721";
    private static final String PUBLIC_X = "60fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6";
    private static final String PUBLIC_Y = "7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299";

    private static SigningKey key() {
        return SigningKey.fromPrivateKeyBytes(
                KeyType.P256, HexFormat.of().parseHex(PRIVATE_KEY), InsecureSecretKeyAccess.get());
    }

    @Test
    void publicKey() {
        assertEquals(
                "04" + PUBLIC_X + PUBLIC_Y, key().verificationKey().encoded().toHex());
    }

    @Test
    void sampleWithSha256() {
        byte[] signature = key().sign("sample".getBytes(StandardCharsets.US_ASCII));
        assertEquals(
                "efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716"
                        + "f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8",
                HexFormat.of().formatHex(signature));
    }

    @Test
    void testWithSha256() {
        byte[] signature = key().sign("test".getBytes(StandardCharsets.US_ASCII));
        assertEquals(
                "f1abb023518351cd71d881567b1ea663ed3efcf6c5132b354f28d3b0b7d38367"
                        + "019f4113742a2b14bd25926b49c649155f267e60d3814b4c0cc84250e46f0083",
                HexFormat.of().formatHex(signature));
    }

    @Test
    void publishedSignaturesVerify() {
        VerificationKey publicKey =
                VerificationKey.fromEncoded(KeyType.P256, HexFormat.of().parseHex("04" + PUBLIC_X + PUBLIC_Y));
        publicKey.verify(
                "sample".getBytes(StandardCharsets.US_ASCII),
                HexFormat.of()
                        .parseHex("efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716"
                                + "f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8"));
    }
}
