package dev.cairn.verifier.vectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.verifier.vectors.VectorResult.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The checker's own rules: the envelope, the layout, and what each status means. */
class VectorCheckerTest {
    private static final Path VECTORS =
            Path.of("..", "vectors").toAbsolutePath().normalize();

    private static final String CBOR_ACCEPT = "cbor/accept/uint-24.json";

    private static String cborAccept(String input, String diagnostic) {
        return "{\"format\": 1, \"kind\": \"cbor\", \"name\": \"uint-24\", \"description\": \"d\","
                + " \"expect\": \"accept\", \"input\": \"" + input + "\", \"diagnostic\": \"" + diagnostic + "\"}";
    }

    private static String cborReject(String error, String offset) {
        return "{\"format\": 1, \"kind\": \"cbor\", \"name\": \"x\", \"description\": \"d\", \"expect\": \"reject\","
                + " \"error\": \"" + error + "\", \"input\": \"19\"" + offset + "}";
    }

    private static VectorResult check(String file, String json) {
        return VectorChecker.check(file, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aVectorThatHoldsIsValid() {
        VectorResult result = check(CBOR_ACCEPT, cborAccept("1818", "24"));
        assertEquals(Status.VALID, result.status(), result.toString());
        assertEquals("accept", result.wanted());
        assertEquals("accept", result.got());
        assertNull(result.differed());
        assertEquals(
                Status.VALID,
                check("cbor/reject/x.json", cborReject("CBOR_TRUNCATED", ", \"offset\": 0"))
                        .status());
    }

    @Test
    void aDifferentResultFails() {
        VectorResult result = check(CBOR_ACCEPT, cborAccept("1818", "25"));
        assertEquals(Status.FAILED, result.status());
        assertEquals("accept", result.got());
        assertEquals("diagnostic: got 24, want 25", result.differed());
    }

    @Test
    void aRejectionOfAnAcceptVectorFailsWithItsCode() {
        VectorResult result = check(CBOR_ACCEPT, cborAccept("1817", "23"));
        assertEquals(Status.FAILED, result.status());
        assertEquals("CBOR_NON_CANONICAL", result.got());
    }

    @Test
    void anotherCodeOrOffsetFails() {
        VectorResult code = check("cbor/reject/x.json", cborReject("CBOR_TRAILING_BYTES", ""));
        assertEquals(Status.FAILED, code.status());
        assertEquals("CBOR_TRAILING_BYTES", code.wanted());
        assertEquals("CBOR_TRUNCATED", code.got());
        VectorResult offset = check("cbor/reject/x.json", cborReject("CBOR_TRUNCATED", ", \"offset\": 3"));
        assertEquals(Status.FAILED, offset.status());
        assertEquals("offset 0, want 3", offset.differed());
    }

    @Test
    void anAcceptedRejectVectorFails() {
        String json = cborReject("CBOR_TRUNCATED", "").replace("\"19\"", "\"00\"");
        VectorResult result = check("cbor/reject/x.json", json);
        assertEquals(Status.FAILED, result.status());
        assertEquals("accept", result.got());
        assertEquals("accepted, want CBOR_TRUNCATED", result.differed());
    }

    @Test
    void anEnvelopeThatBreaksItsRulesIsMalformed() {
        String good = cborAccept("1818", "24");
        assertMalformed(CBOR_ACCEPT, good.replace("\"format\": 1", "\"format\": 2"), "format 2, want 1");
        assertMalformed(CBOR_ACCEPT, good.replace("\"uint-24\"", "\"uint-25\""), "name");
        assertMalformed("cbor/reject/uint-24.json", good, "expect");
        assertMalformed("hash/accept/uint-24.json", good, "kind");
        assertMalformed("cbor/reject/x.json", cborReject("NO_SUCH_CODE", ""), "unknown error code NO_SUCH_CODE");
        assertMalformed(CBOR_ACCEPT, good.replace("\"1818\"", "\"18 18\""), "input is not a string of lowercase hex");
        assertMalformed(CBOR_ACCEPT, good.replace("\"input\"", "\"inputs\""), "missing field input");
        assertMalformed(CBOR_ACCEPT, "[1]", "not a JSON object");
        assertMalformed(CBOR_ACCEPT, good + " {}", "not JSON");
        assertMalformed(CBOR_ACCEPT, good.replace("{", "{\"input\": \"00\", "), "not JSON");
        assertMalformed("uint-24.json", good, "not at <kind>");
    }

    private static void assertMalformed(String file, String json, String differedStart) {
        VectorResult result = check(file, json);
        assertEquals(Status.MALFORMED, result.status(), result.toString());
        assertTrue(result.differed().startsWith(differedStart), result.differed());
    }

    @Test
    void unknownKindsAndTrustTypesFail() {
        String unknown = "{\"format\": 1, \"kind\": \"frob\", \"name\": \"x\", \"expect\": \"accept\"}";
        VectorResult kind = check("frob/accept/x.json", unknown);
        assertEquals(Status.FAILED, kind.status());
        assertTrue(kind.differed().startsWith("unknown kind frob"), kind.differed());
        String type =
                "{\"format\": 1, \"kind\": \"trust\", \"name\": \"x\", \"expect\": \"accept\", \"type\": \"frob\"}";
        assertEquals(Status.FAILED, check("trust/accept/x.json", type).status());
    }

    @Test
    void everyCommittedVectorHoldsAndEveryKindIsKnown() {
        SortedMap<String, byte[]> files = VectorTree.read(VECTORS);
        CheckReport report = VectorChecker.checkAll(files);
        assertEquals(files.size(), report.results().size());
        assertEquals(List.of(), report.failures(), report.summary());
        assertEquals(
                VectorChecker.kinds(),
                new TreeSet<>(report.results().stream().map(VectorResult::kind).toList()));
    }
}
