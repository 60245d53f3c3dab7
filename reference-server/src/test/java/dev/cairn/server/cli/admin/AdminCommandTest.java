package dev.cairn.server.cli.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.errors.ErrorCode;
import dev.cairn.verifier.cli.CairnVerify;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn-server admin} through {@code CairnServer.run} against a real server over TLS: the
 * operator's whole flow, {@code --json} answers parsed, the export checked by {@code cairn-verify},
 * a wrong pin refused before anything is sent, server errors mapped to exit codes, and no credential
 * or bearer token in any output.
 */
class AdminCommandTest {
    private static final String HOST = "sha256:" + "ab".repeat(32);
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.eyJ");

    @TempDir
    Path dir;

    @Test
    void theOperatorsFlowFromClusterToVerifiedExport() throws Exception {
        try (AdminServer s = new AdminServer(dir)) {
            AdminServer.Run created = s.admin("cluster", "create", "c1");
            assertEquals(0, created.exit(), created.toString());
            AdminServer.Run again = s.admin("cluster", "create", "c1");
            assertEquals(AdminExit.REFUSED, again.exit(), again.toString());
            assertTrue(again.err().contains(ErrorCode.CLUSTER_EXISTS.name()), again.toString());

            JsonNode clusters = s.admin("cluster", "list", "--json").json();
            assertEquals("c1", clusters.path("clusters").path(0).path("name").asText(), clusters.toString());
            AdminServer.Run table = s.admin("cluster", "list");
            assertTrue(table.out().startsWith("NAME"), table.toString());
            assertTrue(table.out().contains("c1"), table.toString());

            AdminServer.Run token =
                    s.admin("token", "create", "--cluster", "c1", "--ttl", "PT1H", "--max-uses", "2", "--json");
            assertEquals(0, token.exit(), token.toString());
            JsonNode issued = token.json();
            String joinToken = issued.path("token").asText();
            assertTrue(joinToken.startsWith("cjt_"), issued.toString());
            assertEquals(2, issued.path("max_uses").asInt());
            String tokenId = issued.path("token_id").asText();

            String first = s.submitJoinRequest(joinToken, HOST);
            String second = s.submitJoinRequest(joinToken, "sha256:" + "cd".repeat(32));
            JsonNode pending = s.admin("requests", "list", "--status", "pending", "--json")
                    .json()
                    .path("join_requests");
            assertEquals(2, pending.size(), pending.toString());
            JsonNode evidence = pending.path(0);
            assertEquals(first, evidence.path("request_id").asText());
            assertEquals(HOST, evidence.path("facts").path("host_fingerprint").asText());
            assertEquals(tokenId, evidence.path("token_id").asText());
            assertEquals("p256", evidence.path("key_type").asText().toLowerCase(java.util.Locale.ROOT));
            assertFalse(evidence.path("key_kid").asText().isEmpty(), evidence.toString());
            assertEquals("[\"gpu\",\"storage\"]", evidence.path("capabilities").toString());
            assertFalse(evidence.path("received_at").asText().isEmpty());
            AdminServer.Run human = s.admin("requests", "list");
            assertTrue(human.out().contains(first) && human.out().contains(HOST), human.toString());
            assertTrue(human.out().contains(tokenId), human.toString());

            AdminServer.Run approved = s.admin("requests", "approve", first, "--json");
            assertEquals(0, approved.exit(), approved.toString());
            assertEquals("approved", approved.json().path("status").asText());
            String nodeId = approved.json().path("node_id").asText();
            AdminServer.Run decided = s.admin("requests", "approve", first);
            assertEquals(AdminExit.REFUSED, decided.exit(), decided.toString());
            assertTrue(decided.err().contains(ErrorCode.JOIN_REQUEST_DECIDED.name()), decided.toString());
            AdminServer.Run denied = s.admin("requests", "deny", second, "--reason", "not one of ours");
            assertEquals(0, denied.exit(), denied.toString());
            assertEquals(
                    0,
                    s.admin("requests", "list", "--status", "pending", "--json")
                            .json()
                            .path("join_requests")
                            .size());

            JsonNode nodes = s.admin("nodes", "list", "--json").json().path("nodes");
            assertEquals(nodeId, nodes.path(0).path("node_id").asText(), nodes.toString());
            assertEquals("active", nodes.path(0).path("status").asText());
            assertTrue(s.admin("nodes", "list").out().contains(nodeId));
            AdminServer.Run revoked = s.admin("nodes", "revoke", nodeId, "--reason", "KEY_COMPROMISE");
            assertEquals(0, revoked.exit(), revoked.toString());
            assertEquals(
                    "revoked",
                    s.admin("nodes", "list", "--json")
                            .json()
                            .path("nodes")
                            .path(0)
                            .path("status")
                            .asText());

            Path checkpoint = dir.resolve("checkpoint.cose");
            AdminServer.Run published = s.admin("audit", "checkpoint", "--out", checkpoint.toString());
            assertEquals(0, published.exit(), published.toString());
            assertTrue(Files.size(checkpoint) > 0);
            long markers = s.app.auditLog().markers().size();
            Path bundle = dir.resolve("audit.bundle");
            Path jwks = dir.resolve("bundle.jwks");
            AdminServer.Run export = s.admin(
                    "audit",
                    "export",
                    "--first",
                    "0",
                    "--count",
                    Long.toString(markers),
                    "--out",
                    bundle.toString(),
                    "--trust-bundle-out",
                    jwks.toString());
            assertEquals(0, export.exit(), export.toString());
            assertTrue(
                    export.out()
                            .contains("cairn-verify bundle --trust-bundle " + jwks + " --log-id e2e.example/audit "
                                    + bundle),
                    export.toString());
            int verified = verify(
                    "bundle", "--trust-bundle", jwks.toString(), "--log-id", "e2e.example/audit", bundle.toString());
            assertEquals(0, verified);

            AdminServer.Run beyond = s.admin(
                    "audit",
                    "export",
                    "--first",
                    "0",
                    "--count",
                    "999999",
                    "--out",
                    dir.resolve("x").toString());
            assertFalse(beyond.exit() == 0, beyond.toString());
            assertFalse(Files.exists(dir.resolve("x")), "a refused export leaves no file");

            assertNoSecrets(s);
        }
    }

