package dev.cairn.agent.state;

import static dev.cairn.agent.state.AgentFixture.ACCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.keys.SigningKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class StateDirectoryTest {
    @TempDir
    Path tmp;

    private Path dir;
    private AgentFixture fixture;

    @BeforeEach
    void setUp() {
        dir = tmp.resolve("state");
        fixture = new AgentFixture(tmp.resolve("host"));
    }

    static Set<String> names(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return new TreeSet<>(entries.map(p -> p.getFileName().toString()).toList());
        }
    }

    static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }

    static ErrorCode code(Executable executable) {
        return assertThrows(CairnException.class, executable).code();
    }

    private Generation reopen() {
        try (StateDirectory reopened = StateDirectory.open(dir)) {
            return reopened.current().orElseThrow();
        }
    }

    @Test
    void aNewDirectoryIsEmptyAndOwnerOnly() throws IOException {
        try (StateDirectory state = StateDirectory.open(dir)) {
            assertEquals(Optional.empty(), state.current());
            assertEquals(Optional.empty(), state.snapshot());
        }
        assertEquals("rwx------", mode(dir));
        assertEquals("rw-------", mode(dir.resolve(StateDirectory.LOCK_FILE)));
        assertEquals(Set.of("lock"), names(dir));
        assertEquals(Optional.empty(), StateDirectory.read(dir));
        assertEquals(Optional.empty(), StateDirectory.read(tmp.resolve("absent")));
    }

    @Test
    void publishedStatesReadBackEqualThroughEveryLifecycleStep() throws IOException {
        try (StateDirectory state = StateDirectory.open(dir)) {
            SigningKey key = state.createKey(fixture.type, fixture.random, ACCESS);
            Enrollment enrollment = fixture.enrollment("jr-1");
            PendingState pending = fixture.pending(enrollment, key);
            assertEquals(new Generation(1, pending), state.publish(pending));
            assertEquals(new Generation(1, pending), reopenRead());

            PendingState named = new PendingState(
                    enrollment,
                    key.verificationKey(),
                    pending.csr(),
                    pending.pollSecret(),
                    Optional.of(AgentFixture.node("n-1")),
                    Optional.of(fixture.bundle),
                    Optional.of(fixture.head()));
            assertEquals(2, state.publish(named).number());
            assertEquals(new Generation(2, named), reopenRead());

            ActiveState active = fixture.active(enrollment, key, AgentFixture.node("n-1"));
            state.publish(active);
            assertEquals(new Generation(3, active), reopenRead());
            assertEquals(key.verificationKey(), state.readKey(ACCESS).verificationKey());

            SigningKey renewed = state.createKey(fixture.type, fixture.random, ACCESS);
            ActiveState rekeyed = fixture.active(enrollment, renewed, AgentFixture.node("n-1"));
            state.publish(rekeyed);
            assertEquals(new Generation(4, rekeyed), reopenRead());
            assertEquals(
                    Set.of("CURRENT", "lock", "gen-4", StateJson.keyFileName(renewed.verificationKey())), names(dir));

            FencedState fenced =
                    FencedState.of(rekeyed, FenceReason.REVOKED, fixture.clock.instant(), "serial revoked");
            state.publish(fenced);
            assertEquals(new Generation(5, fenced), reopenRead());
            assertEquals(Set.of("CURRENT", "lock", "gen-5"), names(dir), "the fenced identity's key is deleted");
            assertEquals(ErrorCode.AGENT_FENCED, code(() -> state.readKey(ACCESS)));

            SigningKey fresh = state.createKey(fixture.type, fixture.random, ACCESS);
            PendingState again = fixture.pending(fixture.enrollment("jr-2"), fresh);
            state.publish(again);
            assertEquals(new Generation(6, again), reopenRead());
        }
    }

    private Generation reopenRead() {
        return StateDirectory.read(dir).orElseThrow().generation();
    }

    @Test
    void everyFileIsOwnerOnly() throws IOException {
        try (StateDirectory state = StateDirectory.open(dir)) {
            SigningKey key = state.createKey(fixture.type, fixture.random, ACCESS);
            state.publish(fixture.pending(fixture.enrollment("jr-1"), key));
            state.publish(fixture.active(fixture.enrollment("jr-1"), key, AgentFixture.node("n-1")));
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path path : all.toList()) {
                String expected = Files.isDirectory(path) ? "rwx------" : "rw-------";
                assertEquals(expected, mode(path), path.toString());
            }
        }
        assertEquals(
                Set.of("bundle.jwks", "chain.pem", "revocation-head.cose", "state.json"), names(dir.resolve("gen-2")));
    }

    @Test
    void refusedTransitionsAreCodedAndChangeNothing() {
        try (StateDirectory state = StateDirectory.open(dir)) {
            SigningKey key = state.createKey(fixture.type, fixture.random, ACCESS);
            Enrollment enrollment = fixture.enrollment("jr-1");
            ActiveState active = fixture.active(enrollment, key, AgentFixture.node("n-1"));
            FencedState fenced = FencedState.of(active, FenceReason.REJECTED, Instant.EPOCH, "");
            assertEquals(ErrorCode.AGENT_STATE_TRANSITION, code(() -> state.publish(active)));
            assertEquals(ErrorCode.AGENT_STATE_TRANSITION, code(() -> state.publish(fenced)));

            state.publish(fixture.pending(enrollment, key));
            SigningKey other = state.createKey(fixture.type, fixture.random, ACCESS);
            assertEquals(
                    ErrorCode.AGENT_STATE_TRANSITION, code(() -> state.publish(fixture.pending(enrollment, other))));
            assertEquals(
                    ErrorCode.AGENT_STATE_TRANSITION,
                    code(() -> state.publish(fixture.pending(fixture.enrollment("jr-other"), key))));
            assertEquals(
                    ErrorCode.AGENT_STATE_TRANSITION,
                    code(() -> state.publish(fixture.active(enrollment, other, AgentFixture.node("n-1")))));

            state.publish(active);
            assertEquals(ErrorCode.AGENT_STATE_TRANSITION, code(() -> state.publish(fixture.pending(enrollment, key))));
            assertEquals(
                    ErrorCode.AGENT_STATE_TRANSITION,
                    code(() -> state.publish(fixture.active(enrollment, key, AgentFixture.node("n-2")))));

            state.publish(FencedState.of(active, FenceReason.STALE_TRUST, Instant.EPOCH, "bundle 3 days old"));
            assertEquals(ErrorCode.AGENT_STATE_TRANSITION, code(() -> state.publish(active)));
            SigningKey fresh = state.createKey(fixture.type, fixture.random, ACCESS);
            assertEquals(
                    ErrorCode.AGENT_STATE_TRANSITION, code(() -> state.publish(fixture.pending(enrollment, fresh))));
            assertEquals(3, state.current().orElseThrow().number());
        }
    }

    @Test
    void publishNeedsTheKeyFileAndACertificateForTheKey() {
        try (StateDirectory state = StateDirectory.open(dir)) {
            SigningKey unsaved = SigningKey.generate(fixture.type, fixture.random);
            Enrollment enrollment = fixture.enrollment("jr-1");
            assertEquals(
                    ErrorCode.AGENT_STATE_INCOMPLETE, code(() -> state.publish(fixture.pending(enrollment, unsaved))));
            SigningKey key = state.createKey(fixture.type, fixture.random, ACCESS);
            state.publish(fixture.pending(enrollment, key));
            ActiveState foreign = fixture.active(
                    enrollment, key, AgentFixture.node("n-1"), fixture.issue(unsaved, AgentFixture.node("n-1")));
            assertEquals(ErrorCode.AGENT_KEY_MISMATCH, code(() -> state.publish(foreign)));
            assertEquals(1, state.current().orElseThrow().number());
        }
    }

    @Test
    void garbageIsCollectedOnOpenAndOtherNamesAreLeftAlone() throws IOException {
        SigningKey key;
        try (StateDirectory state = StateDirectory.open(dir)) {
            key = state.createKey(fixture.type, fixture.random, ACCESS);
            state.publish(fixture.pending(fixture.enrollment("jr-1"), key));
            state.publish(fixture.active(fixture.enrollment("jr-1"), key, AgentFixture.node("n-1")));
        }
        Files.createDirectory(dir.resolve("gen-3"));
        Files.writeString(dir.resolve("gen-3").resolve("state.json"), "{");
        Files.createDirectory(dir.resolve("gen-1"));
        Files.writeString(dir.resolve("CURRENT.tmp"), "partial");
        Files.writeString(dir.resolve("key-" + "ab".repeat(32) + ".pem"), "orphan");
        Files.writeString(dir.resolve(".key-" + "cd".repeat(32) + ".pem123456.tmp"), "temp");
        Files.writeString(dir.resolve("notes.txt"), "the operator's");
        Generation current = reopen();
        assertEquals(2, current.number());
        assertEquals(
                Set.of("CURRENT", "lock", "gen-2", "notes.txt", StateJson.keyFileName(key.verificationKey())),
                names(dir));
    }

    @Test
    void aKeyCreatedForTheNextPublicationSurvivesPublicationsInBetween() throws IOException {
        try (StateDirectory state = StateDirectory.open(dir)) {
            SigningKey key = state.createKey(fixture.type, fixture.random, ACCESS);
            Enrollment enrollment = fixture.enrollment("jr-1");
            state.publish(fixture.pending(enrollment, key));
            ActiveState active = fixture.active(enrollment, key, AgentFixture.node("n-1"));
            state.publish(active);
            SigningKey next = state.createKey(fixture.type, fixture.random, ACCESS);
            state.publish(new ActiveState(
                    enrollment,
                    key.verificationKey(),
                    active.identity(),
                    active.chain(),
                    active.trustBundle(),
                    Optional.of(fixture.head()),
                    active.renewAt()));
            assertTrue(Files.exists(dir.resolve(StateJson.keyFileName(next.verificationKey()))));
            state.publish(fixture.active(enrollment, next, AgentFixture.node("n-1")));
            assertFalse(Files.exists(dir.resolve(StateJson.keyFileName(key.verificationKey()))));
        }
        try (StateDirectory state = StateDirectory.open(dir)) {
            SigningKey abandoned = state.createKey(fixture.type, fixture.random, ACCESS);
            assertTrue(Files.exists(dir.resolve(StateJson.keyFileName(abandoned.verificationKey()))));
        }
        reopen();
        assertEquals(4, names(dir).size(), "an unpublished key is garbage at the next open: " + names(dir));
    }

    @Test
    void oneWriterAtATime() {
        try (StateDirectory state = StateDirectory.open(dir)) {
            assertEquals(ErrorCode.INTERNAL_STORE_LOCKED, code(() -> StateDirectory.open(dir)));
            assertEquals(Optional.empty(), StateDirectory.read(dir));
            assertEquals(dir.toAbsolutePath(), state.path());
        }
        StateDirectory.open(dir).close();
    }

    @Test
    void permissionsBeyondTheOwnerAreRefused() throws IOException {
        try (StateDirectory state = StateDirectory.open(dir)) {
            SigningKey key = state.createKey(fixture.type, fixture.random, ACCESS);
            state.publish(fixture.pending(fixture.enrollment("jr-1"), key));
        }
        for (String relative : new String[] {".", "CURRENT", "gen-1", "gen-1/state.json", "lock"}) {
            Path path = dir.resolve(relative);
            String original = mode(path);
            String widened = original.substring(0, 3) + (Files.isDirectory(path) ? "r-x" : "r--") + "---";
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(widened));
            assertEquals(ErrorCode.AGENT_STATE_PERMISSIONS, code(() -> StateDirectory.open(dir)), relative);
            if (!relative.equals("lock")) {
                assertEquals(ErrorCode.AGENT_STATE_PERMISSIONS, code(() -> StateDirectory.read(dir)), relative);
            }
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(original));
        }
        Path key = Files.list(dir)
                .filter(p -> p.getFileName().toString().startsWith("key-"))
                .findFirst()
                .orElseThrow();
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw----r--"));
        assertEquals(ErrorCode.AGENT_STATE_PERMISSIONS, code(() -> StateDirectory.open(dir)));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        assertEquals(1, reopen().number());
    }

    @Test
    void aLostPointerAfterCommitsIsRefusedNotCollected() throws IOException {
        try (StateDirectory state = StateDirectory.open(dir)) {
            SigningKey key = state.createKey(fixture.type, fixture.random, ACCESS);
            state.publish(fixture.pending(fixture.enrollment("jr-1"), key));
            state.publish(fixture.active(fixture.enrollment("jr-1"), key, AgentFixture.node("n-1")));
        }
        Files.delete(dir.resolve("CURRENT"));
        Set<String> before = names(dir);
        assertEquals(ErrorCode.AGENT_STATE_INCOMPLETE, code(() -> StateDirectory.open(dir)));
        assertEquals(before, names(dir));
    }

    @Test
    void aFailedCommitPoisonsTheInstance() {
        StateDirectory.Steps crash = step -> {
            if (step.equals("committed")) {
                throw new IllegalStateException("crash");
            }
        };
        SigningKey key;
        try (StateDirectory state = StateDirectory.open(dir, crash)) {
            key = state.createKey(fixture.type, fixture.random, ACCESS);
            assertThrows(
                    IllegalStateException.class, () -> state.publish(fixture.pending(fixture.enrollment("jr-1"), key)));
            assertEquals(ErrorCode.INTERNAL_IO, code(state::current));
        }
        assertEquals(1, reopen().number());
    }

    @Test
    void aNonDirectoryIsRefused() throws IOException {
        Files.writeString(dir, "file");
        assertThrows(CairnException.class, () -> StateDirectory.open(dir));
    }
}
