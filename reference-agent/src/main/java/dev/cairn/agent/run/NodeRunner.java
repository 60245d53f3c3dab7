package dev.cairn.agent.run;

import dev.cairn.agent.client.AgentHttp;
import dev.cairn.agent.client.Answer;
import dev.cairn.agent.client.ApiError;
import dev.cairn.agent.client.Heartbeat;
import dev.cairn.agent.client.HeartbeatAck;
import dev.cairn.agent.client.NodeApi;
import dev.cairn.agent.enroll.Fences;
import dev.cairn.agent.host.HostFingerprint;
import dev.cairn.agent.state.ActiveState;
import dev.cairn.agent.state.FenceReason;
import dev.cairn.agent.state.FencedState;
import dev.cairn.agent.state.StateCheck;
import dev.cairn.agent.state.StateDirectory;
import dev.cairn.agent.trust.HeldTrust;
import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.pin.PinnedServerTrust;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The running agent ({@code spec/agent.md}, "Running"): from a checked active state, it keeps its
 * trust fresh, heartbeats, renews, and fences itself.
 *
 * <p>Each round: refresh the revocation head (and the trust bundle) when the last heartbeat said a
 * newer one exists or the held head is halfway through its freshness for the tier; check the
 * agent's own serial against the revocation state (revoked: fence {@code revoked}; stale even after
 * one more refresh attempt: fence {@code stale_trust}); renew once past the renewal point; send the
 * heartbeat. A heartbeat refused with {@code CERT_REVOKED}, {@code NODE_REVOKED} or {@code
 * NODE_NOT_ACTIVE} fences {@code revoked}; a handshake the server ends is answered by fetching the
 * revocation state over the pinned connection, which fences if the serial is revoked.
 *
 * <p>A new process holds the stored head but not the chain's entries, so it first fetches them over a
 * pinned connection without a client certificate (the mTLS verifier needs a revocation state), then
 * opens the mTLS connection that every later call reuses. Refreshes fall back to the pinned connection
 * when the mTLS one fails: what they fetch is signed, so the channel adds no trust.
 */
public final class NodeRunner {
    private static final InsecureSecretKeyAccess ACCESS = InsecureSecretKeyAccess.get();
    private static final Set<ErrorCode> REVOCATION_CODES =
            Set.of(ErrorCode.CERT_REVOKED, ErrorCode.NODE_REVOKED, ErrorCode.NODE_NOT_ACTIVE);
    private static final Set<ErrorCode> TRANSPORT_CODES =
            Set.of(ErrorCode.AGENT_SERVER_UNREACHABLE, ErrorCode.AGENT_TLS_REFUSED, ErrorCode.AGENT_SERVER_UNTRUSTED);

    private final RunOptions o;
    private final StateDirectory dir;
    private ActiveState state;
    private SigningKey key;
    private HeldTrust trust;
    private Session session;
    private NodeApi pinned;
    private Renewal renewal;
    private boolean needRevocation;
    private boolean needBundle;
    private boolean degraded;
    private long beats;
    private long closedHandshakes;

    /** A retryable failure of a round, with the least wait the server asked for. */
    private static final class RetryLater extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient CairnException error;
        private final transient Duration floor;

