package dev.cairn.server.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.server.store.MutableClock;
import dev.cairn.trust.pin.CaFingerprint;
import dev.cairn.trust.pin.PinnedServerTrust;
import dev.cairn.trust.tls.TlsContexts;
import dev.cairn.verifier.cli.CairnVerify;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assembled server over real TLS on H2 in file mode: operator authentication, audited mutations,
 * readiness, and what it exports checked by {@code cairn-verify} the way an auditor runs it, holding
 * only the trust bundle.
 */
class ServerAppTest {
    @TempDir
    Path dir;

    @Test
    void operatorMutationsAreAuditedAndTheExportVerifiesWithTheTrustBundleOnly() throws Exception {
        try (ServerFixture f = new ServerFixture(dir, Map.of())) {
            assertEquals(200, f.get("/healthz", null).status());
            ServerFixture.Reply ready = f.get("/readyz", null);
            assertEquals(200, ready.status(), ready.text());

            ServerFixture.Reply wrong = f.post(
                    "/v1/auth/token",
                    null,
                    "{\"credential\": \"cairn-admin_" + "A".repeat(43) + "\", \"scopes\": [\"audit:read\"]}");
            assertEquals(ErrorCode.AUTH_CREDENTIAL_INVALID.name(), wrong.code(), wrong.text());
            assertFalse(f.notices.toString(StandardCharsets.UTF_8).contains(f.adminCredential()));

            String token = f.token("clusters:write", "clusters:read", "enrollment:write", "audit:read");
            ServerFixture.Reply cluster = f.post("/v1/clusters", token, "{\"name\": \"c1\"}");
            assertEquals(201, cluster.status(), cluster.text());
            ServerFixture.Reply joinToken =
                    f.post("/v1/clusters/c1/join-tokens", token, "{\"ttl_seconds\": 3600, \"max_uses\": 1}");
            assertEquals(201, joinToken.status(), joinToken.text());
            assertEquals(
                    ErrorCode.AUTH_REQUIRED.name(),
                    f.post("/v1/clusters", null, "{\"name\": \"c2\"}").code());

            ServerFixture.Reply checkpoint = f.postEmpty("/v1/audit/checkpoint", token);
            assertEquals(201, checkpoint.status(), checkpoint.text());
            long markers = f.app.auditLog().markers().size();
            assertTrue(markers >= 2, "cluster.create and join-token.create are audited: " + markers);

            ServerFixture.Reply bundle = f.get("/v1/audit/bundle?first=0&count=" + markers, token);
            assertEquals(200, bundle.status(), bundle.text());
            Path bundleFile = Files.write(dir.resolve("audit.bundle"), bundle.body());
            Path jwks = Files.write(
                    dir.resolve("bundle.jwks"),
                    f.get("/v1/trust/bundle.jwks", null).body());
            Verify v = verify(
                    "bundle",
                    "--json",
                    "--trust-bundle",
                    jwks.toString(),
                    "--log-id",
                    "e2e.example/audit",
                    bundleFile.toString());
            assertEquals(0, v.exit(), v.toString());
            assertTrue(v.out().contains("cairn://e2e.example/log/audit"), v.out());

            assertEquals(
                    ErrorCode.STORE_NOT_FOUND.name(),
                    f.get("/v1/audit/bundle?first=0&count=" + (markers + 5), token)
                            .code());

            ServerFixture.Reply inclusion = f.get("/v1/audit/proofs/inclusion/0", token);
            assertEquals(200, inclusion.status(), inclusion.text());
            Verify proof = verify("proof", "--json", "-").withInput(inclusion.body());
            assertEquals(0, proof.exit(), proof.toString());
            long size = inclusion.json().path("tree_size").asLong();
            ServerFixture.Reply consistency = f.get("/v1/audit/proofs/consistency?size1=1&size2=" + size, token);
            assertEquals(200, consistency.status(), consistency.text());
            assertEquals(
                    0,
                    verify("proof", "--json", "-").withInput(consistency.body()).exit());

            ServerFixture.Reply receipt = f.get("/v1/audit/receipts/0", token);
            assertEquals(200, receipt.status(), receipt.text());
            assertEquals(
                    ErrorCode.HTTP_REQUEST_INVALID.name(),
                    f.get("/v1/audit/receipts/01", token).code());
            assertEquals(
                    ErrorCode.MARKER_NOT_FOUND.name(),
                    f.get("/v1/audit/receipts/999999", token).code());

            JsonNode openApi = f.get("/openapi.json", null).json();
            assertTrue(openApi.path("paths").has("/v1/audit/bundle"), openApi.toString());
        }
    }

