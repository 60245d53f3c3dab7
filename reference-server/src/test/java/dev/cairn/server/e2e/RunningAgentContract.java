package dev.cairn.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.agent.AgentExit;
import dev.cairn.agent.client.Backoff;
import dev.cairn.agent.client.Sleeper;
import dev.cairn.agent.host.HostBinding;
import dev.cairn.agent.run.NodeRunner;
import dev.cairn.agent.run.RunOptions;
import dev.cairn.agent.state.ActiveState;
import dev.cairn.agent.state.CheckedActive;
import dev.cairn.agent.state.FenceReason;
import dev.cairn.agent.state.FencedState;
import dev.cairn.agent.state.PendingState;
import dev.cairn.agent.state.StateCheck;
import dev.cairn.agent.state.StateDirectory;
import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.testsupport.TestDatabase;
import dev.cairn.trust.revocation.FreshnessPolicy;
import dev.cairn.trust.revocation.FreshnessTier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The running agent against the real server, driven through {@link NodeRunner} with a clock of the
 * test's choosing: renewal with a new key, fencing when the trust held goes stale while the server is
 * out of reach, and a revocation answered on the open connection.
 */
abstract class RunningAgentContract {
    /** The engine the server stores its state in. */
    abstract TestDatabase engine();

    private static final InsecureSecretKeyAccess ACCESS = InsecureSecretKeyAccess.get();

    @TempDir
    Path tmp;

    private E2eServer server;
    private AgentHost host;
    private ActiveState enrolled;
    private final List<String> notices = new CopyOnWriteArrayList<>();

    @BeforeEach
    void enroll() throws Exception {
        server = E2eServer.start(tmp, engine());
        server.cluster("c1");
        host = new AgentHost(tmp, "runner");
        CompletableFuture<AgentHost.Run> enrolling =
                host.start(host.enrollArgs(server, server.joinToken("c1", 1), "--key-type", "ed25519"));
        PendingState pending = host.awaitSubmitted();
        assertEquals(
                200,
                server.approve(pending.enrollment().joinRequestId().orElseThrow())
                        .status());
        AgentHost.Run run = enrolling.get(60, TimeUnit.SECONDS);
        assertEquals(0, run.exit(), run.toString());
        enrolled = (ActiveState) host.state().orElseThrow().state();
    }

    @AfterEach
    void stop() {
        if (server != null) { // null when PostgreSQL is not configured and the test was skipped
            server.close();
        }
    }

    private NodeRunner.Result run(Clock clock, FreshnessTier tier, long beats, Sleeper sleeper) {
        RunOptions options = new RunOptions(
                Duration.ofMillis(200),
                tier,
                Optional.of(beats),
                List.of(),
                new Backoff(Duration.ofMillis(50), Duration.ofMillis(200)),
                FreshnessPolicy.DEFAULT,
                HostBinding.at(host.hostRoot),
                clock,
                new SecureRandom(),
                sleeper,
                notices::add);
        try (StateDirectory dir = StateDirectory.open(host.stateDir)) {
            CheckedActive checked = (CheckedActive) StateCheck.builder()
                    .clock(clock)
                    .hostBinding(HostBinding.at(host.hostRoot))
                    .build()
                    .check(dir, ACCESS);
            return new NodeRunner(options, dir, checked.state(), checked.key()).run();
        }
    }

