package dev.cairn.agent.state;

import static dev.cairn.agent.state.AgentFixture.ACCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.identity.CairnId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any sequence of publications, each possibly stopped at any step as a crash would stop it, keeps
 * CURRENT naming a complete generation that passes the start-up checks: the new one if the crash came
 * after the pointer rename, the old one otherwise, and nothing else in the directory.
 */
class PublicationPropertyTest {
    @TempDir
    Path tmp;

    private AgentFixture fixture;

    /** Thrown by the step hook: the publication stops there, as if the process died. */
    private static final class Crash extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    @BeforeEach
    void setUp() {
        fixture = new AgentFixture(tmp.resolve("host"));
    }

    @Test
    void anySequenceOfPublicationsKeepsCurrentComplete() {
        AtomicInteger example = new AtomicInteger();
        qt().withExamples(40)
                .forAll(lists().of(integers().between(0, 9999)).ofSizeBetween(1, 14))
                .checkAssert(ops -> run(tmp.resolve("dir-" + example.incrementAndGet()), ops));
    }

    private void run(Path dir, List<Integer> ops) {
        Optional<Generation> expected = Optional.empty();
        int enrollments = 0;
        for (int op : ops) {
            int crashAt = (op / 10) % 9;
            AtomicInteger steps = new AtomicInteger();
            AtomicReference<String> crashedAt = new AtomicReference<>();
            StateDirectory.Steps hook = step -> {
                if (steps.getAndIncrement() == crashAt) {
                    crashedAt.set(step);
                    throw new Crash();
                }
            };
            AgentState next;
            try (StateDirectory state = StateDirectory.open(dir, hook)) {
                Optional<AgentState> current = state.current().map(Generation::state);
                if (current.isEmpty() || current.get() instanceof FencedState) {
                    enrollments++;
                }
                next = next(state, current, op, enrollments);
                try {
                    state.publish(next);
                } catch (Crash crash) {
                    // the process "died" at crashedAt
                }
            }
            boolean committed = crashedAt.get() == null || crashedAt.get().equals("committed");
            if (committed) {
                expected = Optional.of(
                        new Generation(expected.map(g -> g.number() + 1).orElse(1L), next));
            }
            check(dir, expected, "op " + op + " crashed at " + crashedAt.get());
        }
    }

    private AgentState next(StateDirectory state, Optional<AgentState> current, int op, int enrollment) {
        CairnId node = AgentFixture.node("n-" + enrollment);
        if (current.isEmpty() || current.get() instanceof FencedState) {
            SigningKey key = state.createKey(fixture.type, fixture.random, ACCESS);
            return fixture.pending(fixture.enrollment("jr-" + enrollment), key);
        }
        SigningKey key = state.readKey(ACCESS);
        AgentState now = current.get();
        if (now instanceof PendingState pending) {
            return switch (op % 4) {
                case 0 ->
                    new PendingState(
                            pending.enrollment(),
                            pending.nodeKey(),
                            pending.csr(),
                            pending.pollSecret(),
                            Optional.of(node),
                            Optional.of(fixture.bundle),
                            Optional.of(fixture.head()));
                case 3 -> FencedState.of(pending, FenceReason.REJECTED, fixture.clock.instant(), "refused");
                default -> fixture.active(pending.enrollment(), key, node);
            };
        }
        ActiveState active = (ActiveState) now;
        return switch (op % 5) {
            case 0 -> fixture.active(active.enrollment(), state.createKey(fixture.type, fixture.random, ACCESS), node);
            case 1 ->
                new ActiveState(
                        active.enrollment(),
                        active.nodeKey(),
                        node,
                        active.chain(),
                        active.trustBundle(),
                        Optional.of(fixture.head()),
                        active.renewAt());
            case 2 ->
                FencedState.of(
                        active,
                        op % 2 == 0 ? FenceReason.REVOKED : FenceReason.STALE_TRUST,
                        fixture.clock.instant(),
                        "");
            default -> fixture.active(active.enrollment(), key, node);
        };
    }

    private void check(Path dir, Optional<Generation> expected, String what) {
        try (StateDirectory state = StateDirectory.open(dir)) {
            assertEquals(expected, state.current(), what);
            Set<String> names = new TreeSet<>(Set.of("lock"));
            expected.ifPresent(g -> {
                names.add("CURRENT");
                names.add(Generation.directoryName(g.number()));
                GenerationLoader.keyFile(g.state()).ifPresent(names::add);
            });
            assertEquals(names, StateDirectoryTest.names(dir), what);
            if (expected.isEmpty()) {
                return;
            }
            StateCheck check = StateCheck.builder()
                    .clock(fixture.clock)
                    .hostBinding(fixture.host)
                    .build();
            AgentState published = expected.get().state();
            if (published instanceof FencedState) {
                CairnException e = assertThrows(CairnException.class, () -> check.check(state, ACCESS), what);
                assertEquals(ErrorCode.AGENT_FENCED, e.code(), what);
            } else {
                Class<? extends CheckedState> want =
                        published instanceof ActiveState ? CheckedActive.class : CheckedPending.class;
                assertInstanceOf(want, check.check(state, ACCESS), what);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void withoutCrashesEveryPublicationCommits() {
        Path dir = tmp.resolve("plain");
        run(dir, List.of(80, 81, 82, 83, 84));
        try (StateDirectory state = StateDirectory.open(dir)) {
            assertEquals(5, state.current().orElseThrow().number());
        }
    }
}
