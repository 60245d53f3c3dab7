package dev.cairn.server.http;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.ErrorFamily;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The status of each code, and the table of spec/http-api.md, which must equal what {@link
 * ErrorStatus} renders. Regenerate it with {@code ./cairn generate} (after adding codes), then review
 * the diff.
 */
class ErrorStatusTest {
    static final String BEGIN = "<!-- BEGIN GENERATED: ./cairn generate -->";
    static final String END = "<!-- END GENERATED -->";
    private static final Path SPEC = Path.of("..", "spec", "http-api.md");

    @Test
    void everyCodeHasAnErrorStatusThatFitsItsFamily() {
        assertAll(Arrays.stream(ErrorCode.values()).map(code -> (Executable) () -> {
            int status = ErrorStatus.of(code);
            assertTrue(status >= 400 && status <= 599, code + " " + status);
            if (code.family() == ErrorFamily.INTERNAL) {
                assertTrue(status >= 500, code + " is the server's failure, not the caller's");
            }
            if (code.family() == ErrorFamily.MALFORMED_INPUT) {
                assertTrue(status >= 400 && status < 500, code + " is the caller's input");
            }
            if (code.retryAfter().isPresent()) {
                assertTrue(status == 409 || status == 503, code + " with Retry-After answers " + status);
            }
        }));
    }

    @Test
    void knownStatuses() {
        assertEquals(401, ErrorStatus.of(ErrorCode.TLS_PEER_MISSING));
        assertEquals(401, ErrorStatus.of(ErrorCode.CERT_REVOKED));
        assertEquals(401, ErrorStatus.of(ErrorCode.TOKEN_EXPIRED));
        assertEquals(401, ErrorStatus.of(ErrorCode.TOKEN_MALFORMED));
        assertEquals(403, ErrorStatus.of(ErrorCode.TOKEN_SCOPE_MISSING));
        assertEquals(404, ErrorStatus.of(ErrorCode.MARKER_NOT_FOUND));
        assertEquals(409, ErrorStatus.of(ErrorCode.BUNDLE_ROLLBACK));
        assertEquals(409, ErrorStatus.of(ErrorCode.CA_ROTATION_NOT_PROPAGATED));
        assertEquals(400, ErrorStatus.of(ErrorCode.CBOR_TRUNCATED));
        assertEquals(403, ErrorStatus.of(ErrorCode.COSE_BAD_SIGNATURE));
        assertEquals(413, ErrorStatus.of(ErrorCode.HTTP_BODY_TOO_LARGE));
        assertEquals(415, ErrorStatus.of(ErrorCode.HTTP_UNSUPPORTED_MEDIA_TYPE));
        assertEquals(500, ErrorStatus.of(ErrorCode.INTERNAL_BUG));
        assertEquals(503, ErrorStatus.of(ErrorCode.INTERNAL_IO));
        assertEquals(503, ErrorStatus.of(ErrorCode.REVOCATION_HEAD_STALE));
    }

    @Test
    void theSpecTableIsGeneratedFromTheCode() throws IOException {
        String spec = Files.readString(SPEC, StandardCharsets.UTF_8);
        int begin = spec.indexOf(BEGIN);
        int end = spec.indexOf(END, begin);
        assertTrue(begin >= 0 && end > begin, "spec/http-api.md has no generated status table");
        String expected = BEGIN + "\n" + ErrorStatus.markdownTable() + END;
        String actual = spec.substring(begin, end + END.length());
        assertEquals(expected, actual, "spec/http-api.md drifted from ErrorStatus: run ./cairn generate");
    }
}
