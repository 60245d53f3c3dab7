package dev.cairn.trust.rotation;

import dev.cairn.trust.bundle.CaEntry;
import dev.cairn.trust.bundle.CaStatus;
import dev.cairn.trust.bundle.TrustBundle;
import dev.cairn.trust.identity.TrustDomain;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a trust domain's CA rotation stands, and the bundle to publish for it ({@code spec/ca.md},
 * "Rotation"). Plain data, so that the caller can persist it (the bundle as its JWKS) and rebuild it
 * through this constructor, which checks that the bundle has the phase's shape:
 *
 * <ul>
 *   <li>STEADY: one entry, the issuing CA, CURRENT;
 *   <li>PREPARED: the issuing CA CURRENT, then the next CA NEXT;
 *   <li>ACTIVE: the issuing (new) CA CURRENT, then the retiring (old) CA CURRENT, and the activation
 *       time.
 * </ul>
 *
 * @param phase the phase
 * @param bundle the bundle published in this phase
 * @param activatedAt when the issuing CA was activated: present in ACTIVE only
 */
public record RotationState(RotationPhase phase, TrustBundle bundle, Optional<Instant> activatedAt) {
    /**
     * Checks the bundle's shape against the phase.
     *
     * @param phase the phase
     * @param bundle the bundle
     * @param activatedAt the activation time, in ACTIVE only
     * @throws IllegalArgumentException if the bundle or the activation time does not fit the phase
     */
    public RotationState {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(activatedAt, "activatedAt");
        List<CaStatus> statuses = bundle.entries().stream().map(CaEntry::status).toList();
        List<CaStatus> want = switch (phase) {
            case STEADY -> List.of(CaStatus.CURRENT);
            case PREPARED -> List.of(CaStatus.CURRENT, CaStatus.NEXT);
            case ACTIVE -> List.of(CaStatus.CURRENT, CaStatus.CURRENT);
        };
        if (!statuses.equals(want) || activatedAt.isPresent() != (phase == RotationPhase.ACTIVE)) {
            throw new IllegalArgumentException(
                    phase + " wants entries " + want + " and an activation time in ACTIVE only; got " + statuses);
        }
    }

    /**
     * The state of a trust domain with one issuing intermediate, before any rotation.
     *
     * @param trustDomain the trust domain
     * @param issuing the issuing intermediate's certificate
     * @param sequence the sequence of the bundle to publish, greater than any published before
     * @param refreshHint the bundle's refresh hint, kept through rotations
     * @return the STEADY state
     */
    public static RotationState steady(
            TrustDomain trustDomain, X509Certificate issuing, long sequence, Duration refreshHint) {
        TrustBundle bundle =
                new TrustBundle(trustDomain, sequence, refreshHint, List.of(new CaEntry(issuing, CaStatus.CURRENT)));
        return new RotationState(RotationPhase.STEADY, bundle, Optional.empty());
    }

    /**
     * The intermediate that issues leaves in this phase: the old one until activation, the new one
     * from then on.
     *
     * @return its certificate
     */
    public X509Certificate issuing() {
        return bundle.entries().get(0).certificate();
    }

    /**
     * The next intermediate, published ahead of activation.
     *
     * @return its certificate in PREPARED, else empty
     */
    public Optional<X509Certificate> next() {
        return phase == RotationPhase.PREPARED ? Optional.of(second()) : Optional.empty();
    }

    /**
     * The old intermediate, still trusted for the leaves it issued but no longer issuing.
     *
     * @return its certificate in ACTIVE, else empty
     */
    public Optional<X509Certificate> retiring() {
        return phase == RotationPhase.ACTIVE ? Optional.of(second()) : Optional.empty();
    }

    private X509Certificate second() {
        return bundle.entries().get(1).certificate();
    }
}
