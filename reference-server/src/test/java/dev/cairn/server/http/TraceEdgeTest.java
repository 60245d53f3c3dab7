package dev.cairn.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The caller's traceparent over real sockets: honoured when valid, replaced when not. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TraceEdgeTest {
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLER = "00-" + TRACE + "-00f067aa0ba902b7-01";
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

    @Test
    void aValidTraceparentIsContinuedOnSuccessAndError() {
        EdgeFixture.Reply ok = f.get(client, "/healthz", "traceparent", CALLER);
        String[] parts = ok.header("traceparent").split("-");
        assertEquals(TRACE, parts[1]);
        assertNotEquals("00f067aa0ba902b7", parts[2], "the server's own span");
        assertEquals("01", parts[3], "the sampled flag is passed on");

        EdgeFixture.Reply error = f.get(client, "/nope", "traceparent", CALLER);
        assertEquals(TRACE, error.json().path("error").path("trace_id").asText());
        assertEquals(TRACE, error.header("traceparent").split("-")[1]);
    }

    @Test
    void aMalformedTraceparentGetsANewTrace() {
        EdgeFixture.Reply reply = f.get(client, "/nope", "traceparent", CALLER.toUpperCase(java.util.Locale.ROOT));
        String traceId = reply.json().path("error").path("trace_id").asText();
        assertTrue(traceId.matches("[0-9a-f]{32}"));
        assertNotEquals(TRACE, traceId);
        assertEquals(traceId, reply.header("traceparent").split("-")[1]);
        assertEquals("00", reply.header("traceparent").split("-")[3]);
    }

    @Test
    void withoutTraceparentEachRequestHasItsOwnTrace() {
        String first = f.get(client, "/healthz").header("traceparent").split("-")[1];
        String second = f.get(client, "/healthz").header("traceparent").split("-")[1];
        assertNotEquals(first, second);
    }
}