    @Test
    void pastItsRenewalPointTheAgentRenewsWithANewKeyAndUsesIt() throws Exception {
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofHours(17));
        NodeRunner.Result result = run(later, FreshnessTier.SAFE, 1, Sleeper.SYSTEM);
        ActiveState renewed = result.state();
        assertEquals(enrolled.identity(), renewed.identity());
        assertNotEquals(enrolled.nodeKey(), renewed.nodeKey(), "a new key");
        assertNotEquals(
                enrolled.certificate().getSerialNumber(), renewed.certificate().getSerialNumber());
        Instant notBefore = renewed.certificate().getNotBefore().toInstant();
        Duration lifetime =
                Duration.between(notBefore, renewed.certificate().getNotAfter().toInstant());
        assertTrue(
                !renewed.renewAt().isBefore(notBefore.plus(lifetime.dividedBy(2)))
                        && !renewed.renewAt()
                                .isAfter(notBefore.plus(lifetime.multipliedBy(2).dividedBy(3))),
                "a new jittered renewal point of the new certificate: " + notices);
        assertEquals(2, result.handshakes(), "one connection before renewal, one with the new certificate");
        assertEquals(renewed, host.state().orElseThrow().state(), "the renewal is published");
        try (Stream<Path> files = Files.list(host.stateDir)) {
            assertEquals(
                    List.of("key-" + renewed.nodeKey().kid().toHex() + ".pem"),
                    files.map(p -> p.getFileName().toString())
                            .filter(n -> n.startsWith("key-"))
                            .toList(),
                    "only the new key file is left");
        }
        assertEquals(
                2,
                server.node(renewed.identity().name())
                        .json()
                        .path("certificates")
                        .size());
        AgentHost.Run now = host.run("run", "--once");
        assertEquals(0, now.exit(), "the renewed certificate works: " + now);
    }

    @Test
    void staleTrustThatCannotBeRefreshedFencesTheAgent() {
        server.stop();
        AgentHost.Run unreachable = host.run("run", "--once");
        assertEquals(
                AgentExit.TEMPORARY.code(), unreachable.exit(), "a fresh head rides out an outage: " + unreachable);
        assertTrue(host.state().orElseThrow().state() instanceof ActiveState);

        Clock twoHoursOn = Clock.offset(Clock.systemUTC(), Duration.ofHours(2));
        CairnException fenced =
                assertThrows(CairnException.class, () -> run(twoHoursOn, FreshnessTier.RISKY, 1, Sleeper.SYSTEM));
        assertEquals(ErrorCode.AGENT_FENCED, fenced.code(), fenced.getMessage());
        assertEquals(AgentExit.FENCED_STALE_TRUST, AgentExit.of(fenced));
        FencedState state = (FencedState) host.state().orElseThrow().state();
        assertEquals(FenceReason.STALE_TRUST, state.reason());
        assertEquals(AgentExit.FENCED_STALE_TRUST.code(), host.run("status").exit());
    }

    @Test
    void aHeadThatIsStaleEvenWhenFreshlyFetchedFencesTheAgent() {
        Clock twoHoursAhead = Clock.offset(Clock.systemUTC(), Duration.ofHours(2));
        CairnException fenced =
                assertThrows(CairnException.class, () -> run(twoHoursAhead, FreshnessTier.RISKY, 1, Sleeper.SYSTEM));
        assertEquals(AgentExit.FENCED_STALE_TRUST, AgentExit.of(fenced), fenced.getMessage());
        FencedState state = (FencedState) host.state().orElseThrow().state();
        assertTrue(state.detail().contains("even after a refresh"), state.detail());
    }

    @Test
    void aRevocationWhileConnectedIsRefusedOnTheOpenConnectionAndFences() {
        boolean[] revoked = {false};
        Sleeper revokeAfterTheFirstBeat = delay -> {
            if (!revoked[0]) {
                revoked[0] = true;
                assertEquals(200, server.revoke(enrolled.identity().name()).status());
            }
            Thread.sleep(delay.toMillis());
        };
        CairnException fenced = assertThrows(
                CairnException.class, () -> run(Clock.systemUTC(), FreshnessTier.RISKY, 5, revokeAfterTheFirstBeat));
        assertEquals(AgentExit.FENCED_REVOKED, AgentExit.of(fenced), fenced.getMessage());
        FencedState state = (FencedState) host.state().orElseThrow().state();
        assertTrue(
                state.detail().contains(ErrorCode.CERT_REVOKED.name()),
                "refused on the open connection: " + state.detail());
    }
}
