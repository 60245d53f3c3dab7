package dev.cairn.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.token.OperatorScope;
import dev.cairn.trust.token.OperatorTokenIssuer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Operator bearer tokens over real sockets: every way to be refused has its code and status. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorAuthEdgeTest {
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
    void aTokenWithTheScopeIsServedWithItsOperator() {
        EdgeFixture.Reply reply =
                f.get(client, "/test/clusters", "Authorization", "Bearer " + f.token(OperatorScope.CLUSTERS_READ));
        assertEquals(200, reply.status(), reply.text());
        assertEquals(
                CairnId.operator(f.pki.domain, "alice").uri(),
                reply.json().path("operator").asText());
        // The scheme name is case-insensitive (RFC 9110 section 11.1).
        assertEquals(
                200,
                f.get(client, "/test/clusters", "Authorization", "bearer " + f.token(OperatorScope.CLUSTERS_READ))
                        .status());
    }

    @Test
    void noTokenIs401WithABearerChallenge() {
        EdgeFixture.Reply reply = f.get(client, "/test/clusters");
        assertEquals(401, reply.status(), reply.text());
        assertEquals("AUTH_REQUIRED", reply.code());
        assertEquals("Bearer realm=\"cairn\"", reply.header("WWW-Authenticate"));
    }

    @Test
    void aNodeCertificateIsNoOperatorCredential() {
        EdgeFixture.Reply reply = f.get(f.client(f.node), "/test/clusters");
        assertEquals(401, reply.status(), reply.text());
        assertEquals("AUTH_REQUIRED", reply.code());
    }

    @Test
    void anotherSchemeOrAMalformedHeaderIs401() {
        for (String header : new String[] {"Basic YWRtaW46YWRtaW4=", "Bearer", "Bearer ", "Bearer a b", "Token abc"}) {
            EdgeFixture.Reply reply = f.get(client, "/test/clusters", "Authorization", header);
            assertEquals(401, reply.status(), header + ": " + reply.text());
            assertEquals("AUTH_HEADER_MALFORMED", reply.code(), header);
            assertTrue(reply.header("WWW-Authenticate").contains("invalid_request"), header);
        }
    }

    @Test
    void twoAuthorizationHeadersAre401() {
        String token = f.token(OperatorScope.CLUSTERS_READ);
        EdgeFixture.Reply reply = f.send(
                client,
                HttpRequest.newBuilder(f.uri("/test/clusters")).GET(),
                "Authorization",
                "Bearer " + token,
                "Authorization",
                "Bearer " + token);
        assertEquals(401, reply.status(), reply.text());
        assertEquals("AUTH_HEADER_MALFORMED", reply.code());
    }

    @Test
    void aGarbledTokenIsMalformed() {
        EdgeFixture.Reply reply = f.get(client, "/test/clusters", "Authorization", "Bearer not.a.jwt");
        assertEquals(401, reply.status(), reply.text());
        assertEquals("TOKEN_MALFORMED", reply.code());
        assertTrue(reply.header("WWW-Authenticate").contains("invalid_token"));
    }

    @Test
    void anExpiredTokenIs401() {
        Instant past = Instant.now().minus(Duration.ofHours(3));
        OperatorTokenIssuer yesterday = OperatorTokenIssuer.builder()
                .issuer(EdgeFixture.ISSUER)
                .audience(EdgeFixture.AUDIENCE)
                .signingKey(f.tokenKey)
                .clock(Clock.fixed(past, ZoneOffset.UTC))
                .build();
        String token = yesterday
                .issue(
                        CairnId.operator(f.pki.domain, "alice"),
                        Set.of(OperatorScope.CLUSTERS_READ),
                        Duration.ofHours(1))
                .token();
        EdgeFixture.Reply reply = f.get(client, "/test/clusters", "Authorization", "Bearer " + token);
        assertEquals(401, reply.status(), reply.text());
        assertEquals("TOKEN_EXPIRED", reply.code());
    }

    @Test
    void aTokenOfAnotherKeyOrAudienceIs401() {
        OperatorTokenIssuer stranger = OperatorTokenIssuer.builder()
                .issuer(EdgeFixture.ISSUER)
                .audience(EdgeFixture.AUDIENCE)
                .signingKey(SigningKey.generate(KeyType.ED25519, f.pki.random))
                .build();
        String foreign = stranger.issue(
                        CairnId.operator(f.pki.domain, "mallory"),
                        Set.of(OperatorScope.CLUSTERS_READ),
                        Duration.ofMinutes(5))
                .token();
        assertEquals(
                "TOKEN_KEY_UNKNOWN",
                f.get(client, "/test/clusters", "Authorization", "Bearer " + foreign)
                        .code());

        OperatorTokenIssuer otherAudience = OperatorTokenIssuer.builder()
                .issuer(EdgeFixture.ISSUER)
                .audience("another-service")
                .signingKey(f.tokenKey)
                .build();
        String misdirected = otherAudience
                .issue(
                        CairnId.operator(f.pki.domain, "alice"),
                        Set.of(OperatorScope.CLUSTERS_READ),
                        Duration.ofMinutes(5))
                .token();
        EdgeFixture.Reply reply = f.get(client, "/test/clusters", "Authorization", "Bearer " + misdirected);
        assertEquals(401, reply.status());
        assertEquals("TOKEN_AUDIENCE_MISMATCH", reply.code());
    }

    @Test
    void aTokenWithoutEveryScopeOfTheRouteIs403AndChangesNothing() {
        int before = f.routes.mutations.get();
        EdgeFixture.Reply reply = f.send(
                client,
                HttpRequest.newBuilder(f.uri("/test/clusters/c1")).DELETE(),
                "Authorization",
                "Bearer " + f.token(OperatorScope.CLUSTERS_READ));
        assertEquals(403, reply.status(), reply.text());
        assertEquals("TOKEN_SCOPE_MISSING", reply.code());
        assertEquals(
                "clusters:write",
                reply.json().path("error").path("details").path("expected").asText());
        assertTrue(reply.header("WWW-Authenticate").contains("insufficient_scope"));
        assertEquals(before, f.routes.mutations.get());

        EdgeFixture.Reply allowed = f.send(
                client,
                HttpRequest.newBuilder(f.uri("/test/clusters/c1")).DELETE(),
                "Authorization",
                "Bearer " + f.token(OperatorScope.CLUSTERS_READ, OperatorScope.CLUSTERS_WRITE));
        assertEquals(204, allowed.status(), allowed.text());
        assertEquals(before + 1, f.routes.mutations.get());
    }
}
