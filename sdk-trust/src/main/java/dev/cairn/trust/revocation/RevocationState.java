package dev.cairn.trust.revocation;

import dev.cairn.cose.CoseAlgorithm;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.VerificationException;
import dev.cairn.keys.KeySet;
import dev.cairn.trust.identity.TrustDomain;
import java.math.BigInteger;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A relying party's view of a trust domain's revocations: the newest verified head and the serials
 * its chain revokes ({@code spec/revocation.md}).
 *
 * <p>{@link #update} verifies a signed head, refuses it if it rolls back the head held ({@link
 * ErrorCode#REVOCATION_HEAD_ROLLBACK}), checks that the new entries extend the held chain to exactly
 * the head's size and chain value ({@link ErrorCode#REVOCATION_CHAIN_BROKEN}), and only then
 * replaces the state in one step: a failed update changes nothing. {@link #checkNotRevoked} runs per
 * request and costs one hash lookup and one clock read; it refuses a revoked serial ({@link
 * ErrorCode#CERT_REVOKED}) and, failing closed, any check while the head held is too old for the
 * action's tier or no head is held ({@link ErrorCode#REVOCATION_HEAD_STALE}).
 *
 * <p>Security guarantees: a serial revoked by an entry of the held chain is refused whatever the
 * tier and whatever override is given. Freshness is judged by the injected clock against the
 * head's issued-at and next-update, signed by a trusted CA key. The held state only moves forward.
 * Thread-safe: checks read one immutable snapshot; updates are serialised.
 */
public final class RevocationState {
    private final TrustDomain trustDomain;
    private final FreshnessPolicy policy;
    private final Clock clock;
    private final OverrideAuditSink auditSink;
    private final CoseAlgorithm[] algorithms;
    private final Object updates = new Object();
    private volatile RevocationHeadVerifier verifier;
    private volatile HeldState held = HeldState.EMPTY;

    private RevocationState(Builder builder) {
        this.trustDomain = builder.trustDomain;
        this.policy = builder.policy;
        this.clock = builder.clock;
        this.auditSink = builder.auditSink;
        this.algorithms = builder.algorithms;
        this.verifier = verifier(builder.keys);
    }

    /**
     * Starts a state for a trust domain, holding no head yet (so every check is stale until the first
     * update).
     *
     * @param trustDomain the trust domain whose revocations are followed
     * @param trustedKeys the CA keys allowed to sign heads, from the trust bundle
     * @return a builder
     */
    public static Builder builder(TrustDomain trustDomain, KeySet trustedKeys) {
        return new Builder(trustDomain, trustedKeys);
    }

    private RevocationHeadVerifier verifier(KeySet keys) {
        return RevocationHeadVerifier.builder()
                .trustedKeys(keys)
                .expectTrustDomain(trustDomain)
                .allowAlgorithms(algorithms)
                .clock(clock)
                .maxClockSkew(policy.maxClockSkew())
                .build();
    }

    /**
     * Moves to a newer head with the entries appended since the chain held.
     *
     * @param signedHead the signed head, a tagged COSE_Sign1
     * @param newEntries the entries from index {@code position().size()} up to the head's size
     * @throws dev.cairn.errors.CairnException the head's verification codes ({@link
     *     RevocationHeadVerifier}), {@link ErrorCode#REVOCATION_HEAD_ROLLBACK}, {@link
     *     ErrorCode#REVOCATION_CHAIN_BROKEN}; the state is then unchanged
     */
    public void update(byte[] signedHead, List<RevocationEntry> newEntries) {
        apply(signedHead, newEntries, false);
    }

    /**
     * Moves to a newer head with the whole chain, from index 0: how a relying party starts, or
     * catches up when it no longer has the entries it would extend. The chain held must be a prefix
     * of the new one.
     *
     * @param signedHead the signed head, a tagged COSE_Sign1
     * @param allEntries every entry from index 0 up to the head's size
     * @throws dev.cairn.errors.CairnException as {@link #update}; {@link
     *     ErrorCode#REVOCATION_CHAIN_BROKEN} also if the chain held is not a prefix
     */
    public void updateFromStart(byte[] signedHead, List<RevocationEntry> allEntries) {
        apply(signedHead, allEntries, true);
    }

    private void apply(byte[] signedHead, List<RevocationEntry> entries, boolean fromStart) {
        Objects.requireNonNull(signedHead, "signedHead");
        List<RevocationEntry> run = List.copyOf(entries);
        synchronized (updates) {
            VerifiedRevocationHead verified = verifier.verify(signedHead);
            HeldState current = held;
            Transition.checkOrder(current, verified.head());
            held = fromStart
                    ? Transition.fromStart(current, verified, run, policy)
                    : Transition.extend(current, verified, run, policy);
        }
    }

    /**
     * Checks that a certificate is not revoked, under a head fresh enough for the action's tier.
     *
     * @param serial the certificate's serial number
     * @param tier the action's tier
     * @throws VerificationException {@link ErrorCode#CERT_REVOKED} if the held chain revokes the
     *     serial; {@link ErrorCode#REVOCATION_HEAD_STALE} (details {@code expected}, {@code found},
     *     {@code tier}) if no head is held or it is too old for the tier
     */
    public void checkNotRevoked(BigInteger serial, FreshnessTier tier) {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(tier, "tier");
        HeldState state = held;
        if (state.revoked.containsKey(serial)) {
            throw state.revokedError(serial);
        }
        long now = clock.millis();
        if (!state.fresh(tier, now)) {
            throw state.stale(tier, now, policy);
        }
    }

    /**
     * Checks as {@link #checkNotRevoked(BigInteger, FreshnessTier)}, except that staleness is
     * overridden while the override has not expired. Every call is reported to the audit sink with
     * its outcome, including calls where the head was fresh and calls that fail.
     *
     * @param serial the certificate's serial number
     * @param tier the action's tier
     * @param override who allows acting on a stale head, and why
     * @throws VerificationException {@link ErrorCode#CERT_REVOKED} if the serial is revoked, override
     *     or not; {@link ErrorCode#REVOCATION_HEAD_STALE} if the head is stale and the override expired
     * @throws IllegalStateException if the state was built without an audit sink
     */
    public void checkNotRevoked(BigInteger serial, FreshnessTier tier, FreshnessOverride override) {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(override, "override");
        if (auditSink == null) {
            throw new IllegalStateException("no audit sink configured: overrides cannot be used");
        }
        OverrideCheck.run(held, clock.millis(), serial, tier, override, auditSink, policy);
    }

    /**
     * Whether the held chain revokes a serial, regardless of freshness.
     *
     * @param serial the serial
     * @return {@code true} if an entry revokes it
     */
    public boolean isRevoked(BigInteger serial) {
        return held.revoked.containsKey(serial);
    }

    /**
     * The newest verified head held.
     *
     * @return the head, or empty before the first successful update
     */
    public Optional<VerifiedRevocationHead> head() {
        return Optional.ofNullable(held.head);
    }

    /**
     * The chain position held: the size and value of the held head's chain.
     *
     * @return the position, {@link ChainPosition#GENESIS} before the first update
     */
    public ChainPosition position() {
        return held.position;
    }

    /**
     * The revoked serials held.
     *
     * @return an unmodifiable set
     */
    public Set<BigInteger> revokedSerials() {
        return held.revoked.keySet();
    }

    /**
     * Replaces the CA keys future heads are verified with, when the trust bundle changes. The head
     * held stays: it was verified when it arrived.
     *
     * @param trustedKeys the new trusted keys
     */
    public void replaceTrustedKeys(KeySet trustedKeys) {
        RevocationHeadVerifier next = verifier(Objects.requireNonNull(trustedKeys, "trustedKeys"));
        synchronized (updates) {
            verifier = next;
        }
    }

    /** Sets up a state. */
    public static final class Builder {
        private final TrustDomain trustDomain;
        private final KeySet keys;
        private FreshnessPolicy policy = FreshnessPolicy.DEFAULT;
        private Clock clock = Clock.systemUTC();
        private OverrideAuditSink auditSink;
        private CoseAlgorithm[] algorithms = CoseAlgorithm.values();

        private Builder(TrustDomain trustDomain, KeySet keys) {
            this.trustDomain = Objects.requireNonNull(trustDomain, "trustDomain");
            this.keys = Objects.requireNonNull(keys, "trustedKeys");
        }

        /**
         * The tiers' bounds; {@link FreshnessPolicy#DEFAULT} unless set.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder policy(FreshnessPolicy policy) {
            this.policy = Objects.requireNonNull(policy);
            return this;
        }

        /**
         * The clock that says what "now" is; the system UTC clock by default.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /**
         * Where uses of {@link FreshnessOverride}s are reported. Without one, overrides are refused.
         *
         * @param sink the audit sink
         * @return this builder
         */
        public Builder auditSink(OverrideAuditSink sink) {
            this.auditSink = Objects.requireNonNull(sink);
            return this;
        }

        /**
         * Restricts the heads' signature algorithms; both Cairn algorithms by default.
         *
         * @param algorithms the allowed algorithms, at least one
         * @return this builder
         */
        public Builder allowAlgorithms(CoseAlgorithm... algorithms) {
            this.algorithms = algorithms.clone();
            return this;
        }

        /**
         * Builds the state, holding no head.
         *
         * @return the state
         */
        public RevocationState build() {
            return new RevocationState(this);
        }
    }
}
