package dev.cairn.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.errors.ErrorCode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Bad request bodies over real sockets: each is refused with its 4xx code, never 500, and no handler
 * runs (the mutation counter does not move).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestBodyEdgeTest {
    private static final int LIMIT = 1024;
    private static final String GOOD =
            "{\"name\":\"a\",\"count\":1,\"tags\":[{\"name\":\"t\",\"weight\":2}],\"flag\":null}";

    private EdgeFixture f;
    private HttpClient client;

    @BeforeAll
    void start() {
        f = new EdgeFixture(
                b -> b.limits(Limits.defaults().withMaxBodyBytes(LIMIT).withMaxJsonDepth(8)));
        client = f.anonymous();
    }

    @AfterAll
    void stop() {
        f.close();
    }

    private void assertRefused(ErrorCode code, String contentType, byte[] body) {
        int before = f.routes.mutations.get();
        EdgeFixture.Reply reply = f.post(client, "/test/echo", contentType, body);
        ErrorBodyEdgeTest.assertErrorBody(reply, code);
        assertEquals(before, f.routes.mutations.get(), "a refused body changed state");
    }

    private void assertRefused(ErrorCode code, String body) {
        assertRefused(code, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aGoodBodyIsRead() {
        for (String contentType :
                List.of("application/json", "application/json; charset=utf-8", "Application/JSON;charset=\"UTF-8\"")) {
            EdgeFixture.Reply reply = f.post(client, "/test/echo", contentType, GOOD);
            assertEquals(200, reply.status(), reply.text());
            assertEquals("a", reply.json().path("name").asText());
            assertEquals(1, reply.json().path("tags").asInt());
        }
    }

    @Test
    void anOversizedBodyIs413() {
        String padded = GOOD.replace("\"a\"", "\"" + "a".repeat(LIMIT) + "\"");
        assertRefused(ErrorCode.HTTP_BODY_TOO_LARGE, padded);
    }

    @Test
    void anOversizedChunkedBodyIs413() {
        byte[] big = ("{\"name\":\"" + "a".repeat(4 * LIMIT) + "\"}").getBytes(StandardCharsets.UTF_8);
        int before = f.routes.mutations.get();
        // No Content-Length: the publisher's length is unknown, so the client sends it chunked.
        HttpRequest.BodyPublisher chunked = new HttpRequest.BodyPublisher() {
            private final HttpRequest.BodyPublisher inner = HttpRequest.BodyPublishers.ofByteArray(big);

            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void subscribe(Flow.Subscriber<? super java.nio.ByteBuffer> subscriber) {
                inner.subscribe(subscriber);
            }
        };
        EdgeFixture.Reply reply = f.send(
                client,
                HttpRequest.newBuilder(f.uri("/test/echo")).POST(chunked).header("Content-Type", "application/json"));
        ErrorBodyEdgeTest.assertErrorBody(reply, ErrorCode.HTTP_BODY_TOO_LARGE);
        assertEquals(before, f.routes.mutations.get());
    }

    @Test
    void aBodyJustOverTheLimitIsReadToItsEndSoTheConnectionServesTheNextRequest() throws IOException {
        byte[] body = new byte[LIMIT + 100];
        java.util.Arrays.fill(body, (byte) ' ');
        try (RawHttp connection = RawHttp.tls(f.pki.anonymousContext(), f.edge.port())) {
            byte[] head = ("POST /test/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                            + "Content-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] request = java.util.Arrays.copyOf(head, head.length + body.length);
            System.arraycopy(body, 0, request, head.length, body.length);
            RawHttp.Response refused = connection.send(request);
            assertEquals(413, refused.status(), refused.text());
            assertEquals("HTTP_BODY_TOO_LARGE", refused.code());
            assertEquals(
                    null, refused.headers().get("connection"), refused.headers().toString());
            RawHttp.Response next =
                    connection.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals(200, next.status(), next.text());
        }
    }

    @Test
    void anOversizedBodyToAnUnknownRouteIsStillCoded() throws IOException {
        try (RawHttp connection = RawHttp.tls(f.pki.anonymousContext(), f.edge.port())) {
            RawHttp.Response reply =
                    connection.send(("POST /nope HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                    + "Content-Length: 1000000000\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            assertEquals(413, reply.status(), reply.text());
            assertEquals("HTTP_BODY_TOO_LARGE", reply.code());
            assertEquals("close", reply.headers().get("connection"), "a body too long to read is not read");
        }
    }

    @Test
    void malformedJsonIs400() {
        for (String body : new String[] {
            "{",
            "{\"name\":}",
            "nul",
            "{'name':'a'}",
            "{\"name\":\"a\",}",
            "[1,]",
            "{\"count\":01}",
            "{\"count\":NaN}",
            "/* c */ {}",
            "   "
        }) {
            assertRefused(ErrorCode.HTTP_JSON_MALFORMED, body);
        }
    }

    @Test
    void trailingTokensAre400() {
        assertRefused(ErrorCode.HTTP_JSON_MALFORMED, GOOD + " {}");
        assertRefused(ErrorCode.HTTP_JSON_MALFORMED, GOOD + "x");
        assertRefused(ErrorCode.HTTP_JSON_MALFORMED, GOOD + GOOD);
    }

    @Test
    void badUtf8AndAByteOrderMarkAre400() {
        byte[] good = GOOD.getBytes(StandardCharsets.UTF_8);
        byte[] invalid = Arrays.copyOf(good, good.length);
        invalid[10] = (byte) 0xC3; // a lead byte followed by an ASCII byte
        assertRefused(ErrorCode.HTTP_JSON_MALFORMED, "application/json", invalid);
        byte[] bom = new byte[good.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(good, 0, bom, 3, good.length);
        assertRefused(ErrorCode.HTTP_JSON_MALFORMED, "application/json", bom);
        assertRefused(ErrorCode.HTTP_JSON_MALFORMED, "application/json", GOOD.getBytes(StandardCharsets.UTF_16));
    }

    @Test
    void duplicateKeysAre400() {
        assertRefused(
                ErrorCode.HTTP_JSON_DUPLICATE_KEY, GOOD.replace("{\"name\":\"a\"", "{\"name\":\"a\",\"name\":\"b\""));
        assertRefused(ErrorCode.HTTP_JSON_DUPLICATE_KEY, GOOD.replace("\"weight\":2", "\"weight\":2,\"weight\":3"));
    }

    @Test
    void unknownFieldsAre400() {
        assertRefused(ErrorCode.HTTP_JSON_UNKNOWN_FIELD, GOOD.replace("{\"name\"", "{\"admin\":true,\"name\""));
        assertRefused(ErrorCode.HTTP_JSON_UNKNOWN_FIELD, GOOD.replace("\"weight\":2", "\"weight\":2,\"x\":1"));
        // Member names are snake_case on the wire; the Java name is no alias.
        assertRefused(ErrorCode.HTTP_JSON_UNKNOWN_FIELD, GOOD.replace("\"count\"", "\"Count\""));
    }

    @Test
    void tooDeepIs400() {
        String deep = "[".repeat(20) + "]".repeat(20);
        assertRefused(ErrorCode.HTTP_JSON_LIMIT, GOOD.replace("\"flag\":null", "\"flag\":" + deep));
        assertRefused(ErrorCode.HTTP_JSON_LIMIT, GOOD.replace("\"count\":1", "\"count\":" + "1".repeat(100)));
    }

    @Test
    void aBodyThatDoesNotFitTheTypeIs400() {
        assertRefused(ErrorCode.HTTP_BODY_INVALID, "[]");
        assertRefused(ErrorCode.HTTP_BODY_INVALID, "null");
        assertRefused(ErrorCode.HTTP_BODY_INVALID, "\"a\"");
        assertRefused(ErrorCode.HTTP_BODY_INVALID, GOOD.replace("\"count\":1", "\"count\":\"1\""));
        assertRefused(ErrorCode.HTTP_BODY_INVALID, GOOD.replace("\"count\":1", "\"count\":1.5"));
        assertRefused(ErrorCode.HTTP_BODY_INVALID, GOOD.replace("\"count\":1", "\"count\":99999999999"));
        assertRefused(ErrorCode.HTTP_BODY_INVALID, GOOD.replace("\"count\":1", "\"count\":true"));
        assertRefused(ErrorCode.HTTP_BODY_INVALID, GOOD.replace("\"count\":1", "\"count\":null"));
        assertRefused(ErrorCode.HTTP_BODY_INVALID, GOOD.replace("\"name\":\"a\"", "\"name\":7"));
        assertRefused(ErrorCode.HTTP_BODY_INVALID, GOOD.replace("\"flag\":null", "\"flag\":\"yes\""));
        assertRefused(
                ErrorCode.HTTP_BODY_INVALID, GOOD.replace("\"tags\":[{\"name\":\"t\",\"weight\":2}]", "\"tags\":{}"));
        // A member missing, even one the record would accept as null.
        assertRefused(ErrorCode.HTTP_BODY_INVALID, GOOD.replace(",\"flag\":null", ""));
        assertRefused(ErrorCode.HTTP_BODY_INVALID, "{}");
        // The record refuses the value.
        assertRefused(ErrorCode.HTTP_BODY_INVALID, GOOD.replace("\"count\":1", "\"count\":-1"));
        assertRefused(ErrorCode.HTTP_BODY_INVALID, GOOD.replace("\"name\":\"a\"", "\"name\":null"));
    }

    @Test
    void theErrorNamesThePathNotJavaTypes() {
        EdgeFixture.Reply reply =
                f.post(client, "/test/echo", "application/json", GOOD.replace("\"weight\":2", "\"weight\":\"heavy\""));
        assertEquals(400, reply.status());
        assertEquals(
                "$.tags[0].weight",
                reply.json().path("error").path("details").path("path").asText());
        assertEquals(false, reply.text().contains("dev.cairn"), reply.text());
    }

    @Test
    void aWrongContentTypeIs415() {
        byte[] good = GOOD.getBytes(StandardCharsets.UTF_8);
        for (String contentType : new String[] {
            "text/plain",
            "application/json; charset=latin1",
            "application/cbor",
            "application/json;;",
            "json",
            "application/json; x=1"
        }) {
            assertRefused(ErrorCode.HTTP_UNSUPPORTED_MEDIA_TYPE, contentType, good);
        }
        assertRefused(ErrorCode.HTTP_UNSUPPORTED_MEDIA_TYPE, null, good);
    }

    @Test
    void binaryBodiesGoByContentTypeWithTheSameLimit() {
        byte[] cbor = {(byte) 0xa1, 0x01, 0x02};
        EdgeFixture.Reply ok = f.post(client, "/test/blob", "application/cbor", cbor);
        assertEquals(201, ok.status(), ok.text());
        assertEquals(3, ok.json().path("bytes").asInt());
        int before = f.routes.mutations.get();
        ErrorBodyEdgeTest.assertErrorBody(
                f.post(client, "/test/blob", "application/json", cbor), ErrorCode.HTTP_UNSUPPORTED_MEDIA_TYPE);
        ErrorBodyEdgeTest.assertErrorBody(
                f.post(client, "/test/blob", "application/cbor", new byte[LIMIT + 1]), ErrorCode.HTTP_BODY_TOO_LARGE);
        assertEquals(before, f.routes.mutations.get());
    }
}
