package dev.cairn.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The served OpenAPI document against what Javalin registered: each documents the other. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiEdgeTest {
    private EdgeFixture f;
    private JsonNode doc;

    @BeforeAll
    void start() {
        f = new EdgeFixture();
        EdgeFixture.Reply reply = f.get(f.anonymous(), "/openapi.json");
        assertEquals(200, reply.status(), reply.text());
        doc = reply.json();
    }

    @AfterAll
    void stop() {
        f.close();
    }

    @Test
    void everyRegisteredRouteIsDocumentedAndEveryDocumentedRouteIsRegistered() {
        Set<RouteKey> documented = new HashSet<>();
        doc.path("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .properties()
                        .forEach(op ->
                                documented.add(new RouteKey(op.getKey().toUpperCase(Locale.ROOT), path.getKey()))));
        Set<RouteKey> registered = new HashSet<>(f.edge.registeredRoutes());
        assertEquals(f.edge.registeredRoutes().size(), registered.size(), "no route registered twice");
        assertEquals(registered, documented);
        assertTrue(registered.contains(new RouteKey("GET", "/readyz")));
        assertTrue(registered.contains(new RouteKey("DELETE", "/test/clusters/{cluster}")));
    }

    @Test
    void operationsCarryTheirAuthenticationBodiesAndCodes() {
        assertEquals("3.1.0", doc.path("openapi").asText());
        JsonNode delete = doc.path("paths").path("/test/clusters/{cluster}").path("delete");
        assertEquals(
                "clusters:read",
                delete.path("security").get(0).path("operatorBearer").get(0).asText());
        assertEquals("cluster", delete.path("parameters").get(0).path("name").asText());
        assertTrue(delete.path("responses").has("204"));
        assertTrue(delete.path("responses")
                .path("401")
                .path("x-cairn-codes")
                .toString()
                .contains("TOKEN_EXPIRED"));
        assertTrue(delete.path("responses")
                .path("403")
                .path("x-cairn-codes")
                .toString()
                .contains("TOKEN_SCOPE_MISSING"));

        JsonNode whoami = doc.path("paths").path("/test/whoami").path("get");
        assertTrue(whoami.path("security").get(0).has("peerCertificate"));
        assertEquals("RISKY", whoami.path("x-cairn-peer").path("tier").asText());
        assertTrue(whoami.path("responses")
                .path("401")
                .path("x-cairn-codes")
                .toString()
                .contains("CERT_REVOKED"));

        JsonNode health = doc.path("paths").path("/healthz").path("get");
        assertEquals(0, health.path("security").size(), "public");

        JsonNode echo = doc.path("paths").path("/test/echo").path("post");
        assertEquals(
                "#/components/schemas/EchoRequest",
                echo.path("requestBody")
                        .path("content")
                        .path("application/json")
                        .path("schema")
                        .path("$ref")
                        .asText());
        assertTrue(echo.path("responses")
                .path("400")
                .path("x-cairn-codes")
                .toString()
                .contains("HTTP_JSON_UNKNOWN_FIELD"));
        assertTrue(echo.path("responses")
                .path("415")
                .path("x-cairn-codes")
                .toString()
                .contains("HTTP_UNSUPPORTED_MEDIA_TYPE"));
        assertEquals(
                "mutualTLS",
                doc.path("components")
                        .path("securitySchemes")
                        .path("peerCertificate")
                        .path("type")
                        .asText());
    }

    @Test
    void schemasAreTheClosedRecordsWithWireNames() {
        JsonNode schemas = doc.path("components").path("schemas");
        JsonNode echo = schemas.path("EchoRequest");
        assertEquals(false, echo.path("additionalProperties").asBoolean(true));
        assertEquals(
                "[\"name\",\"count\",\"tags\",\"flag\"]", echo.path("required").toString());
        assertEquals(
                "#/components/schemas/Tag",
                echo.path("properties").path("tags").path("items").path("$ref").asText());
        JsonNode detail = schemas.path("Detail");
        assertTrue(detail.path("properties").has("trace_id"));
        assertTrue(!detail.path("required").toString().contains("retry_after"), "present only when the code has one");
    }

    @Test
    void aRouteCannotBeDeclaredWithoutAuthOrTwice() {
        assertThrows(
                NullPointerException.class, () -> Route.get("/x").summary("x").handle(call -> {}));
        Route one = Route.get("/x/{a}").summary("x").auth(Auth.publicAccess()).handle(call -> {});
        Route two = Route.get("/x/{b}")
                .summary("y")
                .operationId("other")
                .auth(Auth.publicAccess())
                .handle(call -> {});
        assertThrows(IllegalArgumentException.class, () -> new Routes(java.util.List.of(one, two)));
        assertThrows(
                IllegalArgumentException.class,
                () -> Route.get("/x/<path>")
                        .summary("x")
                        .auth(Auth.publicAccess())
                        .handle(call -> {}));
    }
}
