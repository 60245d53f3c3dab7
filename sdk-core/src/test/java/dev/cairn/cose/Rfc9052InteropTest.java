package dev.cairn.cose;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.bytes.Bytes;
import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.cbor.CborBytes;
import dev.cairn.cbor.CborInt;
import dev.cairn.cbor.CborLimits;
import dev.cairn.cbor.CborMap;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.keys.VerificationKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * COSE_Sign1 messages published by the COSE working group (RFC 9052 Appendix C.2.1 and cose-wg/Examples
 * sign1-tests), from {@code interop/rfc9052/sign1.json}, all walked by one test that reports every failure.
 */
class Rfc9052InteropTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final JsonNode ROOT = load();

    private static JsonNode load() {
        try (InputStream in = Rfc9052InteropTest.class.getResourceAsStream("/interop/rfc9052/sign1.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] hex(JsonNode node, String field) {
        return HEX.parseHex(node.get(field).asText().toLowerCase(java.util.Locale.ROOT));
    }

    private static VerificationKey publicKey() {
        JsonNode key = ROOT.get("key");
        byte[] point = new byte[65];
        point[0] = 0x04;
        System.arraycopy(hex(key, "x"), 0, point, 1, 32);
        System.arraycopy(hex(key, "y"), 0, point, 33, 32);
        return VerificationKey.fromEncoded(KeyType.P256, point);
    }

    private static SigningKey signingKey() {
        return SigningKey.fromPrivateKeyBytes(KeyType.P256, hex(ROOT.get("key"), "d"), InsecureSecretKeyAccess.get());
    }

    private static CoseVerifier verifier() {
        return CoseVerifier.builder()
                .key(publicKey())
                .allowAlgorithms(CoseAlgorithm.ES256)
                .ignoreKid()
                .build();
    }

    private static JsonNode vector(String name) {
        for (JsonNode v : ROOT.get("vectors")) {
            if (v.get("name").asText().equals(name)) {
                return v;
            }
        }
        throw new AssertionError("no vector " + name);
    }

    @Test
    void theFileNamesItsSources() {
        assertTrue(ROOT.get("source").asText().contains("RFC 9052"));
        for (JsonNode v : ROOT.get("vectors")) {
            assertTrue(!v.get("source").asText().isBlank(), v.get("name").asText());
        }
    }

    @Test
    void everyVectorHasItsExpectedOutcome() {
        CoseVerifier verifier = verifier();
        List<Executable> checks = new ArrayList<>();
        for (JsonNode v : ROOT.get("vectors")) {
            String name = v.get("name").asText();
            byte[] message = hex(v, "cbor");
            byte[] aad = hex(v, "external_aad");
            String expect = v.get("expect").asText();
            checks.add(() -> {
                if (expect.equals("valid")) {
                    VerifiedSign1 verified = verifier.verify(message, aad);
                    assertEquals(
                            Bytes.copyOf(v.get("payload_text").asText().getBytes(StandardCharsets.UTF_8)),
                            verified.payload(),
                            name);
                    assertEquals(CoseAlgorithm.ES256, verified.algorithm(), name);
                } else {
                    CairnException e = assertThrows(CairnException.class, () -> verifier.verify(message, aad), name);
                    assertEquals(ErrorCode.valueOf(expect), e.code(), name);
                }
            });
        }
        assertTrue(checks.size() >= 5);
        assertAll(checks);
    }

    @Test
    void ourToBeSignedEqualsThePublishedOne() {
        List<Executable> checks = new ArrayList<>();
        for (JsonNode v : ROOT.get("vectors")) {
            if (!v.has("to_be_signed")) {
                continue;
            }
            checks.add(() -> {
                CoseSign1 message = CoseSign1.decode(hex(v, "cbor"), CborLimits.DEFAULT);
                byte[] tbs = CoseFixtures.toBeSigned(
                        message.protectedHeader().toByteArray(),
                        hex(v, "external_aad"),
                        message.payload().orElseThrow().toByteArray());
                assertArrayEquals(hex(v, "to_be_signed"), tbs, v.get("name").asText());
                publicKey().verify(tbs, message.signature().toByteArray());
            });
        }
        assertEquals(2, checks.size());
        assertAll(checks);
    }

    @Test
    void theExampleMessageDecodesToThePublishedParts() {
        CoseSign1 message =
                CoseSign1.decode(hex(vector("rfc9052-c.2.1-single-ecdsa-signature"), "cbor"), CborLimits.DEFAULT);
        assertEquals(Bytes.fromHex("a10126"), message.protectedHeader());
        assertEquals(
                CborMap.builder()
                        .put(4, CborBytes.of("11".getBytes(StandardCharsets.US_ASCII)))
                        .build(),
                message.unprotectedHeader());
        assertEquals(64, message.signature().length());
        assertArrayEquals(hex(vector("rfc9052-c.2.1-single-ecdsa-signature"), "cbor"), message.encode());
    }

    @Test
    void theKidCheckRejectsTheExampleKid() {
        // The examples carry kid '11'; Cairn's default verifier wants the derived kid.
        CoseVerifier strict = CoseVerifier.builder()
                .key(publicKey())
                .allowAlgorithms(CoseAlgorithm.ES256)
                .build();
        byte[] message = hex(vector("rfc9052-c.2.1-single-ecdsa-signature"), "cbor");
        assertEquals(
                ErrorCode.COSE_KID_MISMATCH,
                assertThrows(CairnException.class, () -> strict.verify(message)).code());
    }

    @Test
    void theExampleKeyRestoresFromItsPrivateScalar() {
        assertEquals(publicKey(), signingKey().verificationKey());
    }

    @Test
    void messagesSignedByCairnWithTheExampleKeyVerify() {
        CoseSigner signer = CoseSigner.builder(signingKey()).build();
        byte[] payload = "This is the content.".getBytes(StandardCharsets.US_ASCII);
        byte[] aad = hex(vector("sign-pass-02-external-aad"), "external_aad");
        CoseVerifier strict = CoseVerifier.builder()
                .key(publicKey())
                .allowAlgorithms(CoseAlgorithm.ES256)
                .build();
        assertEquals(
                Bytes.copyOf(payload),
                strict.verify(signer.sign(payload).encode()).payload());
        assertEquals(
                Bytes.copyOf(payload),
                strict.verify(signer.sign(payload, aad).encode(), aad).payload());
        assertEquals(
                Bytes.copyOf(payload),
                verifier().verify(signer.sign(payload).encode()).payload());
    }

    @Test
    void theUntaggedExampleVerifiesOnceTagged() {
        // sign-pass-03 is rejected only for the missing tag: with d2 in front its signature is valid.
        byte[] untagged = hex(vector("sign-pass-03-untagged"), "cbor");
        byte[] tagged = new byte[untagged.length + 1];
        tagged[0] = (byte) 0xd2;
        System.arraycopy(untagged, 0, tagged, 1, untagged.length);
        assertEquals(
                Bytes.copyOf("This is the content.".getBytes(StandardCharsets.US_ASCII)),
                verifier().verify(tagged).payload());
    }

    @Test
    void theUnprotectedAlgExampleIsRejectedForThatReasonOnly() {
        // sign-pass-01 with alg moved into the protected header would be a new message; here we check the
        // rejection does not depend on the kid or the signature.
        byte[] message = hex(vector("sign-pass-01-alg-unprotected"), "cbor");
        CoseSign1 decoded = CoseSign1.decode(message, CborLimits.DEFAULT);
        assertEquals(Bytes.fromHex("a0"), decoded.protectedHeader());
        assertEquals(CborInt.of(-7), decoded.unprotectedHeader().get(1).orElseThrow());
        assertTrue(vector("sign-pass-01-alg-unprotected")
                .get("cairn_profile")
                .asText()
                .contains("protected"));
    }
}
