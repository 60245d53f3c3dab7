package dev.cairn.trust.revocation;

import dev.cairn.errors.VerificationException;
import dev.cairn.trust.revocation.OverrideEvent.Outcome;
import java.math.BigInteger;
import java.time.Instant;
import java.util.OptionalLong;

/** A revocation check under a {@link FreshnessOverride}, reporting every outcome to the audit sink. */
final class OverrideCheck {
    private OverrideCheck() {}

    static void run(
            HeldState state,
            long now,
            BigInteger serial,
            FreshnessTier tier,
            FreshnessOverride override,
            OverrideAuditSink sink,
            FreshnessPolicy policy) {
        Instant at = Instant.ofEpochMilli(now);
        OptionalLong sequence = state.head == null
                ? OptionalLong.empty()
                : OptionalLong.of(state.head.head().sequence());
        if (state.revoked.containsKey(serial)) {
            refuse(state.revokedError(serial), sink, event(override, serial, tier, Outcome.REVOKED, sequence, at));
        }
        if (state.fresh(tier, now)) {
            sink.record(event(override, serial, tier, Outcome.NOT_NEEDED, sequence, at));
            return;
        }
        if (at.isAfter(override.notAfter())) {
            refuse(state.stale(tier, now, policy), sink, event(override, serial, tier, Outcome.EXPIRED, sequence, at));
        }
        sink.record(event(override, serial, tier, Outcome.STALENESS_OVERRIDDEN, sequence, at));
    }

    private static OverrideEvent event(
            FreshnessOverride override,
            BigInteger serial,
            FreshnessTier tier,
            Outcome outcome,
            OptionalLong sequence,
            Instant at) {
        return new OverrideEvent(override, serial, tier, outcome, sequence, at);
    }

    /** Reports a refusal and throws it; a failing sink cannot turn it into anything else. */
    private static void refuse(VerificationException failure, OverrideAuditSink sink, OverrideEvent event) {
        try {
            sink.record(event);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
        throw failure;
    }
}
