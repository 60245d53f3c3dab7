package dev.cairn.trust.revocation;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The freshness each {@link FreshnessTier} needs ({@code spec/revocation.md}): the oldest head it
 * accepts (age = now - the head's issued-at), whether a head past its next-update still counts, and
 * the clock skew allowed for heads issued in the future.
 *
 * @param safe the largest head age for {@link FreshnessTier#SAFE}
 * @param risky the largest head age for {@link FreshnessTier#RISKY}
 * @param dangerous the largest head age for {@link FreshnessTier#DANGEROUS}
 * @param maxClockSkew how far past now a head's issued-at may lie
 * @param beforeNextUpdate the tiers for which a head past its next-update is stale whatever its age
 */
public record FreshnessPolicy(
        Duration safe, Duration risky, Duration dangerous, Duration maxClockSkew, Set<FreshnessTier> beforeNextUpdate) {
    /**
     * The defaults: SAFE 24 hours, RISKY 1 hour, DANGEROUS 5 minutes, skew 60 seconds; RISKY and
     * DANGEROUS also need a head before its next-update, SAFE does not (it rides out an issuer outage
     * of up to a day).
     */
    public static final FreshnessPolicy DEFAULT = new FreshnessPolicy(
            Duration.ofHours(24),
            Duration.ofHours(1),
            Duration.ofMinutes(5),
            RevocationHeadVerifier.DEFAULT_MAX_CLOCK_SKEW,
            EnumSet.of(FreshnessTier.RISKY, FreshnessTier.DANGEROUS));

    /**
     * Validates the policy.
     *
     * @param safe positive, at least {@code risky}
     * @param risky positive, at least {@code dangerous}
     * @param dangerous positive
     * @param maxClockSkew not negative
     * @param beforeNextUpdate the tiers bound by next-update; with a tier, every stricter tier
     * @throws IllegalArgumentException if the bounds are not ordered DANGEROUS &lt;= RISKY &lt;= SAFE,
     *     or a tier is bound by next-update while a stricter one is not
     */
    public FreshnessPolicy {
        Objects.requireNonNull(safe, "safe");
        Objects.requireNonNull(risky, "risky");
        Objects.requireNonNull(dangerous, "dangerous");
        Objects.requireNonNull(maxClockSkew, "maxClockSkew");
        beforeNextUpdate = Set.copyOf(beforeNextUpdate);
        if (dangerous.isNegative() || dangerous.isZero()) {
            throw new IllegalArgumentException("bounds must be positive");
        }
        if (dangerous.compareTo(risky) > 0 || risky.compareTo(safe) > 0) {
            throw new IllegalArgumentException(
                    "want DANGEROUS <= RISKY <= SAFE, got " + dangerous + ", " + risky + ", " + safe);
        }
        if (maxClockSkew.isNegative()) {
            throw new IllegalArgumentException("maxClockSkew must not be negative");
        }
        for (FreshnessTier tier : beforeNextUpdate) {
            for (FreshnessTier stricter : FreshnessTier.values()) {
                if (stricter.compareTo(tier) > 0 && !beforeNextUpdate.contains(stricter)) {
                    throw new IllegalArgumentException(tier + " is bound by next-update, so " + stricter + " must be");
                }
            }
        }
    }

    /**
     * The largest head age a tier accepts.
     *
     * @param tier the tier
     * @return its bound
     */
    public Duration maxAge(FreshnessTier tier) {
        return switch (tier) {
            case SAFE -> safe;
            case RISKY -> risky;
            case DANGEROUS -> dangerous;
        };
    }

    /**
     * Whether a tier needs a head that has not passed its next-update.
     *
     * @param tier the tier
     * @return {@code true} if a head past its next-update is stale for it
     */
    public boolean requiresBeforeNextUpdate(FreshnessTier tier) {
        return beforeNextUpdate.contains(tier);
    }
}
