package dev.cairn.agent.state;

import dev.cairn.agent.host.HostBinding;
import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.VerificationException;
import dev.cairn.keys.SigningKey;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The start-up checks ({@code spec/agent.md}, "Start-up checks"): a node starts only from a state
 * that is complete, on the machine it enrolled on, not fenced, with its own key, and, when active,
 * with a certificate for that key and identity that leads to the pinned CA through the held trust
 * bundle and is valid now. Anything else fails safe with a coded error and a clear message; the
 * checks run in the order the spec gives, so the first failure is reported.
 *
 * <p>It does not check revocation or the freshness of the trust state held: a revoked or stale
 * identity is fenced by the running agent, and a fenced state fails here.
 */
public final class StateCheck {
    private final Clock clock;
    private final Optional<HostBinding> host;

    private StateCheck(Builder builder) {
        this.clock = Objects.requireNonNull(builder.clock, "clock");
        if (!builder.hostChosen) {
            throw new IllegalStateException("call hostBinding(...) or ignoreHostBinding()");
        }
        this.host = Optional.ofNullable(builder.host);
    }

    /**
     * Starts a check. The host binding must be chosen explicitly.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks the state of an open directory.
     *
     * @param directory the directory
     * @param access the explicit token for reading the private key
     * @return the checked state
     * @throws VerificationException {@link ErrorCode#AGENT_NOT_ENROLLED} if nothing was published, or
     *     any failure of {@link #check(StateSnapshot, InsecureSecretKeyAccess)}
     */
    public CheckedState check(StateDirectory directory, InsecureSecretKeyAccess access) {
        return check(directory.snapshot().orElseThrow(StateCheck::notEnrolled), access);
    }

    /**
     * Checks the state of a directory without opening it for writing (a status command next to a
     * running agent): see {@link StateDirectory#read(Path)}.
     *
     * @param stateDirectory the directory
     * @param access the explicit token for reading the private key
     * @return the checked state
     * @throws VerificationException {@link ErrorCode#AGENT_NOT_ENROLLED} if nothing was published, or
     *     any failure of {@link #check(StateSnapshot, InsecureSecretKeyAccess)}
     */
    public CheckedState check(Path stateDirectory, InsecureSecretKeyAccess access) {
        return check(StateDirectory.read(stateDirectory).orElseThrow(StateCheck::notEnrolled), access);
    }

    /**
     * Checks a snapshot, in this order: not fenced; host fingerprint; private key matches the state;
     * then, when active: the certificate certifies the key, names the identity, leads to the pinned CA
     * through the held bundle, and it and every CA on that path are valid now (so that a clock that is
     * wrong shows as a time error, never as damaged state).
     *
     * @param snapshot the snapshot, already complete and digest-checked
     * @param access the explicit token for reading the private key
     * @return the checked state
     * @throws VerificationException {@link ErrorCode#AGENT_FENCED}, {@link ErrorCode#AGENT_HOST_MISMATCH},
     *     {@link ErrorCode#AGENT_HOST_ID_UNAVAILABLE}, {@link ErrorCode#AGENT_STATE_INCOMPLETE}, {@link
     *     ErrorCode#AGENT_KEY_MISMATCH}, {@link ErrorCode#AGENT_CERT_IDENTITY_MISMATCH}, {@link
     *     ErrorCode#AGENT_TRUST_PIN_MISMATCH}, {@link ErrorCode#AGENT_CERT_UNTRUSTED}, {@link
     *     ErrorCode#AGENT_CERT_NOT_YET_VALID} or {@link ErrorCode#AGENT_CERT_EXPIRED}
     * @throws dev.cairn.errors.MalformedInputException {@link ErrorCode#AGENT_HOST_ID_MALFORMED}, {@link
     *     ErrorCode#KEYFILE_MALFORMED}
     */
    public CheckedState check(StateSnapshot snapshot, InsecureSecretKeyAccess access) {
        AgentState state = snapshot.state();
        if (state instanceof FencedState fenced) {
            throw fenced(fenced);
        }
        host.ifPresent(binding -> binding.check(state.enrollment().host()));
        SigningKey key = snapshot.readKey(access);
        if (state instanceof PendingState) {
            return new CheckedPending(snapshot.generation(), key);
        }
        ActiveState active = (ActiveState) state;
        X509Certificate leaf = active.certificate();
        if (!KeyMatch.certifies(leaf, key.verificationKey())) {
            throw VerificationException.mismatch(
                    ErrorCode.AGENT_KEY_MISMATCH,
                    "a certificate for the key with kid "
                            + key.verificationKey().kid().toHex(),
                    "a certificate for another key (serial "
                            + leaf.getSerialNumber().toString(16) + ")");
        }
        ChainCheck.identity(leaf, active.identity());
        if (!active.identity().trustDomain().equals(active.trustBundle().trustDomain())) {
            throw VerificationException.mismatch(
                    ErrorCode.AGENT_CERT_UNTRUSTED,
                    "an identity in the held bundle's trust domain "
                            + active.trustBundle().trustDomain().name(),
                    active.identity().uri());
        }
        Instant now = clock.instant();
        List<X509Certificate> path = ChainCheck.path(
                leaf, active.chain(), active.trustBundle(), active.enrollment().caPin());
        ChainCheck.validity(path, now);
        return new CheckedActive(snapshot.generation(), key, path, now);
    }

    static VerificationException notEnrolled() {
        return new VerificationException(ErrorCode.AGENT_NOT_ENROLLED, "the state directory holds no state");
    }

    /**
     * The error of a fenced state ({@link ErrorCode#AGENT_FENCED}, details {@code reason}, {@code
     * fenced_at} and, when named, {@code node_id}): what start-up reports, and what the running agent
     * exits with once it fenced itself.
     *
     * @param fenced the fenced state
     * @return the error, mapped to exit code 10, 11 or 16 by its reason
     */
    public static VerificationException fenced(FencedState fenced) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("reason", fenced.reason().wireName());
        details.put("fenced_at", fenced.fencedAt().toString());
        fenced.nodeId().ifPresent(id -> details.put("node_id", id.uri()));
        return new VerificationException(
                ErrorCode.AGENT_FENCED,
                fenced.nodeId()
                                .map(id -> "identity " + id)
                                .orElse("the enrollment " + fenced.enrollment().joinRequestLabel())
                        + " was fenced at " + fenced.fencedAt() + " ("
                        + fenced.reason().wireName() + "): "
                        + fenced.detail(),
                details,
                null);
    }

    /** Builds a {@link StateCheck}. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private HostBinding host;
        private boolean hostChosen;

        private Builder() {}

        /**
         * What "now" is for certificate validity.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Checks the state's recorded host fingerprint against this machine's.
         *
         * @param binding the host binding, {@link HostBinding#system()} on a real machine
         * @return this builder
         */
        public Builder hostBinding(HostBinding binding) {
            this.host = Objects.requireNonNull(binding, "binding");
            this.hostChosen = true;
            return this;
        }

        /**
         * Skips the host check: for tools that inspect a copied state directory on purpose.
         *
         * @return this builder
         */
        public Builder ignoreHostBinding() {
            this.host = null;
            this.hostChosen = true;
            return this;
        }

        /**
         * Builds the check.
         *
         * @return the check
         * @throws IllegalStateException if the host binding was not chosen
         */
        public StateCheck build() {
            return new StateCheck(this);
        }
    }
}
