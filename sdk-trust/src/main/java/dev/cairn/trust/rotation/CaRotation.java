package dev.cairn.trust.rotation;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.errors.VerificationException;
import dev.cairn.trust.bundle.CaEntry;
import dev.cairn.trust.bundle.CaStatus;
import dev.cairn.trust.bundle.TrustBundle;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The transitions of a CA rotation with overlap ({@code spec/ca.md}, "Rotation"): STEADY, prepare,
 * PREPARED, activate, ACTIVE, retire, STEADY. Each is a pure function from one {@link RotationState}
 * to the next, whose {@link RotationState#bundle()} is the bundle to publish, with a sequence one
 * greater than before. Nothing is stored here; the caller persists each state before publishing its
 * bundle, and keeps the old intermediate from issuing once a state is ACTIVE.
 *
 * <p>Refusals change nothing (the input state stays valid): {@link ErrorCode#CA_ROTATION_STATE} for
 * a step in the wrong phase, {@link ErrorCode#CA_ROTATION_NOT_PROPAGATED} for an activation before
 * enough relying parties hold the next CA, {@link ErrorCode#CA_RETIRE_TOO_EARLY} for a retirement
 * while leaves of the old CA may still be valid. Thread-safe.
 */
public final class CaRotation {
    private final RotationPolicy policy;
    private final Clock clock;

    /**
     * Creates the transitions under a policy.
     *
     * @param policy the propagation threshold and leaf lifetime bound
     * @param clock what "now" is
     */
    public CaRotation(RotationPolicy policy, Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Publishes a next intermediate as NEXT. The caller creates it beforehand with {@code
     * CertificateAuthority.createIntermediate} and the root key.
     *
     * @param state a STEADY state
     * @param next the next intermediate's certificate, with a key of its own
     * @return the PREPARED state
     * @throws VerificationException {@link ErrorCode#CA_ROTATION_STATE} unless STEADY; {@link
     *     ErrorCode#CA_NOT_VALID} if the next intermediate is not valid now
     * @throws MalformedInputException {@link ErrorCode#BUNDLE_MALFORMED} if it is not a CA certificate
     *     with an Ed25519 or P-256 key, or has the issuing CA's key
     */
    public RotationState prepare(RotationState state, X509Certificate next) {
        expect(state, RotationPhase.STEADY);
        Instant now = clock.instant();
        Instant notBefore = next.getNotBefore().toInstant();
        Instant notAfter = next.getNotAfter().toInstant();
        if (now.isBefore(notBefore) || now.isAfter(notAfter)) {
            throw VerificationException.mismatch(
                    ErrorCode.CA_NOT_VALID, "valid within " + notBefore + " .. " + notAfter, now.toString());
        }
        return new RotationState(
                RotationPhase.PREPARED,
                bundle(state, new CaEntry(state.issuing(), CaStatus.CURRENT), new CaEntry(next, CaStatus.NEXT)),
                Optional.empty());
    }

    /**
     * Makes the next intermediate the issuing one, once enough relying parties hold the bundle that
     * carries it. The old one stays CURRENT, so that the leaves it issued still validate.
     *
     * @param state a PREPARED state
     * @param propagation what relying parties reported, for the PREPARED bundle's sequence or later
     * @return the ACTIVE state, activated now
     * @throws VerificationException {@link ErrorCode#CA_ROTATION_STATE} unless PREPARED; {@link
     *     ErrorCode#CA_ROTATION_NOT_PROPAGATED} if the report is for an older bundle or below the policy
     */
    public RotationState activate(RotationState state, Propagation propagation) {
        expect(state, RotationPhase.PREPARED);
        long carrying = state.bundle().sequence();
        if (propagation.sequence() < carrying) {
            throw VerificationException.mismatch(
                    ErrorCode.CA_ROTATION_NOT_PROPAGATED,
                    "reports for sequence " + carrying + " or later",
                    "reports for sequence " + propagation.sequence());
        }
        if (!policy.propagated(propagation)) {
            throw VerificationException.mismatch(
                    ErrorCode.CA_ROTATION_NOT_PROPAGATED,
                    "at least " + policy.minimumReported() + " and " + policy.percent() + "% of "
                            + propagation.relyingParties() + " relying parties",
                    propagation.reported() + " relying parties");
        }
        X509Certificate next = state.next().orElseThrow();
        return new RotationState(
                RotationPhase.ACTIVE,
                bundle(state, new CaEntry(next, CaStatus.CURRENT), new CaEntry(state.issuing(), CaStatus.CURRENT)),
                Optional.of(clock.instant()));
    }

    /**
     * Drops the old intermediate from the bundle, once no leaf it issued can still be valid: strictly
     * after both {@code lastLeafNotAfter} and the activation time plus the policy's leaf lifetime bound.
     *
     * @param state an ACTIVE state
     * @param lastLeafNotAfter the latest notAfter among the leaves the old intermediate issued, which
     *     the caller tracks
     * @return the STEADY state with the new intermediate only
     * @throws VerificationException {@link ErrorCode#CA_ROTATION_STATE} unless ACTIVE; {@link
     *     ErrorCode#CA_RETIRE_TOO_EARLY} if it is not yet past both instants
     */
    public RotationState retire(RotationState state, Instant lastLeafNotAfter) {
        Objects.requireNonNull(lastLeafNotAfter, "lastLeafNotAfter");
        expect(state, RotationPhase.ACTIVE);
        Instant bound = state.activatedAt().orElseThrow().plus(policy.maxLeafTtl());
        Instant earliest = lastLeafNotAfter.isAfter(bound) ? lastLeafNotAfter : bound;
        Instant now = clock.instant();
        if (!now.isAfter(earliest)) {
            throw VerificationException.mismatch(ErrorCode.CA_RETIRE_TOO_EARLY, "after " + earliest, now.toString());
        }
        return new RotationState(
                RotationPhase.STEADY, bundle(state, new CaEntry(state.issuing(), CaStatus.CURRENT)), Optional.empty());
    }

    private static void expect(RotationState state, RotationPhase phase) {
        if (state.phase() != phase) {
            throw VerificationException.mismatch(
                    ErrorCode.CA_ROTATION_STATE, phase.name(), state.phase().name());
        }
    }

    private static TrustBundle bundle(RotationState state, CaEntry... entries) {
        TrustBundle published = state.bundle();
        return new TrustBundle(
                published.trustDomain(),
                Math.addExact(published.sequence(), 1),
                published.refreshHint(),
                List.of(entries));
    }
}