    @Test
    void aPinnedRootElsewhereWorksAndAWrongPinIsRefusedBeforeTheCredentialIsSent() throws Exception {
        try (AdminServer s = new AdminServer(dir)) {
            Path credential = Files.writeString(dir.resolve("cred"), s.credential() + "\n");
            AdminServer.Run pinned = s.run(
                    "admin",
                    "cluster",
                    "list",
                    "--server",
                    s.url(),
                    "--credential-file",
                    credential.toString(),
                    "--ca-fingerprint",
                    s.app.pki().rootFingerprint());
            assertEquals(0, pinned.exit(), pinned.toString());

            long markers = s.app.auditLog().markers().size();
            AdminServer.Run wrong = s.run(
                    "admin",
                    "cluster",
                    "create",
                    "c9",
                    "--server",
                    s.url(),
                    "--credential-file",
                    credential.toString(),
                    "--ca-fingerprint",
                    "sha256:" + "0".repeat(64));
            assertEquals(AdminExit.REFUSED, wrong.exit(), wrong.toString());
            assertTrue(wrong.err().contains(ErrorCode.CERT_CHAIN_INVALID.name()), wrong.toString());
            assertEquals(markers, s.app.auditLog().markers().size(), "nothing was done");

            Path bad = Files.writeString(dir.resolve("bad"), "cairn-admin_" + "A".repeat(43));
            AdminServer.Run refused = s.run(
                    "admin",
                    "cluster",
                    "list",
                    "--server",
                    s.url(),
                    "--credential-file",
                    bad.toString(),
                    "--ca-fingerprint",
                    s.app.pki().rootFingerprint());
            assertEquals(AdminExit.REFUSED, refused.exit(), refused.toString());
            assertTrue(refused.err().contains(ErrorCode.AUTH_CREDENTIAL_INVALID.name()), refused.toString());
            assertFalse(refused.err().contains("A".repeat(43)), refused.toString());
            assertNoSecrets(s);
        }
    }