        RetryLater(CairnException error, Duration floor) {
            super(error.getMessage(), error, false, false);
            this.error = error;
            this.floor = floor;
        }
    }

    /**
     * What a run ended with.
     *
     * @param state the active state at the end
     * @param beats the acknowledged heartbeats
     * @param handshakes the full mTLS handshakes made (one per connection)
     */
    public record Result(ActiveState state, long beats, long handshakes) {}

    /**
     * A runner over an open state directory whose state passed the start-up checks.
     *
     * @param options the options
     * @param dir the state directory, open for writing
     * @param state the checked active state
     * @param key its private key
     */
    public NodeRunner(RunOptions options, StateDirectory dir, ActiveState state, SigningKey key) {
        this.o = Objects.requireNonNull(options, "options");
        this.dir = Objects.requireNonNull(dir, "dir");
        this.state = Objects.requireNonNull(state, "state");
        this.key = Objects.requireNonNull(key, "key");
    }

    /**
     * Runs until the number of heartbeats asked for is reached, or, without one, until a failure
     * ends it.
     *
     * @return the result
     * @throws CairnException {@link ErrorCode#AGENT_FENCED} once the agent fenced itself (reason {@code
     *     revoked} or {@code stale_trust}); a failure that may pass when a bounded number of heartbeats
     *     was asked for; any failure that retrying cannot fix
     */
    public Result run() {
        trust = HeldTrust.of(state.trustBundle(), state.revocationHead(), o.policy(), o.clock());
        renewal = new Renewal(o, dir, this::fenceRevoked);
        bootstrap();
        session = openSession();
        for (int failures = 0; ; ) {
            Duration wait;
            try {
                round();
                failures = 0;
                if (o.beats().isPresent() && beats >= o.beats().get()) {
                    return new Result(state, beats, handshakes());
                }
                wait = jitter(o.interval());
            } catch (RetryLater retry) {
                if (o.beats().isPresent()) {
                    throw retry.error;
                }
                o.notices().accept("will retry: " + retry.error.getMessage());
                wait = o.backoff().delay(failures++, retry.floor, o.random());
            }
            o.sleeper().pause(wait);
        }
    }

    /** The full mTLS handshakes so far, over every session. */
    long handshakes() {
        return closedHandshakes + (session == null ? 0 : session.handshakes());
    }

    private void round() {
        refreshIfDue();
        checkSelf();
        renewIfDue();
        beat();
        if (needRevocation || needBundle) {
            refreshIfDue();
            checkSelf();
        }
    }

    /** Fills the revocation state over the pinned connection; fences if stale and it cannot. */
    private void bootstrap() {
        for (int attempt = 0; ; attempt++) {
            try {
                refresh(pinned(), true, true);
                checkSelf();
                return;
            } catch (CairnException e) {
                if (e.code() == ErrorCode.AGENT_FENCED) {
                    throw e;
                }
                degraded = true;
                if (!trust.isFresh(o.tier())) {
                    throw fence(
                            FenceReason.STALE_TRUST,
                            "the revocation head held " + headLabel() + " is stale for tier " + o.tier()
                                    + " and could not be refreshed: " + e.getMessage());
                }
                if (o.beats().isPresent()) {
                    throw e;
                }
                o.notices().accept("could not fetch the revocation state, will retry: " + e.getMessage());
                o.sleeper().pause(o.backoff().delay(attempt, e.retryAfter().orElse(Duration.ZERO), o.random()));
            }
        }
    }

    private void refreshIfDue() {
        boolean revocationDue = needRevocation
                || !trust.hasRevocationState()
                || !o.clock().instant().isBefore(trust.refreshAt(o.tier()));
        if (!revocationDue && !needBundle) {
            return;
        }
        tryRefresh(revocationDue, needBundle);
    }

    /**
     * Refreshes over mTLS (once its session is open), else over the pinned connection; a failure
     * leaves the agent degraded.
     */
    private boolean tryRefresh(boolean revocation, boolean bundle) {
        try {
            NodeApi primary = session == null ? pinned() : session.api();
            try {
                refresh(primary, revocation, bundle);
            } catch (CairnException e) {
                if (!TRANSPORT_CODES.contains(e.code()) || primary == pinned) {
                    throw e;
                }
                refresh(pinned(), revocation, bundle);
            }
            degraded = false;
            return true;
        } catch (CairnException e) {
            degraded = true;
            o.notices().accept("trust refresh failed: " + e.getMessage());
            return false;
        }
    }

    /**
     * Refreshes the bundle, then the revocation state (a new bundle may bring the key of a new head);
     * each is tried even if the other fails, what changed is published, and the first failure is thrown.
     */
    private void refresh(NodeApi api, boolean revocation, boolean bundle) {
        CairnException failure = null;
        if (bundle) {
            try {
                trust.refreshBundle(api);
                needBundle = false;
            } catch (CairnException e) {
                failure = e;
            }
        }
        if (revocation) {
            try {
                trust.refreshRevocation(api);
                needRevocation = false;
            } catch (CairnException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        publishTrust();
        if (failure != null) {
            throw failure;
        }
    }

    /** Publishes the bundle and head held when they differ from the stored ones. */
    private void publishTrust() {
        if (!trust.bundle().equals(state.trustBundle()) || !trust.headBytes().equals(state.revocationHead())) {
            state = new ActiveState(
                    state.enrollment(),
                    state.nodeKey(),
                    state.identity(),
                    state.chain(),
                    trust.bundle(),
                    trust.headBytes(),
                    state.renewAt());
            dir.publish(state);
        }
    }

    /** The agent's own serial against its revocation state, at its tier. */
    private void checkSelf() {
        checkSelf(false);
    }

    /** As {@link #checkSelf()}; a stale state gets one more refresh attempt, unless it just had one. */
    private void checkSelf(boolean refreshed) {
        try {
            trust.checkNotRevoked(state.certificate().getSerialNumber(), o.tier());
        } catch (CairnException e) {
            if (e.code() == ErrorCode.CERT_REVOKED) {
                throw fence(
                        FenceReason.REVOKED,
                        "the revocation state revokes serial "
                                + state.certificate().getSerialNumber().toString(16) + " (head " + headLabel() + "): "
                                + e.getMessage());
            }
            if (e.code() != ErrorCode.REVOCATION_HEAD_STALE) {
                throw e;
            }
            if (!refreshed && tryRefresh(true, false)) {
                checkSelf(true);
                return;
            }
            throw fence(
                    FenceReason.STALE_TRUST,
                    "the revocation head held " + headLabel() + " is stale for tier " + o.tier()
                            + (refreshed ? " even after a refresh" : " and could not be refreshed"));
        }
    }

    private void renewIfDue() {
        Optional<Renewal.Renewed> renewed = renewal.ifDue(state, key, trust, session.api());
        if (renewed.isPresent()) {
            state = renewed.get().state();
            key = renewed.get().key();
            closedHandshakes += session.handshakes();
            session = openSession();
        }
    }

    private void beat() {
        HostFingerprint host = o.host().check(state.enrollment().host());
        Heartbeat heartbeat =
                new Heartbeat(host, o.capabilities(), degraded, trust.bundle().sequence(), trust.revocationSequence());
        Answer<HeartbeatAck> answer;
        try {
            answer = session.api().heartbeat(heartbeat);
        } catch (CairnException e) {
            throw transportFailure(e);
        }
        if (answer instanceof Answer.Refused<HeartbeatAck> refused) {
            ApiError error = refused.error();
            if (REVOCATION_CODES.stream().anyMatch(error::is)) {
                throw fenceRevoked(error);
            }
            if (error.retryable()) {
                throw new RetryLater(error.toException(), error.retryAfter().orElse(Duration.ZERO));
            }
            throw error.toException();
        }
        HeartbeatAck ack = ((Answer.Ok<HeartbeatAck>) answer).value();
        beats++;
        needRevocation |= ack.revocationSequence() > trust.revocationSequence();
        needBundle |= ack.bundleSequence() > trust.bundle().sequence();
    }

    /** What a failed heartbeat exchange means; a refused handshake is checked against revocation. */
    private RuntimeException transportFailure(CairnException e) {
        if (e.code() == ErrorCode.AGENT_TLS_REFUSED) {
            try {
                refresh(pinned(), true, false);
            } catch (CairnException refresh) {
                e.addSuppressed(refresh);
            }
            checkSelf();
            return new RetryLater(e, e.retryAfter().orElse(Duration.ZERO));
        }
        if (e.code() == ErrorCode.AGENT_SERVER_UNTRUSTED
                && ErrorCode.REVOCATION_HEAD_STALE.name().equals(e.details().get("cause"))) {
            needRevocation = true;
            return new RetryLater(e, Duration.ZERO);
        }
        if (e.code() == ErrorCode.AGENT_SERVER_UNREACHABLE) {
            return new RetryLater(e, e.retryAfter().orElse(Duration.ZERO));
        }
        return e;
    }

    private CairnException fenceRevoked(ApiError error) {
        return fence(
                FenceReason.REVOKED,
                "the server answered " + error.code() + ": " + error.message() + " (trace " + error.traceId() + ")");
    }

    private CairnException fence(FenceReason reason, String detail) {
        FencedState fenced = FencedState.of(state, reason, o.clock().instant(), Fences.detail(detail));
        dir.publish(fenced);
        session = null;
        pinned = null;
        o.notices().accept("fenced (" + reason.wireName() + "): " + fenced.detail());
        return StateCheck.fenced(fenced);
    }

    private Session openSession() {
        return Session.open(state.enrollment().serverUrl(), key, state.chain(), trust, o.tier(), o.clock(), ACCESS);
    }

    private NodeApi pinned() {
        if (pinned == null) {
            PinnedServerTrust pin = new PinnedServerTrust(
                    state.enrollment().caPin(),
                    Optional.of(trust.bundle().trustDomain()),
                    o.clock(),
                    ErrorCode.AGENT_SERVER_UNTRUSTED);
            pinned = new NodeApi(AgentHttp.create(state.enrollment().serverUrl(), pin.clientContext(), false));
        }
        return pinned;
    }

    private String headLabel() {
        return trust.head()
                .map(h -> "(sequence " + h.head().sequence() + ", issued at "
                        + h.head().issuedAt() + ")")
                .orElse("(none)");
    }

    private Duration jitter(Duration interval) {
        long millis = interval.toMillis();
        long spread = millis / 10;
        return Duration.ofMillis(millis - spread + o.random().nextLong(2 * spread + 1));
    }

    /** Fences on a refusal of the server that says the node is revoked; used by renewal. */
    interface Fencer {
        CairnException fence(ApiError error);
    }
}
