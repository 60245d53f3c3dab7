package dev.cairn.agent.cli;

import static dev.cairn.agent.state.AgentFixture.ACCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.agent.AgentExit;
import dev.cairn.agent.state.AgentFixture;
import dev.cairn.agent.state.PendingState;
import dev.cairn.agent.state.StateDirectory;
import dev.cairn.errors.ErrorCode;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code enroll} and {@code run} through the entry point, where no server is needed to tell the outcome. */
class EnrollRunCommandTest {
    private static final String TOKEN = "cjt_" + "A".repeat(64);

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
        fixture = new AgentFixture(hostRoot, KeyType.ED25519, Clock.systemUTC());
    }

    private int run(String command, String... args) {
        List<String> all =
                new ArrayList<>(List.of(command, "--state-dir", dir.toString(), "--host-root", hostRoot.toString()));
        all.addAll(List.of(args));
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code = CairnAgent.run(
                new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8),
                all.toArray(String[]::new));
        out = stdout.toString(StandardCharsets.UTF_8);
        err = stderr.toString(StandardCharsets.UTF_8);
        return code;
    }

    private int enroll(String server, String... more) {
        List<String> args = new ArrayList<>(List.of("--server", server, "--ca-fingerprint", fixture.pin.toString()));
        args.addAll(List.of(more));
        return run("enroll", args.toArray(String[]::new));
    }

    @Test
    void malformedOptionsAreUsageErrorsAndWriteNothing() {
        assertEquals(2, run("enroll", "--server", "https://127.0.0.1:1", "--ca-fingerprint", "sha256:abc"));
        assertEquals(2, run("enroll", "--server", "http://127.0.0.1:1", "--ca-fingerprint", fixture.pin.toString()));
        assertEquals(2, run("enroll", "--ca-fingerprint", fixture.pin.toString()));
        assertEquals(2, enroll("https://127.0.0.1:1", "--token", "not-a-token"));
        assertEquals(2, enroll("https://127.0.0.1:1", "--token", TOKEN, "--key-type", "rsa"));
        assertEquals(2, enroll("https://127.0.0.1:1", "--token", TOKEN, "--capability", "Bad"));
        assertEquals(2, enroll("https://127.0.0.1:1", "--token", TOKEN, "--cluster-hint", "C1"));
        assertEquals(2, enroll("https://127.0.0.1:1", "--token", TOKEN, "--timeout", "soon"));
        assertEquals(2, run("run", "--tier", "reckless"));
        assertEquals(2, run("run", "--interval", "PT0.001S"));
        assertFalse(Files.exists(dir.resolve("CURRENT")), "nothing was published");
    }

    @Test
    void withoutAJoinTokenNothingIsGeneratedAndRunHasNothingToRun() {
        assertEquals(AgentExit.NOT_ENROLLED.code(), enroll("https://127.0.0.1:1"), err);
        assertTrue(err.contains(ErrorCode.AGENT_NOT_ENROLLED.name()), err);
        assertFalse(Files.exists(dir.resolve("CURRENT")));
        assertEquals(AgentExit.NOT_ENROLLED.code(), run("run", "--once"), err);
    }

    @Test
    void aServerOutOfReachIsTemporaryAndTheKeyAndCsrStayForTheNextAttempt() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String server = "https://127.0.0.1:" + port;
        assertEquals(
                AgentExit.TEMPORARY.code(),
                enroll(server, "--token", TOKEN, "--timeout", "PT0S", "--key-type", "ed25519"),
                err);
        assertTrue(err.contains(ErrorCode.AGENT_SERVER_UNREACHABLE.name()), err);
        PendingState prepared =
                (PendingState) StateDirectory.read(dir).orElseThrow().state();
        assertFalse(prepared.isSubmitted());
        assertTrue(prepared.csr().isPresent());
        assertEquals(KeyType.ED25519, prepared.nodeKey().type());

        assertEquals(AgentExit.TEMPORARY.code(), enroll(server, "--token", TOKEN, "--timeout", "PT0S"), err);
        assertEquals(
                prepared.nodeKey(),
                ((PendingState) StateDirectory.read(dir).orElseThrow().state()).nodeKey(),
                "resumed with the same key");

        assertEquals(
                AgentExit.REFUSED.code(),
                enroll("https://127.0.0.2:" + port, "--token", TOKEN, "--timeout", "PT0S"),
                "another server: " + err);
        assertTrue(err.contains(ErrorCode.AGENT_ENROLLMENT_CONFLICT.name()), err);
        assertEquals(AgentExit.NOT_ENROLLED.code(), run("run", "--once"), "pending, never submitted: " + err);
        assertTrue(err.contains("run enroll with a join token"), err);
    }

    @Test
    void anActiveStateIsAlreadyEnrolledForItsServerAndAConflictForAnother() {
        try (StateDirectory state = StateDirectory.open(dir)) {
            SigningKey key = state.createKey(fixture.type, fixture.random, ACCESS);
            state.publish(fixture.pending(fixture.enrollment("jr-1"), key));
            state.publish(fixture.active(fixture.enrollment("jr-1"), key, AgentFixture.node("n-1")));
        }
        assertEquals(0, enroll(AgentFixture.SERVER.toString()), err);
        assertTrue(
                out.startsWith("already enrolled: " + AgentFixture.node("n-1").uri()), out);
        assertEquals(AgentExit.REFUSED.code(), enroll("https://other.example:8443", "--token", TOKEN), err);
    }
}
