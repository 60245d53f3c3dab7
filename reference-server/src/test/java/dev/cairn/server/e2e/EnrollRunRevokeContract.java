package dev.cairn.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.agent.AgentExit;
import dev.cairn.agent.state.ActiveState;
import dev.cairn.agent.state.FenceReason;
import dev.cairn.agent.state.FencedState;
import dev.cairn.agent.state.PendingState;
import dev.cairn.errors.ErrorCode;
import dev.cairn.testsupport.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole life of an agent against the real server: enroll with a join token and the pinned root,
 * approval by an operator, heartbeats over one reused mTLS connection, revocation, and the agent
 * fencing itself with exit code 10, its key deleted.
 */
abstract class EnrollRunRevokeContract {
    /** The engine the server stores its state in. */
    abstract TestDatabase engine();

    @TempDir
    Path tmp;

    @Test
    void enrollApproveRunRevokeAndFence() throws Exception {
        try (E2eServer server = E2eServer.start(tmp, engine())) {
            server.cluster("c1");
            String token = server.joinToken("c1", 1);
            AgentHost host = new AgentHost(tmp, "node-a");

            CompletableFuture<AgentHost.Run> enrolling = host.start(
                    host.enrollArgs(server, token, "--cluster-hint", "c1", "--capability", "gpu", "--timeout", "PT2M"));
            PendingState pending = host.awaitSubmitted();
            String requestId = pending.enrollment().joinRequestId().orElseThrow();
            List<JsonNode> waiting = server.joinRequests("pending");
            assertEquals(1, waiting.size(), waiting.toString());
            assertEquals(requestId, waiting.get(0).path("request_id").asText());
            assertEquals(
                    pending.enrollment().host().toString(),
                    waiting.get(0).path("facts").path("host_fingerprint").asText());
            assertEquals("P256", waiting.get(0).path("key_type").asText(), "p256 is the default key type");
            assertEquals(200, server.approve(requestId).status());

            AgentHost.Run enrolled = enrolling.get(60, TimeUnit.SECONDS);
            assertEquals(0, enrolled.exit(), enrolled.toString());
            ActiveState active = (ActiveState) host.state().orElseThrow().state();
            assertTrue(enrolled.out().contains("enrolled: " + active.identity().uri()), enrolled.toString());
            assertEquals("c1", active.identity().cluster());
            assertTrue(active.revocationHead().isPresent(), "the revocation head is stored with the certificate");
            assertTrue(active.chain().stream().anyMatch(server.pin()::matches), "the stored chain ends in the root");

            AgentHost.Run beats = host.run("run", "--beats", "3", "--interval", "PT0.2S", "--capability", "gpu");
            assertEquals(0, beats.exit(), beats.toString());
            assertTrue(beats.out().contains("heartbeats: 3"), beats.toString());
            assertTrue(beats.out().contains("mtls_handshakes: 1"), "one mTLS connection for every call: " + beats);
            JsonNode node = server.node(active.identity().name()).json();
            assertEquals("active", node.path("status").asText(), node.toString());
            assertFalse(node.path("last_seen_at").isNull(), node.toString());
            assertEquals("[\"gpu\"]", node.path("capabilities").toString());

            AgentHost.Run again = host.run(
                    "enroll",
                    "--server",
                    server.url(),
                    "--ca-fingerprint",
                    server.pin().toString());
            assertEquals(0, again.exit(), again.toString());
            assertTrue(
                    again.out()
                            .startsWith("already enrolled: " + active.identity().uri()),
                    again.toString());

            assertEquals(200, server.revoke(active.identity().name()).status());
            AgentHost.Run fenced = host.run("run", "--once");
            assertEquals(AgentExit.FENCED_REVOKED.code(), fenced.exit(), fenced.toString());
            assertTrue(fenced.err().contains(ErrorCode.AGENT_FENCED.name()), fenced.toString());
            FencedState state = (FencedState) host.state().orElseThrow().state();
            assertEquals(FenceReason.REVOKED, state.reason());
            try (Stream<Path> files = Files.list(host.stateDir)) {
                assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith("key-")), "the key is deleted");
            }
            assertEquals(AgentExit.FENCED_REVOKED.code(), host.run("status").exit());
            assertEquals(
                    AgentExit.FENCED_REVOKED.code(), host.run("run", "--once").exit(), "fenced stays fenced");
        }
    }
}
