package dev.cairn.server.enroll;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.csr.CsrBuilder;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.token.OperatorScope;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;

/**
 * Bad input on every enrollment and revocation endpoint: each is refused with the expected coded
 * 4xx (never a 500) and changes no row of any enrollment, revocation or audit table.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EnrollmentInputContract extends EnrollmentFixture {
    private String cluster;
    private String token;
    private Agent node;
    private String pendingRequest;

    /** One bad request and the code it must get. */
    private record Case(
            String name, HttpClient client, String method, String path, String body, String code, String[] headers) {}

    @BeforeAll
    void enrollOne() {
        cluster = createCluster();
        token = createToken(cluster, null, 1000).get("token").asText();
        node = new Agent(fingerprint(30)).enroll(cluster);
        Agent pending = new Agent(fingerprint(31));
        assertEquals(202, pending.join(token).status());
        pendingRequest = pending.requestId;
    }

    private String join(String csr, String facts, String capabilities) {
        return "{\"token\":\"" + token + "\",\"csr\":" + csr + ",\"facts\":" + facts + ",\"capabilities\":"
                + capabilities + "}";
    }

    private static String b64(byte[] der) {
        return "\"" + Base64.getEncoder().encodeToString(der) + "\"";
    }

    @Test
    void everyBadRequestGetsItsCodedRefusalAndChangesNothing() {
        String facts = "{\"host_fingerprint\":\"" + fingerprint(32)
                + "\",\"hostname\":null,\"os\":null,\"arch\":null,\"agent_version\":null}";
        byte[] good = CsrBuilder.build(SigningKey.generate(KeyType.P256, random), Optional.empty())
                .der()
                .toByteArray();
        byte[] ed = CsrBuilder.build(SigningKey.generate(KeyType.ED25519, random), Optional.empty())
                .der()
                .toByteArray();
        byte[] badSignature = ed.clone();
        badSignature[badSignature.length - 1] ^= 1;
        byte[] named = CsrBuilder.build(
                        SigningKey.generate(KeyType.P256, random),
                        Optional.of(CairnId.node(DOMAIN, cluster, "n-0123456789abcdef")))
                .der()
                .toByteArray();
        byte[] garbage = new byte[300];
        random.nextBytes(garbage);
        String op = bearer();
        String[] auth = {"Authorization", op};
        HttpClient mtls = node.client();
        List<Case> cases = new ArrayList<>();
        String joinPath = "/v1/enroll/join-requests";
        cases.add(new Case(
                "join: not JSON", anonymous, "POST", joinPath, "{\"token\":", "HTTP_JSON_MALFORMED", new String[0]));
        cases.add(new Case(
                "join: unknown member",
                anonymous,
                "POST",
                joinPath,
                join(b64(good), facts, "[]").replace("{\"token\"", "{\"extra\":1,\"token\""),
                "HTTP_JSON_UNKNOWN_FIELD",
                new String[0]));
        cases.add(new Case(
                "join: missing member",
                anonymous,
                "POST",
                joinPath,
                "{\"token\":\"" + token + "\",\"csr\":" + b64(good) + ",\"facts\":" + facts + "}",
                "HTTP_BODY_INVALID",
                new String[0]));
        cases.add(new Case(
                "join: oversized",
                anonymous,
                "POST",
                joinPath,
                join("\"" + "A".repeat(70_000) + "\"", facts, "[]"),
                "HTTP_BODY_TOO_LARGE",
                new String[0]));
        cases.add(new Case(
                "join: csr not base64",
                anonymous,
                "POST",
                joinPath,
                join("\"not base64!\"", facts, "[]"),
                "JOIN_REQUEST_MALFORMED",
                new String[0]));
        cases.add(new Case(
                "join: csr unpadded",
                anonymous,
                "POST",
                joinPath,
                join("\"AAAAAA\"", facts, "[]").replace("\"AAAAAA\"", "\"AAAAA\""),
                "JOIN_REQUEST_MALFORMED",
                new String[0]));
        cases.add(new Case(
                "join: csr over 8 KiB",
                anonymous,
                "POST",
                joinPath,
                join(b64(new byte[8193]), facts, "[]"),
                "JOIN_REQUEST_MALFORMED",
                new String[0]));
        cases.add(new Case(
                "join: csr a number",
                anonymous,
                "POST",
                joinPath,
                join("5", facts, "[]"),
                "HTTP_BODY_INVALID",
                new String[0]));
        cases.add(new Case(
                "join: csr garbage",
                anonymous,
                "POST",
                joinPath,
                join(b64(garbage), facts, "[]"),
                "CSR_MALFORMED",
                new String[0]));
        cases.add(new Case(
                "join: csr bad signature",
                anonymous,
                "POST",
                joinPath,
                join(b64(badSignature), facts, "[]"),
                "CSR_BAD_SIGNATURE",
                new String[0]));
        cases.add(new Case(
                "join: csr asks a name",
                anonymous,
                "POST",
                joinPath,
                join(b64(named), facts, "[]"),
                "CSR_NAMES_NOT_ALLOWED",
                new String[0]));
        cases.add(new Case(
                "join: bad fingerprint",
                anonymous,
                "POST",
                joinPath,
                join(b64(good), facts.replace("sha256:", "md5:"), "[]"),
                "JOIN_REQUEST_MALFORMED",
                new String[0]));
        cases.add(new Case(
                "join: facts member unknown",
                anonymous,
                "POST",
                joinPath,
                join(b64(good), facts.replace("{\"host", "{\"kernel\":\"x\",\"host"), "[]"),
                "HTTP_JSON_UNKNOWN_FIELD",
                new String[0]));
        cases.add(new Case(
                "join: hostname not printable",
                anonymous,
                "POST",
                joinPath,
                join(b64(good), facts.replace("\"hostname\":null", "\"hostname\":\"a\\u0007\""), "[]"),
                "JOIN_REQUEST_MALFORMED",
                new String[0]));
        cases.add(new Case(
                "join: capabilities unsorted",
                anonymous,
                "POST",
                joinPath,
                join(b64(good), facts, "[\"b\",\"a\"]"),
                "JOIN_REQUEST_MALFORMED",
                new String[0]));
        cases.add(new Case(
                "join: capabilities repeated",
                anonymous,
                "POST",
                joinPath,
                join(b64(good), facts, "[\"a\",\"a\"]"),
                "JOIN_REQUEST_MALFORMED",
                new String[0]));
        cases.add(new Case(
                "join: capability uppercase",
                anonymous,
                "POST",
                joinPath,
                join(b64(good), facts, "[\"GPU\"]"),
                "JOIN_REQUEST_MALFORMED",
                new String[0]));
        cases.add(new Case("join: null body", anonymous, "POST", joinPath, "null", "HTTP_BODY_INVALID", new String[0]));
        cases.add(new Case("join: array body", anonymous, "POST", joinPath, "[]", "HTTP_BODY_INVALID", new String[0]));
        cases.add(new Case(
                "join: duplicate member",
                anonymous,
                "POST",
                joinPath,
                join(b64(good), facts, "[]").replace("{\"token\"", "{\"csr\":\"x\",\"token\""),
                "HTTP_JSON_DUPLICATE_KEY",
                new String[0]));
        cases.add(new Case(
                "poll: bad id",
                anonymous,
                "GET",
                "/v1/enroll/join-requests/jr-zz",
                null,
                "JOIN_POLL_UNAUTHORIZED",
                new String[] {"Authorization", "Cairn-Poll " + "A".repeat(43)}));
        cases.add(new Case(
                "cluster: bad name",
                anonymous,
                "POST",
                "/v1/clusters",
                "{\"name\":\"Upper\"}",
                "CLUSTER_NAME_INVALID",
                auth));
        cases.add(new Case(
                "cluster: long name",
                anonymous,
                "POST",
                "/v1/clusters",
                "{\"name\":\"" + "a".repeat(64) + "\"}",
                "CLUSTER_NAME_INVALID",
                auth));
        cases.add(new Case(
                "cluster: unknown member",
                anonymous,
                "POST",
                "/v1/clusters",
                "{\"name\":\"ok\",\"x\":1}",
                "HTTP_JSON_UNKNOWN_FIELD",
                auth));
        cases.add(new Case(
                "cluster: no token",
                anonymous,
                "POST",
                "/v1/clusters",
                "{\"name\":\"ok\"}",
                "AUTH_REQUIRED",
                new String[0]));
        String tokens = "/v1/clusters/" + cluster + "/join-tokens";
        cases.add(new Case(
                "token: short ttl",
                anonymous,
                "POST",
                tokens,
                "{\"ttl_seconds\":59,\"max_uses\":null}",
                "JOIN_TOKEN_OPTIONS_INVALID",
                auth));
        cases.add(new Case(
                "token: long ttl",
                anonymous,
                "POST",
                tokens,
                "{\"ttl_seconds\":604801,\"max_uses\":null}",
                "JOIN_TOKEN_OPTIONS_INVALID",
                auth));
        cases.add(new Case(
                "token: zero uses",
                anonymous,
                "POST",
                tokens,
                "{\"ttl_seconds\":null,\"max_uses\":0}",
                "JOIN_TOKEN_OPTIONS_INVALID",
                auth));
        cases.add(new Case(
                "token: 1001 uses",
                anonymous,
                "POST",
                tokens,
                "{\"ttl_seconds\":null,\"max_uses\":1001}",
                "JOIN_TOKEN_OPTIONS_INVALID",
                auth));
        cases.add(new Case(
                "token: ttl a string",
                anonymous,
                "POST",
                tokens,
                "{\"ttl_seconds\":\"60\",\"max_uses\":null}",
                "HTTP_BODY_INVALID",
                auth));
        cases.add(new Case(
                "token: missing member", anonymous, "POST", tokens, "{\"ttl_seconds\":60}", "HTTP_BODY_INVALID", auth));
        cases.add(new Case(
                "token: unknown cluster",
                anonymous,
                "POST",
                "/v1/clusters/Nope/join-tokens",
                "{\"ttl_seconds\":null,\"max_uses\":null}",
                "CLUSTER_NOT_FOUND",
                auth));
        cases.add(new Case(
                "token revoke: unknown",
                anonymous,
                "POST",
                "/v1/join-tokens/00/revoke",
                null,
                "JOIN_TOKEN_INVALID",
                auth));
        cases.add(new Case(
                "list: bad status",
                anonymous,
                "GET",
                "/v1/join-requests?status=maybe",
                null,
                "HTTP_REQUEST_INVALID",
                auth));
        cases.add(new Case(
                "approve: unknown",
                anonymous,
                "POST",
                "/v1/join-requests/jr-0000000000000000/approve",
                null,
                "JOIN_REQUEST_NOT_FOUND",
                auth));
        cases.add(new Case(
                "approve: malformed id",
                anonymous,
                "POST",
                "/v1/join-requests/x--1/approve",
                null,
                "JOIN_REQUEST_NOT_FOUND",
                auth));
        cases.add(new Case(
                "deny: empty reason",
                anonymous,
                "POST",
                "/v1/join-requests/" + pendingRequest + "/deny",
                "{\"reason\":\"\"}",
                "JOIN_DENY_REASON_INVALID",
                auth));
        cases.add(new Case(
                "deny: long reason",
                anonymous,
                "POST",
                "/v1/join-requests/" + pendingRequest + "/deny",
                "{\"reason\":\"" + "r".repeat(257) + "\"}",
                "JOIN_DENY_REASON_INVALID",
                auth));
        cases.add(new Case(
                "deny: wrong scope",
                anonymous,
                "POST",
                "/v1/join-requests/" + pendingRequest + "/deny",
                "{\"reason\":\"no\"}",
                "TOKEN_SCOPE_MISSING",
                new String[] {"Authorization", bearer(OperatorScope.CLUSTERS_READ)}));
        cases.add(new Case(
                "node: unknown", anonymous, "GET", "/v1/nodes/n-0000000000000000", null, "NODE_NOT_FOUND", auth));
        cases.add(new Case(
                "revoke: bad reason",
                anonymous,
                "POST",
                "/v1/nodes/" + node.nodeId() + "/revoke",
                "{\"reason\":\"BORED\"}",
                "NODE_REVOKE_REASON_INVALID",
                auth));
        cases.add(new Case(
                "revoke: hold is not allowed",
                anonymous,
                "POST",
                "/v1/nodes/" + node.nodeId() + "/revoke",
                "{\"reason\":\"CERTIFICATE_HOLD\"}",
                "NODE_REVOKE_REASON_INVALID",
                auth));
        cases.add(new Case(
                "revoke: unknown node",
                anonymous,
                "POST",
                "/v1/nodes/n-0000000000000000/revoke",
                "{\"reason\":\"KEY_COMPROMISE\"}",
                "NODE_NOT_FOUND",
                auth));
        String beat = "/v1/node/heartbeat";
        cases.add(new Case(
                "heartbeat: bad fingerprint",
                mtls,
                "POST",
                beat,
                node.heartbeat("sha256:00", "ok"),
                "NODE_REPORT_MALFORMED",
                new String[0]));
        cases.add(new Case(
                "heartbeat: bad status",
                mtls,
                "POST",
                beat,
                node.heartbeat(fingerprint(30), "fine"),
                "NODE_REPORT_MALFORMED",
                new String[0]));
        cases.add(new Case(
                "heartbeat: negative sequence",
                mtls,
                "POST",
                beat,
                node.heartbeat(fingerprint(30), "ok").replace("\"bundle_sequence\":1", "\"bundle_sequence\":-1"),
                "NODE_REPORT_MALFORMED",
                new String[0]));
        cases.add(new Case(
                "heartbeat: unsorted capabilities",
                mtls,
                "POST",
                beat,
                node.heartbeat(fingerprint(30), "ok", "z", "a"),
                "NODE_REPORT_MALFORMED",
                new String[0]));
        cases.add(new Case("heartbeat: not JSON", mtls, "POST", beat, "{{", "HTTP_JSON_MALFORMED", new String[0]));
        cases.add(new Case(
                "heartbeat: float sequence",
                mtls,
                "POST",
                beat,
                node.heartbeat(fingerprint(30), "ok").replace("\"bundle_sequence\":1", "\"bundle_sequence\":1.5"),
                "HTTP_BODY_INVALID",
                new String[0]));
        cases.add(new Case(
                "renew: garbage csr",
                mtls,
                "POST",
                "/v1/node/renew",
                "{\"csr\":" + b64(garbage) + "}",
                "CSR_MALFORMED",
                new String[0]));
        cases.add(new Case(
                "renew: bad base64",
                mtls,
                "POST",
                "/v1/node/renew",
                "{\"csr\":\"%%%\"}",
                "JOIN_REQUEST_MALFORMED",
                new String[0]));
        cases.add(new Case(
                "renew: bad signature",
                mtls,
                "POST",
                "/v1/node/renew",
                "{\"csr\":" + b64(badSignature) + "}",
                "CSR_BAD_SIGNATURE",
                new String[0]));
        cases.add(new Case(
                "entries: not a number",
                anonymous,
                "GET",
                "/v1/trust/revocation/entries?from=x",
                null,
                "HTTP_REQUEST_INVALID",
                new String[0]));
        cases.add(new Case(
                "entries: reversed range",
                anonymous,
                "GET",
                "/v1/trust/revocation/entries?from=1&to=0",
                null,
                "HTTP_REQUEST_INVALID",
                new String[0]));
        cases.add(new Case(
                "entries: beyond the chain",
                anonymous,
                "GET",
                "/v1/trust/revocation/entries?to=999999",
                null,
                "HTTP_REQUEST_INVALID",
                new String[0]));

        Map<String, Long> before = counts();
        List<Executable> checks = new ArrayList<>();
        for (Case c : cases) {
            Reply r = c.method().equals("GET")
                    ? get(c.client(), c.path(), c.headers())
                    : c.body() == null
                            ? postEmpty(c.client(), c.path(), c.headers())
                            : post(c.client(), c.path(), c.body(), c.headers());
            checks.add(() -> {
                assertTrue(r.status() >= 400 && r.status() < 500, c.name() + ": status " + r.status() + " " + r.text());
                assertEquals(c.code(), r.code(), c.name() + ": " + r.text());
            });
        }
        assertAll(checks);
        assertEquals(before, counts(), "a refused request changes nothing");
    }

    @Test
    void aWrongMediaTypeIsRefused() {
        var before = counts();
        Reply r = send(
                anonymous,
                java.net.http.HttpRequest.newBuilder(uri("/v1/enroll/join-requests"))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                        .header("Content-Type", "text/plain"));
        assertEquals(415, r.status());
        assertEquals("HTTP_UNSUPPORTED_MEDIA_TYPE", r.code());
        assertEquals(before, counts());
    }
}
