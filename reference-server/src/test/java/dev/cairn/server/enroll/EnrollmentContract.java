package dev.cairn.server.enroll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.receipt.Statement;
import dev.cairn.receipt.VerifiedReceipt;
import dev.cairn.trust.ca.CertificateKeys;
import dev.cairn.trust.token.OperatorScope;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Enrollment end to end over real sockets, on each engine: join, poll, approve, fetch, mTLS
 * heartbeat, denial, renewal, host binding, forwarded identity headers, and the audit statement of
 * every mutation with its receipt.
 */
abstract class EnrollmentContract extends EnrollmentFixture {
    private static final Pattern NODE_IDENTITY =
            Pattern.compile("cairn://enroll\\.example/cluster/[a-z0-9.-]+/node/n-[0-9a-f]{16}");

    @Test
    void aNodeEnrollsEndToEndAndEveryStepIsAuditedWithAVerifiableReceipt() throws Exception {
        long from = log.head().markerCount();
        String cluster = createCluster();
        JsonNode token = createToken(cluster, 600L, 1);
        Agent agent = new Agent(fingerprint(1));

        Reply joined = agent.join(token.get("token").asText());
        assertEquals(202, joined.status(), joined.text());
        assertEquals("pending", joined.json().get("status").asText());
        assertTrue(agent.requestId.matches("jr-[0-9a-f]{16}"));
        assertEquals("pending", agent.poll().json().get("status").asText());

        Reply pending = get(
                anonymous, "/v1/join-requests?status=pending", "Authorization", bearer(OperatorScope.ENROLLMENT_WRITE));
        assertEquals(200, pending.status(), pending.text());
        JsonNode evidence = null;
        for (JsonNode r : pending.json().get("join_requests")) {
            if (r.get("request_id").asText().equals(agent.requestId)) {
                evidence = r;
            }
        }
        assertTrue(evidence != null, pending.text());
        assertEquals(token.get("token_id").asText(), evidence.get("token_id").asText());
        assertEquals(
                agent.key.verificationKey().kid().toHex(),
                evidence.get("key_kid").asText());
        assertEquals("P256", evidence.get("key_type").asText());
        assertEquals(fingerprint(1), evidence.at("/facts/host_fingerprint").asText());
        assertEquals("[\"gpu\",\"storage\"]", evidence.get("capabilities").toString());
        assertFalse(pending.text().contains(token.get("token").asText().substring(4)), "the secret never shows");

        Reply approved = agent.approve();
        assertEquals(200, approved.status(), approved.text());
        JsonNode answer = agent.fetch();
        assertTrue(NODE_IDENTITY.matcher(agent.identity).matches(), agent.identity);
        assertTrue(agent.identity.contains("/cluster/" + cluster + "/"));
        assertEquals(3, agent.chain.size());
        assertEquals(agent.key.verificationKey(), CertificateKeys.of(agent.chain.get(0)));
        assertEquals(
                agent.chain.get(0).getSerialNumber().toString(16),
                answer.get("serial").asText());
        verifiesToTheRoot(agent.chain);
        assertTrue(answer.get("trust_bundle").asText().contains("\"cairn_trust_domain\":\"enroll.example\""));

        Reply beat = post(agent.client(), "/v1/node/heartbeat", agent.heartbeat(fingerprint(1), "ok", "gpu"));
        assertEquals(200, beat.status(), beat.text());
        assertEquals(1, beat.json().get("bundle_sequence").asLong());
        assertTrue(beat.json().get("revocation_sequence").asLong() >= 0);

        List<Statement> statements = statementsSince(from);
        assertEquals(
                List.of(
                        "cluster.create",
                        "join-token.create",
                        "join-request.submit",
                        "join-request.approve",
                        "node.report"),
                statements.stream().map(Statement::kind).toList());
        assertEquals(cluster, statements.get(0).subject());
        assertEquals(operator.uri(), statements.get(0).actor());
        assertEquals(token.get("token_id").asText(), statements.get(1).subject());
        assertEquals("anonymous", statements.get(2).actor());
        assertEquals(agent.requestId, statements.get(2).subject());
        assertEquals(operator.uri(), statements.get(3).actor());
        assertEquals(agent.identity, statements.get(4).actor());
        assertEquals(agent.identity, statements.get(4).subject());

        log.publishCheckpoint(0);
        for (long seq = from; seq < from + statements.size(); seq++) {
            VerifiedReceipt receipt = receiptVerifier().verify(log.receipt(seq).encode());
            assertEquals(statements.get((int) (seq - from)), receipt.statement());
        }
    }

