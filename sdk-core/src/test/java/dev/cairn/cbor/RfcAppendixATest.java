package dev.cairn.cbor;

import static dev.cairn.cbor.CborAssertions.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The examples of RFC 8949 Appendix A, each with the outcome Cairn's profile gives it. */
class RfcAppendixATest {
    private static final String RESOURCE = "/interop/rfc8949/appendix-a.json";

    private static JsonNode document() throws IOException {
        try (InputStream in = RfcAppendixATest.class.getResourceAsStream(RESOURCE)) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void namesItsSourceAndCoversTheWholeTable() throws IOException {
        JsonNode doc = document();
        assertTrue(doc.get("source").asText().startsWith("RFC 8949 Appendix A"));
        // Table 6 has 81 rows; 7 rows appear a second time with the tag they use allowed.
        assertEquals(88, doc.get("vectors").size());
    }

    @TestFactory
    Stream<DynamicTest> everyExample() throws IOException {
        JsonNode vectors = document().get("vectors");
        return StreamSupport.stream(vectors.spliterator(), false).map(v -> {
            String name = v.get("diagnostic").asText() + " " + v.get("hex").asText() + " -> "
                    + v.get("expect").asText() + (v.has("allowedTags") ? " tags " + v.get("allowedTags") : "");
            return DynamicTest.dynamicTest(name, () -> check(v));
        });
    }

    private static void check(JsonNode vector) {
        byte[] input = hex(vector.get("hex").asText());
        Set<Long> tags = new HashSet<>();
        if (vector.has("allowedTags")) {
            vector.get("allowedTags").forEach(t -> tags.add(t.asLong()));
        }
        CborLimits limits = CborLimits.DEFAULT.withAllowedTags(tags);
        String expect = vector.get("expect").asText();
        if (expect.equals("accept")) {
            CborValue value = Cbor.decode(input, limits);
            String diagnostic = vector.has("decodedDiagnostic")
                    ? vector.get("decodedDiagnostic").asText()
                    : vector.get("diagnostic").asText();
            assertEquals(diagnostic, value.toDiagnostic());
            assertArrayEquals(input, Cbor.encode(value));
        } else {
            MalformedInputException e = assertThrows(MalformedInputException.class, () -> Cbor.decode(input, limits));
            assertEquals(ErrorCode.valueOf(expect), e.code());
            assertEquals(vector.get("offset").asLong(), e.offset().orElseThrow());
        }
    }
}