    @Test
    void theRunningServerRenewsItsOwnCertificatesAndTheNextHandshakePresentsTheNewOne() throws Exception {
        MutableClock clock = new MutableClock(System.currentTimeMillis());
        try (ServerFixture f = new ServerFixture(dir, Map.of(), clock)) {
            X509Certificate first = presented(f, clock);
            X509Certificate firstLogSigner = f.app.pki().logSigner().chain().get(0);
            f.app.ownCertificates().check();
            assertEquals(first, presented(f, clock), "nothing is due yet");
            assertEquals(List.of(), f.app.pki().logSigner().earlierChains());

            // Past two thirds of the 30-day lifetime: both renewal points have passed.
            clock.advance(Duration.ofDays(21).toMillis());
            f.app.ownCertificates().check();
            X509Certificate renewed = presented(f, clock);
            assertNotEquals(first.getSerialNumber(), renewed.getSerialNumber(), "a new certificate, no restart");
            assertEquals(first.getPublicKey(), renewed.getPublicKey(), "the same key");
            assertEquals(f.app.pki().tlsChain().get(0), renewed);
            assertTrue(
                    f.notices.toString(StandardCharsets.UTF_8).contains("renewed the server's own certificates"),
                    f.notices.toString(StandardCharsets.UTF_8));
            List<List<X509Certificate>> earlier = f.app.pki().logSigner().earlierChains();
            assertEquals(1, earlier.size(), "the log signer's replaced chain is kept for auditors");
            assertEquals(firstLogSigner, earlier.get(0).get(0));
            assertNotEquals(firstLogSigner, f.app.pki().logSigner().chain().get(0));
            assertTrue(
                    Keys.check(f.app.pki(), clock.instant()).code().isEmpty(), "ready with the renewed certificates");
            assertFalse(
                    Keys.check(f.app.pki(), clock.instant().plus(Duration.ofDays(21)))
                            .code()
                            .isEmpty(),
                    "not ready once a certificate is past its renewal window unrenewed");
        }
    }

    /** The server certificate a new TLS connection is shown (a fresh context: nothing resumes). */
    private static X509Certificate presented(ServerFixture f, MutableClock clock) throws Exception {
        PinnedServerTrust trust = new PinnedServerTrust(
                CaFingerprint.parse(f.app.pki().rootFingerprint(), ErrorCode.CONFIG_INVALID),
                Optional.empty(),
                clock,
                ErrorCode.AGENT_SERVER_UNTRUSTED);
        SSLContext context = trust.clientContext();
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", f.app.port())) {
            socket.setSSLParameters(TlsContexts.clientParameters());
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }

    @Test
    void aRestartKeepsTheCaTheCredentialAndTheLog() {
        String fingerprint;
        long markers;
        String credential;
        try (ServerFixture f = new ServerFixture(dir, Map.of())) {
            String token = f.token("clusters:write");
            assertEquals(
                    201, f.post("/v1/clusters", token, "{\"name\": \"c1\"}").status());
            fingerprint = f.app.pki().rootFingerprint();
            markers = f.app.auditLog().markers().size();
            credential = f.adminCredential();
        }
        try (ServerFixture f = new ServerFixture(dir, Map.of())) {
            assertEquals(fingerprint, f.app.pki().rootFingerprint());
            assertEquals(markers, f.app.auditLog().markers().size());
            assertEquals(credential, f.adminCredential());
            String token = f.token("clusters:write", "clusters:read");
            assertEquals(
                    ErrorCode.CLUSTER_EXISTS.name(),
                    f.post("/v1/clusters", token, "{\"name\": \"c1\"}").code());
            assertEquals(markers + 0, f.app.auditLog().markers().size(), "a refused mutation appends nothing");
        }
    }

    @Test
    void aDataDirectoryOfAnotherTrustDomainStopsStartUp() {
        new ServerFixture(dir, Map.of()).close();
        MalformedInputException e = assertThrows(
                MalformedInputException.class,
                () -> new ServerFixture(dir, Map.of("CAIRN_SERVER_SERVER_TRUST_DOMAIN", "other.example")));
        assertEquals(ErrorCode.CONFIG_STATE_MISMATCH, e.code());
    }

    /** A run of cairn-verify's main, as an auditor runs it. */
    record Verify(String[] args, byte[] input, int exit, String out, String err) {
        Verify withInput(byte[] stdin) {
            return run(stdin, args);
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n" + out + err;
        }
    }

    private static Verify verify(String... args) {
        return run(new byte[0], args);
    }

    private static Verify run(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = CairnVerify.run(
                new ByteArrayInputStream(stdin),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                args);
        return new Verify(
                args, stdin, exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
