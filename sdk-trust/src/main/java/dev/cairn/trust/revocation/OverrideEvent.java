package dev.cairn.trust.revocation;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One use of a {@link FreshnessOverride}, as reported to the {@link OverrideAuditSink}.
 *
 * @param override the override presented
 * @param serial the serial checked
 * @param tier the action's tier
 * @param outcome how the check ended
 * @param headSequence the sequence of the head held at the time, or empty when none was held
 * @param at when the check ran, by the state's clock
 */
public record OverrideEvent(
        FreshnessOverride override,
        BigInteger serial,
        FreshnessTier tier,
        Outcome outcome,
        OptionalLong headSequence,
        Instant at) {
    /** How a check under an override ended. */
    public enum Outcome {
        /** The head was fresh enough; the override was not needed and the check passed. */
        NOT_NEEDED,
        /** The head was stale for the tier; the override let the check pass. */
        STALENESS_OVERRIDDEN,
        /** The head was stale and the override had expired; the check failed as stale. */
        EXPIRED,
        /** The serial is revoked; the check failed, as it does under every override. */
        REVOKED
    }

    /**
     * Validates the components.
     *
     * @param override the override
     * @param serial the serial
     * @param tier the tier
     * @param outcome the outcome
     * @param headSequence the held head's sequence, or empty
     * @param at when
     */
    public OverrideEvent {
        Objects.requireNonNull(override, "override");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(headSequence, "headSequence");
        Objects.requireNonNull(at, "at");
    }
}
