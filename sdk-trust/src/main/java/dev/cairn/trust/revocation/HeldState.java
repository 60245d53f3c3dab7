package dev.cairn.trust.revocation;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.VerificationException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a {@link RevocationState} holds at one moment, immutable: the newest verified head, the chain
 * position it commits to, the revoked serials, and the instants (epoch milliseconds) after which
 * the head is stale for each tier, computed once so that a check is a lookup and two comparisons.
 */
final class HeldState {
    static final HeldState EMPTY = new HeldState(null, ChainPosition.GENESIS, Map.of(), null);

    final VerifiedRevocationHead head;
    final ChainPosition position;
    final Map<BigInteger, RevocationEntry> revoked;
    private final long notBefore;
    private final long[] staleAfter = new long[FreshnessTier.values().length];

    HeldState(
            VerifiedRevocationHead head,
            ChainPosition position,
            Map<BigInteger, RevocationEntry> revoked,
            FreshnessPolicy policy) {
        this.head = head;
        this.position = position;
        this.revoked = revoked;
        if (head == null) {
            this.notBefore = Long.MAX_VALUE;
            Arrays.fill(staleAfter, Long.MIN_VALUE);
            return;
        }
        long issued = head.head().issuedAt().toEpochMilli();
        long next = head.head().nextUpdate().toEpochMilli();
        this.notBefore = issued - millis(policy.maxClockSkew());
        for (FreshnessTier tier : FreshnessTier.values()) {
            long bound = saturatedAdd(issued, millis(policy.maxAge(tier)));
            staleAfter[tier.ordinal()] = policy.requiresBeforeNextUpdate(tier) ? Math.min(bound, next) : bound;
        }
    }

    /** Whether the head is fresh enough for a tier at an instant. */
    boolean fresh(FreshnessTier tier, long now) {
        return now <= staleAfter[tier.ordinal()] && now >= notBefore;
    }

    /** The stale error for a tier at an instant at which {@link #fresh} is false, with its reason. */
    VerificationException stale(FreshnessTier tier, long now, FreshnessPolicy policy) {
        Instant at = Instant.ofEpochMilli(now);
        String expected;
        String found;
        if (head == null) {
            expected = "a verified revocation head";
            found = "no head";
        } else {
            RevocationHead h = head.head();
            Duration age = Duration.between(h.issuedAt(), at);
            if (now < notBefore) {
                expected = "issued at or before " + policy.maxClockSkew() + " after now (" + at + ")";
                found = "issued at " + h.issuedAt();
            } else if (age.compareTo(policy.maxAge(tier)) > 0) {
                expected = "age at most " + policy.maxAge(tier);
                found = "age " + age + " (issued at " + h.issuedAt() + ")";
            } else {
                expected = "now at or before next-update " + h.nextUpdate();
                found = "now " + at;
            }
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("expected", expected);
        details.put("found", found);
        details.put("tier", tier.name());
        if (head != null) {
            details.put("head_sequence", Long.toString(head.head().sequence()));
        }
        return new VerificationException(
                ErrorCode.REVOCATION_HEAD_STALE,
                "revocation head too old for " + tier + ": got " + found + ", want " + expected,
                details,
                null);
    }

    /** The revoked error for a serial this state revokes. */
    VerificationException revokedError(BigInteger serial) {
        RevocationEntry entry = revoked.get(serial);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("serial", serial.toString(16));
        details.put("index", Long.toString(entry.index()));
        details.put("reason", entry.reason().name());
        details.put("revoked_at", entry.revokedAt().toString());
        return new VerificationException(
                ErrorCode.CERT_REVOKED,
                "certificate serial " + serial.toString(16) + " is revoked (" + entry.reason() + ")",
                details,
                null);
    }

    private static long millis(Duration duration) {
        try {
            return duration.toMillis();
        } catch (ArithmeticException e) {
            return duration.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? (b < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : sum;
    }
}
