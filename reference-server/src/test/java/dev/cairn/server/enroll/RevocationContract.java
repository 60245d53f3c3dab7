package dev.cairn.server.enroll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.server.revocation.RevocationRoutes;
import dev.cairn.server.revocation.RevocationSettings;
import dev.cairn.server.revocation.ServerRevocation;
import dev.cairn.trust.revocation.RevocationEntries;
import dev.cairn.trust.revocation.RevocationEntry;
import dev.cairn.trust.revocation.RevocationState;
import dev.cairn.trust.token.OperatorScope;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Revocation on each engine: a revoked node's next call on the same keep-alive connection fails,
 * the chain, node status and statement commit together, the published head, entries and CRL serve
 * what a relying party (and OpenSSL) accepts, sequences continue across restarts and never repeat
 * across publishers.
 */
abstract class RevocationContract extends EnrollmentFixture {
    private Reply revoke(Agent node) {
        return post(
                anonymous,
                "/v1/nodes/" + node.nodeId() + "/revoke",
                "{\"reason\":\"KEY_COMPROMISE\"}",
                "Authorization",
                bearer(OperatorScope.CERTIFICATES_REVOKE));
    }

    private byte[] fetch(String path, String mediaType) {
        Reply r = get(anonymous, path);
        assertEquals(200, r.status(), r.text());
        assertEquals(mediaType, r.headers().get("content-type").get(0));
        return r.body();
    }

    @Test
    void aRevokedNodeIsRefusedOnItsOpenConnectionAndEveryCertificateIsOnTheChain() throws Exception {
        Agent node = new Agent(fingerprint(40)).enroll(createCluster());
        Agent renewedKey = new Agent(fingerprint(40));
        Reply renewal = post(node.client(), "/v1/node/renew", "{\"csr\":\"" + renewedKey.csr() + "\"}");
        assertEquals(200, renewal.status(), renewal.text());
        BigInteger renewed = new BigInteger(renewal.json().get("serial").asText(), 16);
        BigInteger first = node.chain.get(0).getSerialNumber();
        long before = revocation.current().orElseThrow().sequence();
        String beat = node.heartbeat(fingerprint(40), "ok");
        try (RawConnection connection = new RawConnection(node.context(), edge.port())) {
            assertEquals(200, connection.postJson("/v1/node/heartbeat", beat).status());
            long from = log.head().markerCount();
            Reply revoked = revoke(node);
            assertEquals(200, revoked.status(), revoked.text());
            assertEquals("revoked", revoked.json().get("status").asText());
            assertEquals("KEY_COMPROMISE", revoked.json().get("revoke_reason").asText());
            assertEquals("node.revoke", statement(from).kind());
            assertEquals(node.identity, statement(from).subject());
            assertEquals(operator.uri(), statement(from).actor());
            RawConnection.Response refused = connection.postJson("/v1/node/heartbeat", beat);
            assertEquals(401, refused.status(), refused.text());
            assertTrue(refused.text().contains("\"CERT_REVOKED\""), refused.text());
        }
        assertTrue(revocation.current().orElseThrow().sequence() > before);
        assertTrue(revocation.state().isRevoked(first));
        assertTrue(revocation.state().isRevoked(renewed));
        assertEquals(
                2,
                count(
                        "SELECT COUNT(*) FROM revocation_entries WHERE serial IN (?, '" + renewed.toString(16) + "')",
                        first.toString(16)));
        assertEquals("NODE_REVOKED", revoke(node).code());

        byte[] head = fetch("/v1/trust/revocation/head", RevocationRoutes.COSE);
        List<RevocationEntry> entries =
                RevocationEntries.decode(fetch("/v1/trust/revocation/entries", RevocationRoutes.CBOR));
        RevocationState relying = RevocationState.builder(DOMAIN, bundle.keys()).build();
        relying.updateFromStart(head, entries);
        assertTrue(relying.isRevoked(first));
        assertTrue(relying.isRevoked(renewed));

        byte[] der = fetch("/v1/trust/crl", RevocationRoutes.CRL);
        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
        crl.verify(ca.chain().get(0).getPublicKey());
        assertNotNull(crl.getRevokedCertificate(first));
        assertNotNull(crl.getRevokedCertificate(renewed));
        openssl(der, first);
    }

