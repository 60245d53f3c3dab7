package dev.cairn.agent.enroll;

import dev.cairn.agent.AgentVersion;
import dev.cairn.agent.client.AgentHttp;
import dev.cairn.agent.client.Answer;
import dev.cairn.agent.client.ApiError;
import dev.cairn.agent.client.JoinAccepted;
import dev.cairn.agent.client.JoinRequest;
import dev.cairn.agent.client.NodeApi;
import dev.cairn.agent.client.NodeFacts;
import dev.cairn.agent.client.PollAnswer;
import dev.cairn.agent.state.ActiveState;
import dev.cairn.agent.state.AgentState;
import dev.cairn.agent.state.CheckedPending;
import dev.cairn.agent.state.CheckedState;
import dev.cairn.agent.state.Enrollment;
import dev.cairn.agent.state.FenceReason;
import dev.cairn.agent.state.FencedState;
import dev.cairn.agent.state.Generation;
import dev.cairn.agent.state.PendingState;
import dev.cairn.agent.state.StateCheck;
import dev.cairn.agent.state.StateDirectory;
import dev.cairn.agent.trust.HeldTrust;
import dev.cairn.bytes.Bytes;
import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.bytes.SecretBytes;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.VerificationException;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.csr.Csr;
import dev.cairn.trust.csr.CsrBuilder;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.identity.TrustDomain;
import dev.cairn.trust.pin.PinnedServerTrust;
import dev.cairn.trust.renewal.RenewalPolicy;
import dev.cairn.trust.revocation.FreshnessPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Enrolls an agent ({@code spec/agent.md}, "Enrollment"), crash-safely:
 *
 * <ol>
 *   <li><b>prepare</b>: generate the key pair (its file written owner-only and fsynced) and the CSR,
 *       and publish a {@code pending} state naming both, without a join request id;
 *   <li><b>submit</b>: send the join request over TLS that authenticates the server by the pinned
 *       root; publish the returned join request id and poll secret;
 *   <li><b>wait</b>: poll the request with its poll secret, waiting the server's interval and backing
 *       off with jitter, until it is decided or the time is up;
 *   <li><b>activate</b>: check the issued certificate against the key and the pin, fetch the revocation
 *       head, and publish the {@code active} state: the certificate is durable before the state says
 *       active.
 * </ol>
 *
 * <p>Running it again resumes where the state directory says: a pending state with a join request id
 * is polled, never submitted again; one without is submitted with the key and CSR it holds. The one
 * step that a crash can repeat is a submission whose answer was not stored yet: the server may then
 * hold two join requests for the same key (the second consumes another use of the join token, or is
 * refused with {@code JOIN_TOKEN_EXHAUSTED}); an operator denies the stray one.
 *
 * <p>A denied, expired or unknown join request fences the enrollment ({@code rejected}); a certificate
 * already revoked when it is fetched fences it {@code revoked}.
 */
public final class Enroller {
    private static final InsecureSecretKeyAccess ACCESS = InsecureSecretKeyAccess.get();

    private final EnrollOptions o;
    private final Instant deadline;

    /**
     * An enroller; the time limit starts now.
     *
     * @param options the options
     */
    public Enroller(EnrollOptions options) {
        this.o = Objects.requireNonNull(options, "options");
        this.deadline = o.clock().instant().plus(o.timeout());
    }

    /**
     * The result of an enrollment.
     *
     * @param state the active state
     * @param alreadyActive whether the directory was active already (nothing was done)
     */
    public record Outcome(ActiveState state, boolean alreadyActive) {}

    /** A pending state to continue from, with its private key. */
    private record Started(PendingState state, SigningKey key, boolean resumed) {}

    /**
     * Enrolls, or resumes an enrollment, in an open state directory.
     *
     * @param dir the state directory, open for writing
     * @return the active state
     * @throws CairnException {@link ErrorCode#AGENT_ENROLLMENT_CONFLICT} if the directory holds another
     *     enrollment; {@link ErrorCode#AGENT_FENCED} (reason {@code rejected} or {@code revoked}); {@link
     *     ErrorCode#AGENT_ENROLL_TIMEOUT}; {@link ErrorCode#AGENT_SERVER_UNTRUSTED}; {@link
     *     ErrorCode#AGENT_SERVER_ANSWER_INVALID}; the server's refusals (join token, CSR); the start-up
     *     checks' codes for a pending state
     */
    public Outcome enroll(StateDirectory dir) {
        Optional<AgentState> current = dir.current().map(Generation::state);
        if (current.isPresent() && current.get() instanceof ActiveState active) {
            requireSame(active.enrollment(), dir);
            return new Outcome(active, true);
        }
        boolean resuming = current.isPresent() && current.get() instanceof PendingState;
        if (!resuming) {
            requireToken();
        }
        Started started = resuming ? resume(dir) : prepare(dir);
        PinnedServerTrust trust =
                new PinnedServerTrust(o.pin(), o.trustDomain(), o.clock(), ErrorCode.AGENT_SERVER_UNTRUSTED);
        NodeApi api = new NodeApi(AgentHttp.create(o.server(), trust.clientContext(), false));
        PendingState pending = started.state();
        Duration firstWait = Duration.ZERO;
        if (!pending.isSubmitted()) {
            JoinAccepted accepted = submit(pending, started, api);
            pending = pending.submitted(accepted.requestId(), accepted.pollSecret());
            dir.publish(pending);
            o.notices().accept("submitted join request " + accepted.requestId() + "; waiting for approval");
            firstWait = accepted.pollAfter();
        } else {
            o.notices()
                    .accept("resuming join request " + pending.enrollment().joinRequestLabel()
                            + " (it is not submitted again)");
        }
        return new Outcome(await(dir, pending, started.key(), api, trust, firstWait), false);
    }

