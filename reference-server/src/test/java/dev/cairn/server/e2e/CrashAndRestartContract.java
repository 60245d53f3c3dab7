package dev.cairn.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.agent.state.ActiveState;
import dev.cairn.agent.state.PendingState;
import dev.cairn.testsupport.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enrollment survives crashes: the agent killed with SIGKILL while it waits for approval resumes the
 * stored join request (no second one is submitted), and an agent waiting while the server restarts
 * on the same data directory finishes once the new server approves.
 */
abstract class CrashAndRestartContract {
    /** The engine the server stores its state in. */
    abstract TestDatabase engine();

    @TempDir
    Path tmp;

    @Test
    void anAgentKilledWhileWaitingResumesItsJoinRequest() throws Exception {
        try (E2eServer server = E2eServer.start(tmp, engine())) {
            server.cluster("c1");
            String token = server.joinToken("c1", 5);
            AgentHost host = new AgentHost(tmp, "killed");
            List<String> args = host.enrollArgs(server, token, "--timeout", "PT5M");
            Process child = host.child(args, tmp.resolve("child"));
            try {
                host.await(
                        s -> s.state() instanceof PendingState p && p.isSubmitted(),
                        Duration.ofSeconds(90),
                        "the child's submitted join request");
                AgentHost.sleep(Duration.ofMillis(300));
                assertTrue(child.isAlive(), "the child waits for approval");
            } finally {
                child.destroyForcibly();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            }
            assertEquals(137, child.exitValue(), "killed with SIGKILL");
            List<JsonNode> submitted = server.joinRequests(null);
            assertEquals(1, submitted.size(), submitted.toString());
            String requestId = submitted.get(0).path("request_id").asText();
            assertEquals(200, server.approve(requestId).status());

            AgentHost.Run resumed = host.run(args);
            assertEquals(0, resumed.exit(), resumed.toString());
            assertTrue(resumed.err().contains("resuming join request " + requestId), resumed.toString());
            assertEquals(1, server.joinRequests(null).size(), "no second join request");
            ActiveState active = (ActiveState) host.state().orElseThrow().state();
            assertEquals(requestId, active.enrollment().joinRequestId().orElseThrow());
            assertEquals(0, host.run("run", "--once").exit());
        }
    }

    @Test
    void anAgentWaitingWhileTheServerRestartsFinishesAfterApproval() throws Exception {
        try (E2eServer server = E2eServer.start(tmp, engine())) {
            server.cluster("c1");
            AgentHost host = new AgentHost(tmp, "patient");
            CompletableFuture<AgentHost.Run> enrolling =
                    host.start(host.enrollArgs(server, server.joinToken("c1", 1), "--timeout", "PT3M"));
            PendingState pending = host.awaitSubmitted();
            server.stop();
            AgentHost.sleep(Duration.ofSeconds(3));
            assertTrue(!enrolling.isDone(), "the agent keeps waiting while the server is down");
            server.startAgain();
            String requestId = pending.enrollment().joinRequestId().orElseThrow();
            assertEquals(200, server.approve(requestId).status());
            AgentHost.Run enrolled = enrolling.get(90, TimeUnit.SECONDS);
            assertEquals(0, enrolled.exit(), enrolled.toString());
            assertEquals(1, server.joinRequests(null).size());
            AgentHost.Run beat = host.run("run", "--once");
            assertEquals(0, beat.exit(), beat.toString());
        }
    }
}
