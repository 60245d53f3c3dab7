package dev.cairn.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Requests that are not valid HTTP, sent by hand over TLS: Jetty refuses them before Javalin, and
 * the answer is still the coded JSON error body.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProtocolErrorEdgeTest {
    private EdgeFixture f;

    @BeforeAll
    void start() {
        f = new EdgeFixture();
    }

    @AfterAll
    void stop() {
        f.close();
    }

    private RawHttp.Response send(String request) throws IOException {
        try (RawHttp connection = RawHttp.tls(f.pki.anonymousContext(), f.edge.port())) {
            return connection.send(request.getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    private static void assertCoded(RawHttp.Response response, int status, String code) {
        assertEquals(status, response.status(), response.text());
        assertEquals(code, response.code());
        assertTrue(response.headers().get("content-type").startsWith("application/json"));
        assertTrue(response.headers().get("traceparent").startsWith("00-"));
    }

    @Test
    void aMalformedRequestLineIs400() throws IOException {
        assertCoded(send("GET /healthz HTTP/9.9\r\nHost: x\r\n\r\n"), 400, "HTTP_REQUEST_INVALID");
        assertCoded(send("GET\r\n\r\n"), 400, "HTTP_REQUEST_INVALID");
    }

    @Test
    void aMalformedHeaderIs400() throws IOException {
        assertCoded(send("GET /healthz HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n"), 400, "HTTP_REQUEST_INVALID");
        assertCoded(send("GET /healthz HTTP/1.1\r\n\r\n"), 400, "HTTP_REQUEST_INVALID");
    }

    @Test
    void headersOverTheLimitAre431() throws IOException {
        String big = "x".repeat(Limits.defaults().maxHeaderBytes() + 10);
        assertCoded(
                send("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + big + "\r\n\r\n"), 431, "HTTP_HEADERS_TOO_LARGE");
    }

    @Test
    void anErrorBeforeRoutingSaysTheConnectionCloses() throws IOException {
        RawHttp.Response response = send("GET /test/%00/whoami HTTP/1.1\r\nHost: x\r\n\r\n");
        assertCoded(response, 400, "HTTP_REQUEST_INVALID");
        assertEquals(
                "close",
                response.headers().get("connection"),
                response.headers().toString());
    }

    @Test
    void anAmbiguousPathIsCoded() throws IOException {
        RawHttp.Response response = send("GET /test/%2e%2e/whoami HTTP/1.1\r\nHost: x\r\n\r\n");
        assertTrue(response.status() == 400 || response.status() == 404, response.text());
        assertTrue(response.code().startsWith("HTTP_"), response.text());
    }

    @Test
    void anUnknownMethodIsCoded() throws IOException {
        RawHttp.Response response = send("BREW /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
        assertCoded(response, 405, "HTTP_METHOD_NOT_ALLOWED");
        assertEquals("GET", response.headers().get("allow"));
    }
}