    private Started prepare(StateDirectory dir) {
        SigningKey key = dir.createKey(o.keyType(), o.random(), ACCESS);
        Csr csr = CsrBuilder.build(key, Optional.empty());
        PendingState pending = PendingState.prepared(
                Enrollment.prepared(
                        o.server(), o.pin(), o.clusterHint(), o.host().current()),
                key.verificationKey(),
                csr);
        dir.publish(pending);
        o.notices()
                .accept("generated a " + o.keyType().name().toLowerCase(java.util.Locale.ROOT) + " key (kid "
                        + key.verificationKey().kid().toHex() + ") and its CSR, stored in " + dir.path());
        return new Started(pending, key, false);
    }

    private Started resume(StateDirectory dir) {
        CheckedState checked = StateCheck.builder()
                .clock(o.clock())
                .hostBinding(o.host())
                .build()
                .check(dir, ACCESS);
        CheckedPending pending = (CheckedPending) checked;
        requireSame(pending.state().enrollment(), dir);
        return new Started(pending.state(), pending.key(), true);
    }

    private void requireSame(Enrollment held, StateDirectory dir) {
        boolean clusterConflict = o.clusterHint().isPresent()
                && held.cluster().isPresent()
                && !o.clusterHint().equals(held.cluster());
        if (!held.serverUrl().equals(o.server()) || !held.caPin().equals(o.pin()) || clusterConflict) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put(
                    "expected",
                    o.server() + " " + o.pin()
                            + o.clusterHint().map(c -> " " + c).orElse(""));
            details.put(
                    "found",
                    held.serverUrl() + " " + held.caPin()
                            + held.cluster().map(c -> " " + c).orElse(""));
            throw new VerificationException(
                    ErrorCode.AGENT_ENROLLMENT_CONFLICT,
                    dir.path() + " holds the enrollment " + held.joinRequestLabel() + " with " + held.serverUrl()
                            + " and pin " + held.caPin()
                            + held.cluster().map(c -> " in cluster " + c).orElse("")
                            + "; this command asks for " + o.server() + " and pin " + o.pin()
                            + o.clusterHint().map(c -> " in cluster " + c).orElse(""),
                    details,
                    null);
        }
    }

    private void requireToken() {
        if (o.token().isEmpty()) {
            throw new VerificationException(
                    ErrorCode.AGENT_NOT_ENROLLED,
                    "no join request of this state directory was submitted: give the join token (--token)");
        }
    }

    private JoinAccepted submit(PendingState pending, Started started, NodeApi api) {
        requireToken();
        Csr csr = pending.csr().orElseGet(() -> CsrBuilder.build(started.key(), Optional.empty()));
        JoinRequest request = new JoinRequest(
                o.token().get(),
                csr,
                NodeFacts.of(pending.enrollment().host(), o.hostname(), AgentVersion.VERSION),
                o.capabilities());
        boolean maybeSent = started.resumed();
        for (int attempt = 0; ; attempt++) {
            Answer<JoinAccepted> answer;
            try {
                answer = api.submit(request, ACCESS);
            } catch (CairnException e) {
                if (e.code() != ErrorCode.AGENT_SERVER_UNREACHABLE) {
                    throw e;
                }
                maybeSent = true;
                pause(attempt, Duration.ZERO, () -> e);
                continue;
            }
            if (answer instanceof Answer.Ok<JoinAccepted> ok) {
                return ok.value();
            }
            ApiError error = ((Answer.Refused<JoinAccepted>) answer).error();
            if (!error.retryable()) {
                throw submissionRefused(error, maybeSent);
            }
            pause(attempt, error.retryAfter().orElse(Duration.ZERO), error::toException);
        }
    }

    /** A refused submission; after an attempt whose answer was lost, say that it may have been recorded. */
    private static CairnException submissionRefused(ApiError error, boolean maybeSent) {
        CairnException e = error.toException();
        if (!maybeSent || !error.is(ErrorCode.JOIN_TOKEN_EXHAUSTED)) {
            return e;
        }
        return new VerificationException(
                ErrorCode.JOIN_TOKEN_EXHAUSTED,
                e.getMessage().substring(ErrorCode.JOIN_TOKEN_EXHAUSTED.name().length() + 2)
                        + "; an earlier attempt with this key, whose answer never arrived, may have been recorded"
                        + " as a join request: ask an operator to deny it, and enroll with a new join token",
                e.details(),
                e);
    }

    private ActiveState await(
            StateDirectory dir,
            PendingState pending,
            SigningKey key,
            NodeApi api,
            PinnedServerTrust trust,
            Duration firstWait) {
        String id = pending.enrollment().joinRequestId().orElseThrow();
        SecretBytes secret = pending.pollSecret().orElseThrow();
        if (!firstWait.isZero()) {
            pause(0, firstWait, () -> timeout(id));
        }
        for (int attempt = 0; ; attempt++) {
            Answer<PollAnswer> answer;
            try {
                answer = api.poll(id, secret, ACCESS);
            } catch (CairnException e) {
                if (e.code() != ErrorCode.AGENT_SERVER_UNREACHABLE) {
                    throw e;
                }
                pause(attempt, Duration.ZERO, () -> timeout(id));
                continue;
            }
            if (answer instanceof Answer.Refused<PollAnswer> refused) {
                ApiError error = refused.error();
                if (error.is(ErrorCode.JOIN_REQUEST_EXPIRED) || error.is(ErrorCode.JOIN_POLL_UNAUTHORIZED)) {
                    throw fence(
                            dir,
                            pending,
                            FenceReason.REJECTED,
                            "join request " + id + " can never be approved: " + error.code() + ": " + error.message());
                }
                if (!error.retryable()) {
                    throw error.toException();
                }
                pause(attempt, error.retryAfter().orElse(Duration.ZERO), () -> timeout(id));
                continue;
            }
            PollAnswer poll = ((Answer.Ok<PollAnswer>) answer).value();
            if (poll instanceof PollAnswer.Pending waiting) {
                pause(attempt, waiting.pollAfter(), () -> timeout(id));
            } else if (poll instanceof PollAnswer.Denied denied) {
                throw fence(
                        dir, pending, FenceReason.REJECTED, "join request " + id + " was denied: " + denied.reason());
            } else {
                return activate(dir, pending, key, ((PollAnswer.Approved) poll), api, trust);
            }
        }
    }

    private ActiveState activate(
            StateDirectory dir,
            PendingState pending,
            SigningKey key,
            PollAnswer.Approved approved,
            NodeApi api,
            PinnedServerTrust trust) {
        TrustDomain domain = trust.serverIdentity()
                .map(CairnId::trustDomain)
                .orElseThrow(() -> new IllegalStateException("an answer arrived without an accepted handshake"));
        IssuedCheck.Checked checked = IssuedCheck.check(
                approved.certificate(),
                key.verificationKey(),
                o.pin(),
                domain,
                pending.enrollment().cluster(),
                pending.nodeId(),
                o.clock().instant());
        Optional<Bytes> head = Optional.empty();
        try {
            HeldTrust held = HeldTrust.of(checked.bundle(), Optional.empty(), FreshnessPolicy.DEFAULT, o.clock());
            held.refreshRevocation(api);
            if (held.revocation().isRevoked(checked.leaf().getSerialNumber())) {
                throw fence(
                        dir,
                        pending,
                        FenceReason.REVOKED,
                        "the certificate of " + checked.identity() + " (serial "
                                + checked.leaf().getSerialNumber().toString(16) + ") is revoked already");
            }
            head = held.headBytes();
        } catch (CairnException e) {
            if (e.code() == ErrorCode.AGENT_FENCED) {
                throw e;
            }
            o.notices().accept("no revocation head stored yet (" + e.code() + "); run fetches it");
        }
        ActiveState active = new ActiveState(
                pending.enrollment().withCluster(checked.identity().cluster()),
                key.verificationKey(),
                checked.identity(),
                checked.chain(),
                checked.bundle(),
                head,
                RenewalPolicy.renewAt(checked.leaf(), o.random()));
        dir.publish(active);
        return active;
    }

    private CairnException fence(StateDirectory dir, PendingState pending, FenceReason reason, String detail) {
        FencedState fenced = FencedState.of(pending, reason, o.clock().instant(), Fences.detail(detail));
        dir.publish(fenced);
        return StateCheck.fenced(fenced);
    }

    private VerificationException timeout(String id) {
        return new VerificationException(
                ErrorCode.AGENT_ENROLL_TIMEOUT,
                "join request " + id + " is still undecided after " + o.timeout()
                        + "; run enroll again to resume waiting",
                Map.of("join_request_id", id),
                null);
    }

    /**
     * Waits before the next attempt, no later than the deadline (so one more attempt is made at it), or
     * gives up with {@code last} once the deadline has passed.
     */
    private void pause(int attempt, Duration floor, Supplier<? extends CairnException> last) {
        Instant now = o.clock().instant();
        if (!now.isBefore(deadline)) {
            throw last.get();
        }
        Duration delay = o.backoff().delay(attempt, floor, o.random());
        Duration left = Duration.between(now, deadline);
        o.sleeper().pause(delay.compareTo(left) > 0 ? left : delay);
    }
}
