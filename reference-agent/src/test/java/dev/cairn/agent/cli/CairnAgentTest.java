package dev.cairn.agent.cli;

import static dev.cairn.agent.state.AgentFixture.ACCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.agent.AgentExit;
import dev.cairn.agent.host.HostBinding;
import dev.cairn.agent.state.AgentFixture;
import dev.cairn.agent.state.FenceReason;
import dev.cairn.agent.state.FencedState;
import dev.cairn.agent.state.StateDirectory;
import dev.cairn.keys.SigningKey;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cairn-agent through its entry point: output and exit codes. */
class CairnAgentTest {
    @TempDir
    Path tmp;

    private Path dir;
    private Path hostRoot;
    private AgentFixture fixture;
    private String out;
    private String err;

    @BeforeEach
    void setUp() {
        dir = tmp.resolve("state");
        hostRoot = tmp.resolve("host");
        // The CLI checks validity against the real clock: issue from it.
        fixture = new AgentFixture(hostRoot, dev.cairn.keys.KeyType.ED25519, Clock.systemUTC());
    }

    private int run(String... args) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code = CairnAgent.run(
                new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8),
                args);
        out = stdout.toString(StandardCharsets.UTF_8);
        err = stderr.toString(StandardCharsets.UTF_8);
        return code;
    }

    private int status() {
        return run("status", "--state-dir", dir.toString(), "--host-root", hostRoot.toString());
    }

    private void enroll(boolean activate) {
        try (StateDirectory state = StateDirectory.open(dir)) {
            SigningKey key = state.createKey(fixture.type, fixture.random, ACCESS);
            state.publish(fixture.pending(fixture.enrollment("jr-1"), key));
            if (activate) {
                state.publish(fixture.active(fixture.enrollment("jr-1"), key, AgentFixture.node("n-1")));
            }
        }
    }

    @Test
    void statusOfAnActiveState() {
        enroll(true);
        assertEquals(0, status(), err);
        assertTrue(out.contains("phase: active\n"), out);
        assertTrue(out.contains("generation: 2\n"), out);
        assertTrue(out.contains("node: cairn://agent.example/cluster/c1/node/n-1\n"), out);
        assertTrue(out.contains("ca_fingerprint: " + fixture.pin + "\n"), out);
        assertTrue(out.contains("renew_at: "), out);
    }

    @Test
    void statusWorksNextToARunningAgent() {
        enroll(false);
        try (StateDirectory running = StateDirectory.open(dir)) {
            assertEquals(0, status(), err);
            assertTrue(out.contains("phase: pending\n"), out);
            assertEquals(1, running.current().orElseThrow().number());
        }
    }

    @Test
    void statusExitCodes() throws Exception {
        assertEquals(AgentExit.NOT_ENROLLED.code(), status());
        assertTrue(err.contains("AGENT_NOT_ENROLLED"), err);
        assertTrue(err.contains("hint: "), err);

        enroll(true);
        AgentFixture.writeMachineId(hostRoot, "fedcba9876543210fedcba9876543210");
        assertEquals(AgentExit.HOST_MISMATCH.code(), status());
        assertTrue(err.contains("AGENT_HOST_MISMATCH"), err);
        AgentFixture.writeMachineId(hostRoot, "0123456789abcdef0123456789abcdef");

        Path chain = dir.resolve("gen-2").resolve("chain.pem");
        byte[] original = Files.readAllBytes(chain);
        Files.write(chain, new byte[] {'x'});
        assertEquals(AgentExit.BAD_LOCAL_STATE.code(), status());
        assertTrue(err.contains("AGENT_STATE_DIGEST_MISMATCH"), err);
        Files.write(chain, original);
        assertEquals(0, status(), err);

        try (StateDirectory state = StateDirectory.open(dir)) {
            state.publish(FencedState.of(
                    state.current().orElseThrow().state(), FenceReason.STALE_TRUST, Instant.now(), "bundle stale"));
        }
        assertEquals(AgentExit.FENCED_STALE_TRUST.code(), status());
        assertTrue(err.contains("AGENT_FENCED"), err);
    }

    @Test
    void hostFingerprintPrintsTheFingerprintAndItsSources() {
        assertEquals(0, run("host-fingerprint", "--host-root", hostRoot.toString()), err);
        assertEquals(HostBinding.at(hostRoot).current() + " machine-id\n", out);
        assertEquals(
                AgentExit.HOST_MISMATCH.code(),
                run("host-fingerprint", "--host-root", tmp.resolve("empty").toString()));
        assertTrue(err.contains("AGENT_HOST_ID_UNAVAILABLE"), err);
    }

    @Test
    void usageErrors() {
        assertEquals(AgentExit.USAGE.code(), run());
        assertEquals(AgentExit.USAGE.code(), run("status"));
        assertEquals(AgentExit.USAGE.code(), run("nonsense"));
        assertEquals(0, run("--help"));
        assertTrue(out.contains("15") && out.contains("not enrolled"), out);
    }
}
