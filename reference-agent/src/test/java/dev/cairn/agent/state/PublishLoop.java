package dev.cairn.agent.state;

import static dev.cairn.agent.state.AgentFixture.ACCESS;

import dev.cairn.agent.host.HostBinding;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.identity.CairnId;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * The child process of {@link KillTest}: publishes generations in a loop until it is killed, printing
 * {@code published <n>} after each publication returns. Each run has its own CA, so it first fences
 * what the last run left and then enrolls afresh: pending, active, renewals (some with a new key),
 * fenced, and again.
 */
public final class PublishLoop {
    private PublishLoop() {}

    public static void main(String[] args) {
        PrintStream out = System.out;
        AgentFixture fixture = new AgentFixture(HostBinding.at(Path.of(args[1])), KeyType.ED25519, Clock.systemUTC());
        try (StateDirectory state = StateDirectory.open(Path.of(args[0]))) {
            Optional<Generation> current = state.current();
            out.println("ready " + current.map(Generation::number).orElse(0L));
            out.flush();
            if (current.isPresent() && !(current.get().state() instanceof FencedState)) {
                report(
                        out,
                        state.publish(FencedState.of(
                                current.get().state(),
                                FenceReason.REVOKED,
                                Clock.systemUTC().instant(),
                                "new run")));
            }
            long pid = ProcessHandle.current().pid();
            for (int enrollment = 1; ; enrollment++) {
                SigningKey key = state.createKey(KeyType.ED25519, fixture.random, ACCESS);
                Enrollment joined = fixture.enrollment("jr-" + pid + "-" + enrollment);
                CairnId node = AgentFixture.node("n-" + enrollment);
                report(out, state.publish(fixture.pending(joined, key)));
                report(out, state.publish(fixture.active(joined, key, node)));
                for (int renewal = 0; renewal < 4; renewal++) {
                    if (renewal % 2 == 1) {
                        key = state.createKey(KeyType.ED25519, fixture.random, ACCESS);
                    }
                    report(out, state.publish(fixture.active(joined, key, node)));
                }
                report(
                        out,
                        state.publish(FencedState.of(
                                state.current().orElseThrow().state(),
                                FenceReason.STALE_TRUST,
                                Clock.systemUTC().instant(),
                                "loop")));
            }
        }
    }

    private static void report(PrintStream out, Generation generation) {
        out.println("published " + generation.number());
        out.flush();
    }
}