    @Test
    void usageMalformedInputAndUnreachableServersHaveTheirExitCodes() throws Exception {
        try (AdminServer s = new AdminServer(dir)) {
            assertEquals(AdminExit.USAGE, s.run("admin").exit());
            AdminServer.Run noTrust = s.run("admin", "cluster", "list", "--server", s.url());
            assertEquals(AdminExit.USAGE, noTrust.exit(), noTrust.toString());
            assertTrue(noTrust.err().contains(ErrorCode.CONFIG_INVALID.name()), noTrust.toString());
            assertEquals(
                    AdminExit.USAGE,
                    s.run("admin", "cluster", "list", "--bogus").exit());
            AdminServer.Run plain = s.run(
                    "admin", "cluster", "list", "--server", "http://127.0.0.1:1", "--data-dir", s.dataDir.toString());
            assertEquals(AdminExit.USAGE, plain.exit(), plain.toString());

            s.admin("cluster", "create", "c1");
            AdminServer.Run ttl = s.admin("token", "create", "--cluster", "c1", "--ttl", "PT10S");
            assertEquals(AdminExit.USAGE, ttl.exit(), ttl.toString());
            assertTrue(ttl.err().contains(ErrorCode.JOIN_TOKEN_OPTIONS_INVALID.name()), ttl.toString());
            assertTrue(ttl.err().contains("hint: "), ttl.toString());
            AdminServer.Run noCluster = s.admin("token", "create", "--cluster", "nope");
            assertEquals(AdminExit.REFUSED, noCluster.exit(), noCluster.toString());
            assertTrue(noCluster.err().contains(ErrorCode.CLUSTER_NOT_FOUND.name()), noCluster.toString());
            AdminServer.Run unknown = s.admin("requests", "approve", "jr-0000000000000000");
            assertEquals(AdminExit.REFUSED, unknown.exit(), unknown.toString());
            assertTrue(unknown.err().contains(ErrorCode.JOIN_REQUEST_NOT_FOUND.name()), unknown.toString());
            AdminServer.Run reason = s.admin("nodes", "revoke", "n-0000000000000000", "--reason", "BORED");
            assertEquals(AdminExit.USAGE, reason.exit(), reason.toString());
            assertTrue(reason.err().contains(ErrorCode.NODE_REVOKE_REASON_INVALID.name()), reason.toString());

            int closed;
            try (ServerSocket socket = new ServerSocket(0)) {
                closed = socket.getLocalPort();
            }
            AdminServer.Run down = s.run(
                    "admin",
                    "cluster",
                    "list",
                    "--server",
                    "https://127.0.0.1:" + closed,
                    "--data-dir",
                    s.dataDir.toString());
            assertEquals(AdminExit.INTERNAL, down.exit(), down.toString());
            assertTrue(down.err().contains("cannot reach"), down.toString());
            assertNoSecrets(s);
        }
    }

    /** No run printed the admin credential or anything shaped like a bearer JWT. */
    private static void assertNoSecrets(AdminServer s) {
        String credential = s.credential();
        for (AdminServer.Run run : s.runs) {
            String all = run.out() + run.err();
            assertFalse(all.contains(credential), run.toString());
            assertFalse(all.contains(credential.substring("cairn-admin_".length())), run.toString());
            assertFalse(JWT.matcher(all).find(), "a JWT in the output: " + run);
        }
    }

    private static int verify(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = CairnVerify.run(
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                args);
        if (exit != 0) {
            throw new AssertionError("cairn-verify exit " + exit + "\n" + out.toString(StandardCharsets.UTF_8)
                    + err.toString(StandardCharsets.UTF_8));
        }
        return exit;
    }
}