    /** {@code openssl crl -inform DER -noout -text} reads the CRL and lists the serial, when OpenSSL is installed. */
    private static void openssl(byte[] der, BigInteger serial) throws Exception {
        try {
            if (!new ProcessBuilder("openssl", "version").start().waitFor(20, TimeUnit.SECONDS)) {
                return;
            }
        } catch (java.io.IOException e) {
            return;
        }
        Path file = Files.createTempFile("cairn-crl", ".der");
        try {
            Files.write(file, der);
            Process p = new ProcessBuilder(
                            "openssl", "crl", "-inform", "DER", "-noout", "-text", "-in", file.toString())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(20, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), out);
            String hex = serial.toString(16).toUpperCase(Locale.ROOT);
            assertTrue(
                    out.replace(":", "")
                            .replace(" ", "")
                            .toUpperCase(Locale.ROOT)
                            .contains(hex),
                    out);
            assertTrue(out.contains("Key Compromise"), out);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private RevocationSettings settings() {
        return RevocationSettings.of(
                DOMAIN, ca.chain().get(0), intermediateKey, ACCESS, Duration.ofHours(1), Clock.systemUTC());
    }

    @Test
    void sequencesContinueAcrossRestartsAndNeverRepeatAcrossPublishers() {
        try (ServerRevocation second = ServerRevocation.open(db, settings())) {
            long a = revocation.publish().sequence();
            long b = second.publish().sequence();
            long c = revocation.publish().sequence();
            assertTrue(a < b && b < c, a + " " + b + " " + c);
            second.sync();
            assertEquals(c, second.current().orElseThrow().sequence());
            assertEquals(revocation.state().position(), second.state().position());
        }
        try (ServerRevocation reopened = ServerRevocation.open(db, settings())) {
            long held = revocation.current().orElseThrow().sequence();
            assertEquals(held, reopened.current().orElseThrow().sequence(), "a fresh head is adopted, not re-signed");
            assertTrue(reopened.publish().sequence() > held);
            assertEquals(revocation.size(), reopened.size());
        }
    }

    @Test
    void aRevocationByAnotherReplicaReachesThisOneAtItsNextSync() throws Exception {
        Agent node = new Agent(fingerprint(41)).enroll(createCluster());
        BigInteger serial = node.chain.get(0).getSerialNumber();
        String beat = node.heartbeat(fingerprint(41), "ok");
        try (RawConnection connection = new RawConnection(node.context(), edge.port());
                ServerRevocation other = ServerRevocation.open(db, settings())) {
            assertEquals(200, connection.postJson("/v1/node/heartbeat", beat).status());
            Enrollment replica = Enrollment.builder()
                    .database(db)
                    .auditLog(log)
                    .ca(ca)
                    .joinTokenKey(joinTokenKey, ACCESS)
                    .trustBundles(() -> bundle)
                    .revocation(other)
                    .settings(settings(false))
                    .build();
            replica.revokeNode(operator, node.nodeId(), new NodeRevocation("SUPERSEDED"));
            assertTrue(other.state().isRevoked(serial));
            assertFalse(revocation.state().isRevoked(serial));
            // This replica has not adopted the new head yet, but the node's record refuses the call.
            RawConnection.Response refused = connection.postJson("/v1/node/heartbeat", beat);
            assertEquals(403, refused.status(), refused.text());
            assertTrue(refused.text().contains("\"NODE_REVOKED\""), refused.text());
            revocation.sync();
            assertTrue(revocation.state().isRevoked(serial));
            RawConnection.Response after = connection.postJson("/v1/node/heartbeat", beat);
            assertEquals(401, after.status(), after.text());
            assertTrue(after.text().contains("\"CERT_REVOKED\""), after.text());
        }
    }

    @Test
    void settingsAreBounded() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new RevocationSettings(
                        DOMAIN,
                        ca.chain().get(0),
                        intermediateKey,
                        ACCESS,
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(5),
                        Clock.systemUTC()));
        assertEquals(Duration.ofSeconds(60), settings().publishInterval());
        assertEquals(
                Duration.ofSeconds(5),
                RevocationSettings.of(
                                DOMAIN,
                                ca.chain().get(0),
                                intermediateKey,
                                ACCESS,
                                Duration.ofSeconds(10),
                                Clock.systemUTC())
                        .publishInterval());
    }
}
