package dev.cairn.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.errors.ErrorCode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The one error body, for every family and for what Javalin and Jetty raise themselves. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorBodyEdgeTest {
    private static final Set<String> MEMBERS =
            Set.of("code", "family", "message", "retryable", "retry_after", "hint", "trace_id", "details");
    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");

    private EdgeFixture f;
    private HttpClient client;

    @BeforeAll
    void start() {
        f = new EdgeFixture();
        client = f.anonymous();
    }

    @AfterAll
    void stop() {
        f.close();
    }

    /** Checks the body against its code: every member, the status, the trace id in both places. */
    static JsonNode assertErrorBody(EdgeFixture.Reply reply, ErrorCode code) {
        assertEquals(ErrorStatus.of(code), reply.status(), reply.text());
        assertTrue(reply.header("Content-Type").startsWith("application/json"), reply.header("Content-Type"));
        JsonNode body = reply.json();
        assertEquals(List.of("error"), iterable(body.fieldNames()), reply.text());
        JsonNode error = body.path("error");
        for (String member : iterable(error.fieldNames())) {
            assertTrue(MEMBERS.contains(member), "unexpected member " + member);
        }
        assertEquals(code.name(), error.path("code").asText());
        assertEquals(code.family().name(), error.path("family").asText());
        assertEquals(code.retryable(), error.path("retryable").asBoolean());
        assertEquals(code.hint(), error.path("hint").asText());
        assertTrue(error.path("message").isTextual());
        assertTrue(error.path("details").isObject());
        String traceId = error.path("trace_id").asText();
        assertTrue(TRACE_ID.matcher(traceId).matches(), traceId);
        assertEquals(traceId, reply.header("traceparent").split("-")[1]);
        if (code.retryAfter().isPresent()) {
            long seconds = code.retryAfter().get().toSeconds();
            assertEquals(seconds, error.path("retry_after").asLong());
            assertEquals(Long.toString(seconds), reply.header("Retry-After"));
        } else {
            assertFalse(error.has("retry_after"));
            assertNull(reply.header("Retry-After"));
        }
        return error;
    }

    @Test
    void malformedInputFromAHandler() {
        JsonNode error = assertErrorBody(f.get(client, "/test/fail/malformed"), ErrorCode.CBOR_TRUNCATED);
        assertEquals("3", error.path("details").path("offset").asText());
        assertEquals("got 3 bytes, want 5", error.path("message").asText());
    }

    @Test
    void aRejectionFromAHandler() {
        EdgeFixture.Reply reply = f.get(client, "/test/fail/rejected");
        JsonNode error = assertErrorBody(reply, ErrorCode.MARKER_NOT_FOUND);
        assertEquals(404, reply.status());
        assertEquals("sequence < 10", error.path("details").path("expected").asText());
        assertEquals("12", error.path("details").path("found").asText());
    }

    @Test
    void anInternalFailureIsRetryableAndTellsNothingInside() {
        EdgeFixture.Reply reply = f.get(client, "/test/fail/internal");
        JsonNode error = assertErrorBody(reply, ErrorCode.INTERNAL_IO);
        assertEquals(503, reply.status());
        assertFalse(reply.text().contains("/var/secret"), reply.text());
        assertTrue(error.path("details").isEmpty());
    }

    @Test
    void anUncaughtExceptionIs500WithoutAStackTrace() {
        for (String path : new String[] {"/test/fail/other", "/test/error", "/test/wrong-response"}) {
            EdgeFixture.Reply reply = f.get(client, path);
            assertErrorBody(reply, ErrorCode.INTERNAL_BUG);
            assertFalse(reply.text().contains("hunter2"), reply.text());
            assertFalse(reply.text().contains("at dev.cairn"), reply.text());
            assertFalse(reply.text().contains("Exception"), reply.text());
        }
    }

    @Test
    void anUnknownRouteIs404() {
        for (String path : new String[] {"/nope", "/test/whoami/", "/test//whoami", "/TEST/whoami", "/"}) {
            assertErrorBody(f.get(client, path), ErrorCode.HTTP_NOT_FOUND);
        }
    }

    @Test
    void aWrongMethodIs405WithAllow() {
        EdgeFixture.Reply reply = f.post(client, "/test/whoami", "application/json", "{}");
        assertErrorBody(reply, ErrorCode.HTTP_METHOD_NOT_ALLOWED);
        assertEquals("GET", reply.header("Allow"));
        EdgeFixture.Reply put = f.send(
                client, HttpRequest.newBuilder(f.uri("/test/clusters/c9")).PUT(HttpRequest.BodyPublishers.noBody()));
        assertErrorBody(put, ErrorCode.HTTP_METHOD_NOT_ALLOWED);
        assertEquals("DELETE", put.header("Allow"));
    }

    @Test
    void aSuccessCarriesTraceparentToo() {
        EdgeFixture.Reply reply = f.get(client, "/healthz");
        assertEquals(200, reply.status());
        assertEquals("alive", reply.json().path("status").asText());
        assertTrue(Pattern.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]", reply.header("traceparent")));
        assertEquals("no-store", reply.header("Cache-Control"));
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
