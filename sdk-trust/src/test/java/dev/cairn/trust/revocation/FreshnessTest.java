package dev.cairn.trust.revocation;

import static dev.cairn.trust.revocation.RevocationFixtures.T0;
import static dev.cairn.trust.revocation.RevocationFixtures.TD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.VerificationException;
import dev.cairn.keys.KeyType;
import dev.cairn.trust.support.MutableClock;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreshnessTest {
    private static final List<RevocationEntry> CHAIN = RevocationFixtures.entries(3, 31);
    private static final BigInteger REVOKED = CHAIN.get(1).serial();
    private static final BigInteger GOOD = BigInteger.valueOf(777);

    private final MutableClock clock = new MutableClock(T0);
    private final RevocationFixtures.Issuer issuer = new RevocationFixtures.Issuer(KeyType.ED25519);
    private final List<OverrideEvent> audit = new ArrayList<>();
    private final FreshnessOverride override =
            new FreshnessOverride("alice@ops", "control plane outage", T0.plus(Duration.ofDays(2)));

    /** A state holding sequence 4 of CHAIN, issued at T0, valid for the given time. */
    private RevocationState state(FreshnessPolicy policy, Duration validity) {
        RevocationState state = RevocationState.builder(TD, issuer.keys())
                .clock(clock)
                .policy(policy)
                .auditSink(audit::add)
                .build();
        state.update(issuer.head(4, ChainPosition.GENESIS.extend(CHAIN), T0, validity), CHAIN);
        return state;
    }

    private void at(Duration sinceIssue) {
        clock.set(T0.plus(sinceIssue));
    }

    private static VerificationException stale(RevocationState state, FreshnessTier tier) {
        VerificationException e = assertThrows(VerificationException.class, () -> state.checkNotRevoked(GOOD, tier));
        assertEquals(ErrorCode.REVOCATION_HEAD_STALE, e.code());
        assertEquals(tier.name(), e.details().get("tier"));
        assertEquals("4", e.details().get("head_sequence"));
        return e;
    }

    @Test
    void theDefaultBoundsAreInclusiveAndTierBound() {
        RevocationState state = state(FreshnessPolicy.DEFAULT, Duration.ofDays(3));
        for (FreshnessTier tier : FreshnessTier.values()) {
            Duration bound = FreshnessPolicy.DEFAULT.maxAge(tier);
            at(bound);
            state.checkNotRevoked(GOOD, tier);
            at(bound.plusMillis(1));
            VerificationException e = stale(state, tier);
            assertEquals("age at most " + bound, e.details().get("expected"));
            assertTrue(
                    e.details().get("found").startsWith("age " + bound.plusMillis(1)),
                    e.details().get("found"));
        }
        assertEquals(Duration.ofHours(24), FreshnessPolicy.DEFAULT.safe());
        assertEquals(Duration.ofHours(1), FreshnessPolicy.DEFAULT.risky());
        assertEquals(Duration.ofMinutes(5), FreshnessPolicy.DEFAULT.dangerous());
        assertEquals(
                EnumSet.of(FreshnessTier.RISKY, FreshnessTier.DANGEROUS), FreshnessPolicy.DEFAULT.beforeNextUpdate());
    }

    @Test
    void aHeadPastItsNextUpdateIsStaleForRiskyAndDangerousOnly() {
        RevocationState state = state(FreshnessPolicy.DEFAULT, Duration.ofMinutes(3));
        at(Duration.ofMinutes(3));
        state.checkNotRevoked(GOOD, FreshnessTier.DANGEROUS);
        at(Duration.ofMinutes(4));
        assertTrue(
                stale(state, FreshnessTier.DANGEROUS).details().get("expected").contains("next-update"));
        assertTrue(stale(state, FreshnessTier.RISKY).details().get("expected").contains("next-update"));
        state.checkNotRevoked(GOOD, FreshnessTier.SAFE);
        at(Duration.ofHours(23));
        state.checkNotRevoked(GOOD, FreshnessTier.SAFE);
    }

    @Test
    void aHeadFromTheFutureBeyondTheSkewIsStale() {
        RevocationState state = state(FreshnessPolicy.DEFAULT, Duration.ofHours(1));
        at(FreshnessPolicy.DEFAULT.maxClockSkew().negated());
        state.checkNotRevoked(GOOD, FreshnessTier.DANGEROUS);
        at(FreshnessPolicy.DEFAULT.maxClockSkew().negated().minusMillis(1));
        for (FreshnessTier tier : FreshnessTier.values()) {
            assertTrue(stale(state, tier).details().get("expected").startsWith("issued at or before"));
        }
        assertEquals(
                ErrorCode.CERT_REVOKED,
                assertThrows(VerificationException.class, () -> state.checkNotRevoked(REVOKED, FreshnessTier.SAFE))
                        .code());
    }

    @Test
    void aCustomPolicyAppliesItsOwnBounds() {
        FreshnessPolicy policy = new FreshnessPolicy(
                Duration.ofHours(2),
                Duration.ofMinutes(30),
                Duration.ofMinutes(1),
                Duration.ZERO,
                Set.of(FreshnessTier.DANGEROUS));
        RevocationState state = state(policy, Duration.ofSeconds(30));
        at(Duration.ofSeconds(45));
        stale(state, FreshnessTier.DANGEROUS);
        state.checkNotRevoked(GOOD, FreshnessTier.RISKY);
        at(Duration.ofMinutes(31));
        stale(state, FreshnessTier.RISKY);
        state.checkNotRevoked(GOOD, FreshnessTier.SAFE);
        at(Duration.ofMillis(-1));
        stale(state, FreshnessTier.SAFE);
        assertTrue(policy.requiresBeforeNextUpdate(FreshnessTier.DANGEROUS));
        assertFalse(policy.requiresBeforeNextUpdate(FreshnessTier.RISKY));
    }

    @Test
    void policiesMustBeOrderedAndPositive() {
        Duration h = Duration.ofHours(1);
        Duration m = Duration.ofMinutes(1);
        Duration s = Duration.ofSeconds(1);
        Set<FreshnessTier> none = Set.of();
        assertThrows(IllegalArgumentException.class, () -> new FreshnessPolicy(m, h, s, s, none));
        assertThrows(IllegalArgumentException.class, () -> new FreshnessPolicy(h, s, m, s, none));
        assertThrows(IllegalArgumentException.class, () -> new FreshnessPolicy(h, m, Duration.ZERO, s, none));
        assertThrows(IllegalArgumentException.class, () -> new FreshnessPolicy(h, m, s.negated(), s, none));
        assertThrows(IllegalArgumentException.class, () -> new FreshnessPolicy(h, m, s, s.negated(), none));
        assertThrows(
                IllegalArgumentException.class, () -> new FreshnessPolicy(h, m, s, s, Set.of(FreshnessTier.RISKY)));
        assertThrows(IllegalArgumentException.class, () -> new FreshnessPolicy(h, m, s, s, Set.of(FreshnessTier.SAFE)));
        FreshnessPolicy equal = new FreshnessPolicy(m, m, m, Duration.ZERO, EnumSet.allOf(FreshnessTier.class));
        assertEquals(m, equal.maxAge(FreshnessTier.SAFE));
        FreshnessPolicy huge = new FreshnessPolicy(
                Duration.ofSeconds(Long.MAX_VALUE),
                Duration.ofSeconds(Long.MAX_VALUE),
                h,
                Duration.ofSeconds(Long.MAX_VALUE),
                none);
        RevocationState state = state(huge, Duration.ofSeconds(1));
        at(Duration.ofDays(365_000));
        state.checkNotRevoked(GOOD, FreshnessTier.SAFE);
    }

    @Test
    void anOverrideLetsAStaleCheckPassAndIsAudited() {
        RevocationState state = state(FreshnessPolicy.DEFAULT, Duration.ofHours(1));
        at(Duration.ofMinutes(1));
        state.checkNotRevoked(GOOD, FreshnessTier.DANGEROUS, override);
        at(Duration.ofMinutes(10));
        state.checkNotRevoked(GOOD, FreshnessTier.DANGEROUS, override);
        assertEquals(2, audit.size());
        assertEquals(OverrideEvent.Outcome.NOT_NEEDED, audit.get(0).outcome());
        OverrideEvent used = audit.get(1);
        assertEquals(OverrideEvent.Outcome.STALENESS_OVERRIDDEN, used.outcome());
        assertSame(override, used.override());
        assertEquals(GOOD, used.serial());
        assertEquals(FreshnessTier.DANGEROUS, used.tier());
        assertEquals(OptionalLong.of(4), used.headSequence());
        assertEquals(T0.plus(Duration.ofMinutes(10)), used.at());
    }

    @Test
    void anOverrideNeverLetsARevokedSerialThrough() {
        RevocationState state = state(FreshnessPolicy.DEFAULT, Duration.ofHours(1));
        for (Duration age : List.of(Duration.ZERO, Duration.ofDays(1))) {
            at(age);
            VerificationException e = assertThrows(
                    VerificationException.class, () -> state.checkNotRevoked(REVOKED, FreshnessTier.SAFE, override));
            assertEquals(ErrorCode.CERT_REVOKED, e.code());
        }
        assertEquals(List.of(OverrideEvent.Outcome.REVOKED, OverrideEvent.Outcome.REVOKED), outcomes());
    }

    @Test
    void anExpiredOverrideDoesNotApply() {
        RevocationState state = state(FreshnessPolicy.DEFAULT, Duration.ofHours(1));
        FreshnessOverride expired = new FreshnessOverride("bob", "yesterday's outage", T0.plusSeconds(30));
        at(Duration.ofMinutes(1));
        state.checkNotRevoked(GOOD, FreshnessTier.DANGEROUS, expired);
        at(Duration.ofMinutes(6));
        assertEquals(
                ErrorCode.REVOCATION_HEAD_STALE,
                assertThrows(
                                VerificationException.class,
                                () -> state.checkNotRevoked(GOOD, FreshnessTier.DANGEROUS, expired))
                        .code());
        assertEquals(List.of(OverrideEvent.Outcome.NOT_NEEDED, OverrideEvent.Outcome.EXPIRED), outcomes());
    }

    @Test
    void anOverrideWithoutAnyHeadIsAuditedWithoutASequence() {
        RevocationState state = RevocationState.builder(TD, issuer.keys())
                .clock(clock)
                .auditSink(audit::add)
                .build();
        state.checkNotRevoked(GOOD, FreshnessTier.RISKY, override);
        assertEquals(OptionalLong.empty(), audit.get(0).headSequence());
        assertEquals(OverrideEvent.Outcome.STALENESS_OVERRIDDEN, audit.get(0).outcome());
    }

    @Test
    void aFailingAuditSinkLetsNothingPassUnaudited() {
        RuntimeException down = new IllegalStateException("audit log unavailable");
        RevocationState state = RevocationState.builder(TD, issuer.keys())
                .clock(clock)
                .auditSink(event -> {
                    throw down;
                })
                .build();
        state.update(issuer.head(1, CHAIN, T0), CHAIN);
        assertSame(
                down,
                assertThrows(RuntimeException.class, () -> state.checkNotRevoked(GOOD, FreshnessTier.SAFE, override)));
        VerificationException revoked = assertThrows(
                VerificationException.class, () -> state.checkNotRevoked(REVOKED, FreshnessTier.SAFE, override));
        assertEquals(ErrorCode.CERT_REVOKED, revoked.code());
        assertSame(down, revoked.getSuppressed()[0]);
        clock.advance(Duration.ofHours(2));
        assertSame(
                down,
                assertThrows(RuntimeException.class, () -> state.checkNotRevoked(GOOD, FreshnessTier.RISKY, override)));
        state.checkNotRevoked(GOOD, FreshnessTier.SAFE);
    }

    @Test
    void overridesNeedAnAuditSinkAndANamedActorAndReason() {
        RevocationState state =
                RevocationState.builder(TD, issuer.keys()).clock(clock).build();
        assertThrows(IllegalStateException.class, () -> state.checkNotRevoked(GOOD, FreshnessTier.SAFE, override));
        assertThrows(IllegalArgumentException.class, () -> new FreshnessOverride(" ", "why", T0));
        assertThrows(IllegalArgumentException.class, () -> new FreshnessOverride("who", "", T0));
        assertThrows(IllegalArgumentException.class, () -> new FreshnessOverride("x".repeat(257), "why", T0));
        assertThrows(IllegalArgumentException.class, () -> new FreshnessOverride("who", "y".repeat(1025), T0));
        assertThrows(NullPointerException.class, () -> new FreshnessOverride("who", "why", null));
    }

    private List<OverrideEvent.Outcome> outcomes() {
        return audit.stream().map(OverrideEvent::outcome).toList();
    }
}