    private static void verifiesToTheRoot(List<X509Certificate> chain) throws Exception {
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(chain.get(2), null)));
        parameters.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX")
                .validate(CertificateFactory.getInstance("X.509").generateCertPath(chain.subList(0, 2)), parameters);
    }

    @Test
    void aDeniedRequestPollsAsDeniedAndIsDecidedOnce() {
        Agent agent = new Agent(fingerprint(2));
        assertEquals(202, agent.join(token(createCluster())).status());
        long from = log.head().markerCount();
        Reply denied = post(
                anonymous,
                "/v1/join-requests/" + agent.requestId + "/deny",
                "{\"reason\":\"unknown machine\"}",
                "Authorization",
                bearer(OperatorScope.ENROLLMENT_WRITE));
        assertEquals(200, denied.status(), denied.text());
        JsonNode poll = agent.poll().json();
        assertEquals("denied", poll.get("status").asText());
        assertEquals("unknown machine", poll.get("reason").asText());
        assertNull(poll.get("certificate_chain"));
        assertEquals("JOIN_REQUEST_DECIDED", agent.approve().code());
        Reply again = post(
                anonymous,
                "/v1/join-requests/" + agent.requestId + "/deny",
                "{\"reason\":\"twice\"}",
                "Authorization",
                bearer(OperatorScope.ENROLLMENT_WRITE));
        assertEquals("JOIN_REQUEST_DECIDED", again.code());
        List<Statement> statements = statementsSince(from);
        assertEquals(1, statements.size());
        assertEquals("join-request.deny", statements.get(0).kind());
        assertEquals(agent.requestId, statements.get(0).subject());
        assertEquals(0, count("SELECT COUNT(*) FROM enroll_nodes WHERE request_id = ?", agent.requestId));
    }

    @Test
    void aTokenCarriesAtMostItsMaximumAndAFailedUseConsumesNothing() {
        String cluster = createCluster();
        JsonNode token = createToken(cluster, null, 2);
        String text = token.get("token").asText();
        String id = token.get("token_id").asText();
        assertEquals(202, new Agent(fingerprint(3)).join(text).status());
        // A CSR that fails costs no use.
        Reply bad = post(
                anonymous,
                "/v1/enroll/join-requests",
                new Agent(fingerprint(3)).joinBody(text).replaceFirst("\"csr\":\"[^\"]+\"", "\"csr\":\"AAAA\""));
        assertEquals("CSR_MALFORMED", bad.code(), bad.text());
        assertEquals(202, new Agent(fingerprint(3)).join(text).status());
        Reply third = new Agent(fingerprint(3)).join(text);
        assertEquals(403, third.status());
        assertEquals("JOIN_TOKEN_EXHAUSTED", third.code());
        assertEquals(2, count("SELECT COUNT(*) FROM enroll_join_requests WHERE token_id = ?", id));
        assertEquals(2, count("SELECT used FROM enroll_join_tokens WHERE token_id = ?", id));
    }

    @Test
    void aWrongUnknownMalformedOrWithdrawnTokenIsRefusedAndChangesNothing() {
        String cluster = createCluster();
        JsonNode token = createToken(cluster, null, 5);
        String text = token.get("token").asText();
        char last = text.charAt(text.length() - 2);
        String wrongSecret =
                text.substring(0, text.length() - 2) + (last == 'A' ? 'B' : 'A') + text.charAt(text.length() - 1);
        String unknownId = "cjt_" + (text.charAt(4) == 'A' ? 'B' : 'A') + text.substring(5);
        var before = counts();
        for (String t : List.of(
                wrongSecret,
                unknownId,
                "cjt_short",
                text + "A",
                "xyz_" + text.substring(4),
                text.substring(0, 67) + "=")) {
            Reply r = new Agent(fingerprint(4)).join(t);
            assertEquals(403, r.status(), t);
            assertEquals("JOIN_TOKEN_INVALID", r.code(), t);
        }
        assertEquals(before, counts());
        Reply withdrawn = postEmpty(
                anonymous,
                "/v1/join-tokens/" + token.get("token_id").asText() + "/revoke",
                "Authorization",
                bearer(OperatorScope.ENROLLMENT_WRITE));
        assertEquals(200, withdrawn.status(), withdrawn.text());
        assertEquals(
                "join-token.revoke", statement(log.head().markerCount() - 1).kind());
        assertEquals("JOIN_TOKEN_REVOKED", new Agent(fingerprint(4)).join(text).code());
        assertEquals(
                0,
                count(
                        "SELECT used FROM enroll_join_tokens WHERE token_id = ?",
                        token.get("token_id").asText()));
    }

    @Test
    void renewalIssuesANewCertificateForTheSameIdentityWithANewKey() {
        Agent agent = new Agent(fingerprint(5)).enroll(createCluster());
        Agent renewed = new Agent(fingerprint(5));
        renewed.identity = agent.identity;
        long from = log.head().markerCount();
        Reply r = post(agent.client(), "/v1/node/renew", "{\"csr\":\"" + renewed.csr() + "\"}");
        assertEquals(200, r.status(), r.text());
        assertEquals(agent.identity, r.json().get("identity").asText());
        renewed.chain = parse(r.json().get("certificate_chain").asText());
        assertEquals(renewed.key.verificationKey(), CertificateKeys.of(renewed.chain.get(0)));
        assertNotEquals(
                agent.chain.get(0).getSerialNumber(), renewed.chain.get(0).getSerialNumber());
        Statement issued = statement(from);
        assertEquals("certificate.issue", issued.kind());
        assertEquals(agent.identity, issued.actor());
        assertEquals(renewed.chain.get(0).getSerialNumber().toString(16), issued.subject());
        // Both certificates work: the old one stays valid until it expires.
        assertEquals(
                200,
                post(renewed.client(), "/v1/node/heartbeat", agent.heartbeat(fingerprint(5), "ok"))
                        .status());
        assertEquals(
                200,
                post(agent.client(), "/v1/node/heartbeat", agent.heartbeat(fingerprint(5), "ok"))
                        .status());
        // A CSR asking for another identity is refused and issues nothing.
        var before = counts();
        String other = agent.identity.replaceFirst("n-[0-9a-f]{16}$", "n-0000000000000000");
        String csr = java.util.Base64.getEncoder()
                .encodeToString(dev.cairn.trust.csr.CsrBuilder.build(
                                renewed.key, java.util.Optional.of(dev.cairn.trust.identity.CairnId.parse(other)))
                        .der()
                        .toByteArray());
        Reply refused = post(agent.client(), "/v1/node/renew", "{\"csr\":\"" + csr + "\"}");
        assertEquals("CSR_NAMES_NOT_ALLOWED", refused.code(), refused.text());
        assertEquals(before, counts());
    }

    @Test
    void aHeartbeatFromAnotherHostIsRefusedAndAudited() {
        Agent agent = new Agent(fingerprint(6)).enroll(createCluster());
        long from = log.head().markerCount();
        Reply r = post(agent.client(), "/v1/node/heartbeat", agent.heartbeat(fingerprint(7), "ok"));
        assertEquals(403, r.status(), r.text());
        assertEquals("NODE_HOST_MISMATCH", r.code());
        List<Statement> statements = statementsSince(from);
        assertEquals(1, statements.size());
        assertEquals("node.host-mismatch", statements.get(0).kind());
        assertEquals(agent.identity, statements.get(0).actor());
        assertEquals(agent.identity, statements.get(0).subject());
        assertNull(enrollment.node(agent.nodeId()).lastSeenAt());
    }

    @Test
    void aHeartbeatIsAuditedOnlyWhenWhatItReportsChanges() {
        Agent agent = new Agent(fingerprint(8)).enroll(createCluster());
        var client = agent.client();
        long from = log.head().markerCount();
        assertEquals(
                200,
                post(client, "/v1/node/heartbeat", agent.heartbeat(fingerprint(8), "ok", "gpu"))
                        .status());
        assertEquals(
                200,
                post(client, "/v1/node/heartbeat", agent.heartbeat(fingerprint(8), "ok", "gpu"))
                        .status());
        assertEquals(
                200,
                post(client, "/v1/node/heartbeat", agent.heartbeat(fingerprint(8), "degraded", "gpu"))
                        .status());
        assertEquals(
                200,
                post(client, "/v1/node/heartbeat", agent.heartbeat(fingerprint(8), "degraded"))
                        .status());
        assertEquals(
                List.of("node.report", "node.report", "node.report"),
                statementsSince(from).stream().map(Statement::kind).toList());
        NodeView node = enrollment.node(agent.nodeId());
        assertEquals("degraded", node.reportStatus());
        assertEquals(List.of(), node.capabilities());
        assertTrue(node.lastSeenAt() != null);
    }

    @Test
    void forwardedIdentityHeadersConferNothing() {
        Agent a = new Agent(fingerprint(9)).enroll(createCluster());
        Agent b = new Agent(fingerprint(10)).enroll(createCluster());
        String pem = dev.cairn.trust.ca.IssuedCertificate.pem(b.chain.get(0)).replace("\n", "");
        String[] forged = {
            "X-Client-Identity",
            b.identity,
            "X-Forwarded-Client-Cert",
            "By=" + b.identity + ";Cert=\"" + pem + "\"",
            "X-SSL-Client-Cert",
            pem
        };
        // Without a certificate, node routes refuse whatever the headers say.
        Reply anon = post(anonymous, "/v1/node/heartbeat", b.heartbeat(fingerprint(10), "ok"), forged);
        assertEquals(401, anon.status(), anon.text());
        assertEquals("TLS_PEER_MISSING", anon.code());
        Reply renew = post(anonymous, "/v1/node/renew", "{\"csr\":\"" + b.csr() + "\"}", forged);
        assertEquals("TLS_PEER_MISSING", renew.code());
        // With A's certificate, the call is A's: B's fingerprint is a mismatch for A.
        long from = log.head().markerCount();
        Reply asB = post(a.client(), "/v1/node/heartbeat", b.heartbeat(fingerprint(10), "ok"), forged);
        assertEquals("NODE_HOST_MISMATCH", asB.code());
        assertEquals(a.identity, statement(from).subject());
        Reply asA = post(a.client(), "/v1/node/heartbeat", a.heartbeat(fingerprint(9), "ok"), forged);
        assertEquals(200, asA.status());
        assertEquals(a.identity, statement(from + 1).actor());
        assertNull(enrollment.node(b.nodeId()).lastSeenAt());
        // On join, the headers do not choose the identity either.
        Agent c = new Agent(fingerprint(11));
        assertEquals(202, c.join(token(createCluster()), forged).status());
        assertEquals(200, c.approve().status());
        c.fetch();
        assertNotEquals(b.identity, c.identity);
        assertTrue(NODE_IDENTITY.matcher(c.identity).matches());
    }

    @Test
    void theReservedAndExistingClustersAreRefused() {
        var before = counts();
        Reply reserved = post(anonymous, "/v1/clusters", "{\"name\":\"cairn-control\"}", "Authorization", bearer());
        assertEquals("CLUSTER_NAME_RESERVED", reserved.code());
        String name = createCluster();
        Reply exists = post(anonymous, "/v1/clusters", "{\"name\":\"" + name + "\"}", "Authorization", bearer());
        assertEquals(409, exists.status());
        assertEquals("CLUSTER_EXISTS", exists.code());
        Reply missing = post(
                anonymous,
                "/v1/clusters/no-such-cluster/join-tokens",
                "{\"ttl_seconds\":null,\"max_uses\":null}",
                "Authorization",
                bearer());
        assertEquals(404, missing.status());
        assertEquals("CLUSTER_NOT_FOUND", missing.code());
        assertEquals(before.get("enroll_clusters") + 1, counts().get("enroll_clusters"));
        Reply list = get(anonymous, "/v1/clusters", "Authorization", bearer(OperatorScope.CLUSTERS_READ));
        assertTrue(list.text().contains("\"name\":\"" + name + "\""), list.text());
        Reply noScope = get(anonymous, "/v1/clusters", "Authorization", bearer(OperatorScope.AUDIT_READ));
        assertEquals("TOKEN_SCOPE_MISSING", noScope.code());
    }

    @Test
    void pollingNeedsTheRightSecretAndSaysTheSameForUnknownRequests() {
        Agent agent = new Agent(fingerprint(12));
        assertEquals(202, agent.join(token(createCluster())).status());
        String path = "/v1/enroll/join-requests/" + agent.requestId;
        String wrong = agent.pollSecret.charAt(0) == 'A'
                ? "B" + agent.pollSecret.substring(1)
                : "A" + agent.pollSecret.substring(1);
        for (String[] headers : List.of(
                new String[0],
                new String[] {"Authorization", "Cairn-Poll " + wrong},
                new String[] {"Authorization", "Bearer " + agent.pollSecret},
                new String[] {"Authorization", "Cairn-Poll"})) {
            Reply r = get(anonymous, path, headers);
            assertEquals("JOIN_POLL_UNAUTHORIZED", r.code(), String.join(" ", headers));
        }
        Reply unknown = get(
                anonymous,
                "/v1/enroll/join-requests/jr-0000000000000000",
                "Authorization",
                "Cairn-Poll " + agent.pollSecret);
        assertEquals("JOIN_POLL_UNAUTHORIZED", unknown.code());
        assertEquals(200, agent.poll().status());
    }
}
