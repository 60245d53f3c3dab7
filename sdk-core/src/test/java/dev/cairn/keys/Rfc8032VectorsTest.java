package dev.cairn.keys;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.bytes.Bytes;
import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The Ed25519 test vectors of RFC 8032 section 7.1, from {@code interop/rfc8032/ed25519.json}. */
class Rfc8032VectorsTest {
    private static final HexFormat HEX = HexFormat.of();

    record Vector(String name, byte[] secretKey, byte[] publicKey, byte[] message, byte[] signature) {}

    static List<Vector> vectors() throws IOException {
        try (InputStream in = Rfc8032VectorsTest.class.getResourceAsStream("/interop/rfc8032/ed25519.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            assertEquals("RFC 8032 section 7.1", root.get("source").asText());
            List<Vector> out = new ArrayList<>();
            for (JsonNode v : root.get("vectors")) {
                out.add(new Vector(
                        v.get("name").asText(),
                        HEX.parseHex(v.get("secret_key").asText()),
                        HEX.parseHex(v.get("public_key").asText()),
                        HEX.parseHex(v.get("message").asText()),
                        HEX.parseHex(v.get("signature").asText())));
            }
            return out;
        }
    }

    @Test
    void theFileHoldsTheFiveVectors() throws Exception {
        List<Vector> vectors = vectors();
        assertEquals(
                List.of("TEST 1", "TEST 2", "TEST 3", "TEST 1024", "TEST SHA(abc)"),
                vectors.stream().map(Vector::name).toList());
        assertEquals(
                List.of(0, 1, 2, 1023, 64),
                vectors.stream().map(v -> v.message().length).toList());
        byte[] shaAbc = MessageDigest.getInstance("SHA-512").digest("abc".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals(shaAbc, vectors.get(4).message());
    }

    @Test
    void restoredKeysHaveThePublishedPublicKeyAndSignature() throws Exception {
        assertAll(vectors().stream().map(v -> (Executable) () -> {
            SigningKey key =
                    SigningKey.fromPrivateKeyBytes(KeyType.ED25519, v.secretKey(), InsecureSecretKeyAccess.get());
            assertEquals(Bytes.copyOf(v.publicKey()), key.verificationKey().encoded(), v.name() + " public key");
            assertArrayEquals(v.signature(), key.sign(v.message()), v.name() + " signature");
        }));
    }

    @Test
    void publishedSignaturesVerify() throws Exception {
        assertAll(vectors().stream().map(v -> (Executable) () -> {
            VerificationKey key = VerificationKey.fromEncoded(KeyType.ED25519, v.publicKey());
            key.verify(v.message(), v.signature());
        }));
    }

    @Test
    void everySingleBitFlipOfASignatureIsRejected() throws Exception {
        List<Executable> checks = new ArrayList<>();
        for (Vector v : vectors()) {
            VerificationKey key = VerificationKey.fromEncoded(KeyType.ED25519, v.publicKey());
            for (int bit = 0; bit < 8 * v.signature().length; bit++) {
                byte[] flipped = v.signature().clone();
                flipped[bit / 8] ^= (byte) (1 << (bit % 8));
                int where = bit;
                checks.add(() -> assertEquals(
                        ErrorCode.SIGNATURE_INVALID,
                        assertThrows(CairnException.class, () -> key.verify(v.message(), flipped))
                                .code(),
                        v.name() + " bit " + where));
            }
        }
        assertAll(checks);
    }

    @Test
    void everySingleBitFlipOfAShortMessageIsRejected() throws Exception {
        List<Executable> checks = new ArrayList<>();
        for (Vector v : vectors()) {
            if (v.message().length > 64) {
                continue;
            }
            VerificationKey key = VerificationKey.fromEncoded(KeyType.ED25519, v.publicKey());
            for (int bit = 0; bit < 8 * v.message().length; bit++) {
                byte[] flipped = v.message().clone();
                flipped[bit / 8] ^= (byte) (1 << (bit % 8));
                checks.add(() -> assertEquals(
                        ErrorCode.SIGNATURE_INVALID,
                        assertThrows(CairnException.class, () -> key.verify(flipped, v.signature()))
                                .code()));
            }
        }
        assertAll(checks);
    }
}
