package dev.cairn.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.agent.AgentExit;
import dev.cairn.agent.state.FenceReason;
import dev.cairn.agent.state.FencedState;
import dev.cairn.agent.state.PendingState;
import dev.cairn.errors.ErrorCode;
import dev.cairn.testsupport.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Enrollments the agent or the server refuses, with their codes and exit codes. */
abstract class EnrollRefusalsContract {
    /** The engine the server stores its state in. */
    abstract TestDatabase engine();

    private static final String OTHER_PIN = "sha256:" + "ab".repeat(32);

    @TempDir
    Path tmp;

    private E2eServer server;

    @BeforeEach
    void start() {
        server = E2eServer.start(tmp, engine());
        server.cluster("c1");
    }

    @AfterEach
    void stop() {
        if (server != null) { // null when PostgreSQL is not configured and the test was skipped
            server.close();
        }
    }

    @Test
    void aWrongPinIsRefusedBeforeAnythingIsSent() {
        String token = server.joinToken("c1", 1);
        AgentHost host = new AgentHost(tmp, "pinned-wrong");
        List<String> args = host.enrollArgs(server, token, "--timeout", "PT0S");
        args.set(args.indexOf(server.pin().toString()), OTHER_PIN);
        AgentHost.Run refused = host.run(args);
        assertEquals(AgentExit.SERVER_UNTRUSTED.code(), refused.exit(), refused.toString());
        assertTrue(refused.err().contains(ErrorCode.AGENT_SERVER_UNTRUSTED.name()), refused.toString());
        assertEquals(List.of(), server.joinRequests(null), "no join request reached the server");

        AgentHost.Run otherDomain = host.run(host.enrollArgs(server, token, "--trust-domain", "other.example"));
        assertEquals(AgentExit.REFUSED.code(), otherDomain.exit(), "the state holds the other pin: " + otherDomain);

        AgentHost fresh = new AgentHost(tmp, "pinned-domain");
        AgentHost.Run wrongDomain = fresh.run(fresh.enrollArgs(server, token, "--trust-domain", "other.example"));
        assertEquals(AgentExit.SERVER_UNTRUSTED.code(), wrongDomain.exit(), wrongDomain.toString());
        assertEquals(List.of(), server.joinRequests(null));

        AgentHost right = new AgentHost(tmp, "pinned-right");
        AgentHost.Run submitted = right.run(right.enrollArgs(server, token, "--timeout", "PT0S"));
        assertEquals(AgentExit.TEMPORARY.code(), submitted.exit(), "still pending: " + submitted);
        assertTrue(submitted.err().contains(ErrorCode.AGENT_ENROLL_TIMEOUT.name()), submitted.toString());
        assertEquals(1, server.joinRequests("pending").size(), "the single-use token was never consumed before");
    }

    @Test
    void aJoinTokenIsUsedOnceAndAFreshStateKeepsItsKeyForTheNextToken() {
        String token = server.joinToken("c1", 1);
        AgentHost first = new AgentHost(tmp, "first");
        assertEquals(
                AgentExit.TEMPORARY.code(),
                first.run(first.enrollArgs(server, token, "--timeout", "PT0S")).exit());

        AgentHost second = new AgentHost(tmp, "second");
        AgentHost.Run reused = second.run(second.enrollArgs(server, token, "--timeout", "PT0S"));
        assertEquals(AgentExit.REFUSED.code(), reused.exit(), reused.toString());
        assertTrue(reused.err().contains(ErrorCode.JOIN_TOKEN_EXHAUSTED.name()), reused.toString());
        PendingState prepared = (PendingState) second.state().orElseThrow().state();
        assertTrue(!prepared.isSubmitted() && prepared.csr().isPresent(), "key and CSR stay for the next token");

        AgentHost.Run withNewToken =
                second.run(second.enrollArgs(server, server.joinToken("c1", 1), "--timeout", "PT0S"));
        assertEquals(AgentExit.TEMPORARY.code(), withNewToken.exit(), withNewToken.toString());
        PendingState submitted = (PendingState) second.state().orElseThrow().state();
        assertEquals(prepared.nodeKey(), submitted.nodeKey(), "the same key and CSR were submitted");
        assertEquals(2, server.joinRequests("pending").size());

        AgentHost.Run badToken = new AgentHost(tmp, "third")
                .run(new AgentHost(tmp, "third").enrollArgs(server, "cjt_" + "A".repeat(64), "--timeout", "PT0S"));
        assertEquals(AgentExit.REFUSED.code(), badToken.exit(), badToken.toString());
        assertTrue(badToken.err().contains(ErrorCode.JOIN_TOKEN_INVALID.name()), badToken.toString());
    }

    @Test
    void aDeniedJoinRequestFencesTheEnrollment() throws Exception {
        AgentHost host = new AgentHost(tmp, "denied");
        CompletableFuture<AgentHost.Run> enrolling =
                host.start(host.enrollArgs(server, server.joinToken("c1", 1), "--timeout", "PT2M"));
        PendingState pending = host.awaitSubmitted();
        String requestId = pending.enrollment().joinRequestId().orElseThrow();
        assertEquals(200, server.deny(requestId, "unknown machine").status());
        AgentHost.Run denied = enrolling.get(60, TimeUnit.SECONDS);
        assertEquals(AgentExit.FENCED_REJECTED.code(), denied.exit(), denied.toString());
        FencedState fenced = (FencedState) host.state().orElseThrow().state();
        assertEquals(FenceReason.REJECTED, fenced.reason());
        assertTrue(fenced.detail().contains("unknown machine"), fenced.detail());
        assertEquals(AgentExit.FENCED_REJECTED.code(), host.run("status").exit());

        AgentHost.Run anew = host.run(host.enrollArgs(server, server.joinToken("c1", 1), "--timeout", "PT0S"));
        assertEquals(AgentExit.TEMPORARY.code(), anew.exit(), "a fenced directory enrolls anew: " + anew);
        PendingState next = (PendingState) host.state().orElseThrow().state();
        assertTrue(!next.nodeKey().equals(pending.nodeKey()), "with a new key");
    }

    @Test
    void aCertificateForAnotherClusterThanTheHintIsNotStored() throws Exception {
        server.cluster("c2");
        AgentHost host = new AgentHost(tmp, "hinted");
        CompletableFuture<AgentHost.Run> enrolling = host.start(
                host.enrollArgs(server, server.joinToken("c2", 1), "--cluster-hint", "c1", "--timeout", "PT2M"));
        PendingState pending = host.awaitSubmitted();
        assertEquals(
                200,
                server.approve(pending.enrollment().joinRequestId().orElseThrow())
                        .status());
        AgentHost.Run refused = enrolling.get(60, TimeUnit.SECONDS);
        assertEquals(AgentExit.SERVER_UNTRUSTED.code(), refused.exit(), refused.toString());
        assertTrue(refused.err().contains(ErrorCode.AGENT_SERVER_ANSWER_INVALID.name()), refused.toString());
        assertTrue(host.state().orElseThrow().state() instanceof PendingState, "nothing was stored");
    }
}
