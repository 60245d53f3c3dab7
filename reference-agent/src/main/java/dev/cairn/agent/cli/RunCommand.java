package dev.cairn.agent.cli;

import dev.cairn.agent.AgentExit;
import dev.cairn.agent.client.Sleeper;
import dev.cairn.agent.enroll.EnrollOptions;
import dev.cairn.agent.enroll.Enroller;
import dev.cairn.agent.run.NodeRunner;
import dev.cairn.agent.run.RunOptions;
import dev.cairn.agent.state.CheckedActive;
import dev.cairn.agent.state.CheckedPending;
import dev.cairn.agent.state.CheckedState;
import dev.cairn.agent.state.Enrollment;
import dev.cairn.agent.state.StateCheck;
import dev.cairn.agent.state.StateDirectory;
import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.VerificationException;
import dev.cairn.trust.revocation.FreshnessPolicy;
import dev.cairn.trust.revocation.FreshnessTier;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code cairn-agent run}: the start-up checks, then heartbeats, trust refresh, renewal and fencing
 * over one reused mTLS connection ({@code spec/agent.md}, "Running").
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the agent: checks the state directory (exit codes as status), then heartbeats over one"
                    + " reused mTLS connection, keeps the revocation head and trust bundle fresh, renews the"
                    + " certificate at its renewal point, and fences itself when revoked or when its trust is"
                    + " staler than its tier allows and cannot be refreshed.",
            "A pending state is resumed first: the agent waits for approval of its stored join request."
        })
final class RunCommand implements Callable<Integer> {
    private static final InsecureSecretKeyAccess ACCESS = InsecureSecretKeyAccess.get();

    @Spec
    CommandSpec spec;

    @Mixin
    AgentOptions common;

    @Option(
            names = "--interval",
            paramLabel = "DURATION",
            defaultValue = "PT10S",
            converter = Converters.Time.class,
            description = "Time between heartbeats, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(
            names = "--tier",
            paramLabel = "TIER",
            defaultValue = "risky",
            converter = Converters.Tier.class,
            description = "Safety tier: how fresh the revocation state must be to keep the identity in use:"
                    + " safe (24 h), risky (1 h, default) or dangerous (5 min).")
    FreshnessTier tier;

    @Option(names = "--once", description = "One heartbeat, then exit (0 when acknowledged).")
    boolean once;

    @Option(
            names = "--beats",
            paramLabel = "N",
            description = "Exit 0 after N acknowledged heartbeats; without it (and --once) run until stopped.")
    Long beats;

    @Override
    public Integer call() {
        if (interval.compareTo(RunOptions.MIN_INTERVAL) < 0) {
            throw new ParameterException(spec.commandLine(), "--interval must be at least " + RunOptions.MIN_INTERVAL);
        }
        if (beats != null && beats < 1) {
            throw new ParameterException(spec.commandLine(), "--beats must be at least 1");
        }
        Optional<Long> limit = once ? Optional.of(1L) : Optional.ofNullable(beats);
        RunOptions options = new RunOptions(
                interval,
                tier,
                limit,
                common.capabilities(spec),
                common.backoff(spec),
                FreshnessPolicy.DEFAULT,
                common.host(),
                Clock.systemUTC(),
                new SecureRandom(),
                Sleeper.SYSTEM,
                AgentOptions.notices(spec));
        try (StateDirectory dir = StateDirectory.open(common.stateDir)) {
            CheckedActive active = startUp(dir, options);
            NodeRunner.Result result = new NodeRunner(options, dir, active.state(), active.key()).run();
            PrintWriter out = spec.commandLine().getOut();
            out.println("node: " + result.state().identity().uri());
            out.println("heartbeats: " + result.beats());
            out.println("mtls_handshakes: " + result.handshakes());
            out.println("bundle_sequence: " + result.state().trustBundle().sequence());
            out.println("revocation_head: " + (result.state().revocationHead().isPresent() ? "held" : "none"));
            out.println(
                    "not_after: " + result.state().certificate().getNotAfter().toInstant());
            out.println("renew_at: " + result.state().renewAt());
            return AgentExit.OK.code();
        }
    }

    /** The start-up checks; a pending state first waits for approval of its stored join request. */
    private CheckedActive startUp(StateDirectory dir, RunOptions options) {
        StateCheck check = StateCheck.builder()
                .clock(options.clock())
                .hostBinding(options.host())
                .build();
        CheckedState checked = check.check(dir, ACCESS);
        if (checked instanceof CheckedPending pending) {
            Enrollment enrollment = pending.state().enrollment();
            if (!pending.state().isSubmitted()) {
                throw new VerificationException(
                        ErrorCode.AGENT_NOT_ENROLLED,
                        "the join request of " + dir.path() + " was never submitted: run enroll with a join token");
            }
            options.notices()
                    .accept("the state is pending: waiting for approval of join request "
                            + enrollment.joinRequestLabel());
            new Enroller(new EnrollOptions(
                            enrollment.serverUrl(),
                            enrollment.caPin(),
                            Optional.empty(),
                            enrollment.cluster(),
                            Optional.empty(),
                            pending.key().type(),
                            options.capabilities(),
                            options.beats().isPresent() ? Duration.ZERO : EnrollOptions.DEFAULT_TIMEOUT,
                            options.backoff(),
                            options.host(),
                            common.hostname(),
                            options.clock(),
                            options.random(),
                            options.sleeper(),
                            options.notices()))
                    .enroll(dir);
            checked = check.check(dir, ACCESS);
        }
        return (CheckedActive) checked;
    }
}
