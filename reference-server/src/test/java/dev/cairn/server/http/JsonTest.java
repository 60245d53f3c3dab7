package dev.cairn.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.ErrorFamily;
import dev.cairn.errors.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The strict reader without HTTP: every input is a value or a typed malformed-input error with an
 * edge JSON code, nothing else.
 */
class JsonTest {
    private static final String GOOD =
            "{\"name\":\"a\",\"count\":1,\"tags\":[{\"name\":\"t\",\"weight\":2}],\"flag\":true}";
    private static final String ALPHABET = "{}[]\":,.-+0123456789eEtrufalsn \\\u00e9\u20ac\ud83d\ude00 namecoutgswih";
    private final Json json = new Json(Limits.defaults().withMaxJsonDepth(8));

    @Test
    void aGoodDocumentIsRead() {
        TestRoutes.EchoRequest request =
                json.parse(GOOD.getBytes(StandardCharsets.UTF_8), TestRoutes.EchoRequest.class);
        assertEquals("a", request.name());
        assertEquals(List.of(new TestRoutes.Tag("t", 2)), request.tags());
        assertEquals(Boolean.TRUE, request.flag());
    }

    @Test
    void arbitraryBytesGiveAValueOrAMalformedInput() {
        Gen<byte[]> bytes =
                lists().of(integers().between(0, 255)).ofSizeBetween(0, 120).map(JsonTest::toBytes);
        checkHostile(bytes, 2000);
    }

    @Test
    void mutatedDocumentsGiveAValueOrAMalformedInput() {
        Gen<byte[]> mutations = integers()
                .between(0, GOOD.length() - 1)
                .zip(integers().between(0, ALPHABET.length() - 1), integers().between(0, 2), (at, c, kind) -> {
                    StringBuilder s = new StringBuilder(GOOD);
                    switch (kind) {
                        case 0 -> s.setCharAt(at, ALPHABET.charAt(c));
                        case 1 -> s.insert((int) at, ALPHABET.charAt(c));
                        default -> s.deleteCharAt(at);
                    }
                    return s.toString().getBytes(StandardCharsets.UTF_8);
                });
        int accepted = checkHostile(mutations, 3000);
        assertTrue(accepted > 0, "some mutations (inside strings) are still valid");
    }

    @Test
    void theLimitsAreTheLimitsGiven() {
        Json small = new Json(Limits.defaults().withMaxBodyBytes(16));
        byte[] body = "{\"name\":\"abcdefghijkl\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals(
                ErrorCode.HTTP_BODY_TOO_LARGE,
                assertThrows(MalformedInputException.class, () -> small.parse(body, TestRoutes.EchoRequest.class))
                        .code());
        String deep = GOOD.replace("\"flag\":true", "\"flag\":" + "[".repeat(9) + "]".repeat(9));
        assertEquals(ErrorCode.HTTP_JSON_LIMIT, code(deep));
        String longName = GOOD.replace("\"flag\"", "\"" + "f".repeat(300) + "\"");
        assertEquals(ErrorCode.HTTP_JSON_LIMIT, code(longName));
    }

    @Test
    void syntaxIsJudgedBeforeTheShape() {
        // Malformed and of the wrong shape at once: the syntax error wins, whatever the type.
        assertEquals(ErrorCode.HTTP_JSON_DUPLICATE_KEY, code("{\"x\":1,\"x\":2}"));
        assertEquals(ErrorCode.HTTP_JSON_MALFORMED, code("[1] 2"));
        // An unknown member is reported even when a known one is missing.
        assertEquals(ErrorCode.HTTP_JSON_UNKNOWN_FIELD, code("{\"Name\":\"a\"}"));
    }

    private ErrorCode code(String body) {
        return assertThrows(
                        MalformedInputException.class,
                        () -> json.parse(body.getBytes(StandardCharsets.UTF_8), TestRoutes.EchoRequest.class))
                .code();
    }

    private int checkHostile(Gen<byte[]> inputs, int examples) {
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();
        qt().withExamples(examples).forAll(inputs).checkAssert(input -> {
            try {
                json.parse(input, TestRoutes.EchoRequest.class);
                accepted.incrementAndGet();
            } catch (MalformedInputException e) {
                rejected.incrementAndGet();
                assertEquals(ErrorFamily.MALFORMED_INPUT, e.code().family());
                assertTrue(
                        e.code().name().startsWith("HTTP_JSON_") || e.code() == ErrorCode.HTTP_BODY_INVALID,
                        e.code().name());
                assertEquals(400, ErrorStatus.of(e.code()));
            }
        });
        assertTrue(rejected.get() > examples / 2, "rejected " + rejected);
        return accepted.get();
    }

    private static byte[] toBytes(List<Integer> values) {
        byte[] out = new byte[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (int) values.get(i);
        }
        return out;
    }
}
