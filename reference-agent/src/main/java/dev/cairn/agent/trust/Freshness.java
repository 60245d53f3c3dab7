package dev.cairn.agent.trust;

import dev.cairn.trust.revocation.FreshnessPolicy;
import dev.cairn.trust.revocation.FreshnessTier;
import dev.cairn.trust.revocation.RevocationHead;
import java.time.Duration;
import java.time.Instant;

/**
 * When a revocation head stops being fresh for a tier ({@code spec/revocation.md} section 5), and
 * when an agent should fetch a newer one so that it never reaches that point while the server is up.
 */
public final class Freshness {
    private Freshness() {}

    /**
     * The last instant a head is fresh for a tier: its issued-at plus the tier's bound, and no later
     * than its next-update where the tier is bound by it.
     *
     * @param head the head
     * @param tier the tier
     * @param policy the bounds
     * @return the instant (inclusive)
     */
    public static Instant staleAfter(RevocationHead head, FreshnessTier tier, FreshnessPolicy policy) {
        Instant bound = head.issuedAt().plus(policy.maxAge(tier));
        if (policy.requiresBeforeNextUpdate(tier) && head.nextUpdate().isBefore(bound)) {
            return head.nextUpdate();
        }
        return bound;
    }

    /**
     * Whether a head is fresh for a tier at an instant, as {@code RevocationState} judges it: issued
     * no later than the clock skew after now, and now not after {@link #staleAfter}.
     *
     * @param head the head
     * @param tier the tier
     * @param now the instant
     * @param policy the bounds
     * @return {@code true} if fresh
     */
    public static boolean isFresh(RevocationHead head, FreshnessTier tier, Instant now, FreshnessPolicy policy) {
        return !head.issuedAt().isAfter(now.plus(policy.maxClockSkew()))
                && !now.isAfter(staleAfter(head, tier, policy));
    }

    /**
     * When to fetch a newer head: halfway from its issued-at to the end of its freshness for the tier,
     * so that half of the freshness window is left for retries.
     *
     * @param head the head
     * @param tier the tier
     * @param policy the bounds
     * @return the instant
     */
    public static Instant refreshAt(RevocationHead head, FreshnessTier tier, FreshnessPolicy policy) {
        Instant end = staleAfter(head, tier, policy);
        Duration window = Duration.between(head.issuedAt(), end);
        return window.isNegative() ? head.issuedAt() : head.issuedAt().plus(window.dividedBy(2));
    }
}
