package dev.cairn.trust.revocation;

import static dev.cairn.trust.revocation.RevocationFixtures.T0;
import static dev.cairn.trust.revocation.RevocationFixtures.TD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.VerificationException;
import dev.cairn.keys.KeyType;
import dev.cairn.trust.support.MutableClock;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Properties of the relying-party state over random chains, heads and failed updates. */
class RevocationStatePropertyTest {
    private final RevocationFixtures.Issuer issuer = new RevocationFixtures.Issuer(KeyType.ED25519);
    private final RevocationFixtures.Issuer stranger = new RevocationFixtures.Issuer(KeyType.ED25519);

    /**
     * Heads at random cut points with random increasing sequences: after each update, every serial
     * revoked at or before the head is refused, in every tier, fresh or stale, with or without an
     * override; and no later serial is.
     */
    @Test
    void aRevokedSerialIsRefusedUnderEveryHeadAtOrAfterItsEntry() {
        qt().withExamples(60)
                .forAll(
                        RevocationFixtures.chains(25),
                        lists().of(integers().between(0, 1000)).ofSizeBetween(1, 5),
                        lists().of(integers().between(1, 1000)).ofSizeBetween(5, 5))
                .checkAssert((chain, cutSeeds, steps) -> {
                    List<Integer> cuts = new ArrayList<>();
                    cutSeeds.forEach(c -> cuts.add(c % (chain.size() + 1)));
                    Collections.sort(cuts);
                    MutableClock clock = new MutableClock(T0);
                    List<OverrideEvent> audit = new ArrayList<>();
                    RevocationState state = RevocationState.builder(TD, issuer.keys())
                            .clock(clock)
                            .auditSink(audit::add)
                            .build();
                    FreshnessOverride override = new FreshnessOverride("ops", "outage", T0.plus(Duration.ofDays(400)));
                    long sequence = 0;
                    int held = 0;
                    for (int i = 0; i < cuts.size(); i++) {
                        int cut = cuts.get(i);
                        sequence += steps.get(i);
                        clock.set(T0.plus(Duration.ofMinutes(i)));
                        state.update(
                                issuer.head(sequence, chain.subList(0, cut), clock.instant()),
                                chain.subList(held, cut));
                        held = cut;
                        for (Duration later : List.of(Duration.ZERO, Duration.ofDays(3))) {
                            clock.set(T0.plus(Duration.ofMinutes(i)).plus(later));
                            for (int j = 0; j < chain.size(); j++) {
                                RevocationEntry entry = chain.get(j);
                                for (FreshnessTier tier : FreshnessTier.values()) {
                                    if (j < cut) {
                                        assertEquals(
                                                ErrorCode.CERT_REVOKED,
                                                code(() -> state.checkNotRevoked(entry.serial(), tier)));
                                        assertEquals(
                                                ErrorCode.CERT_REVOKED,
                                                code(() -> state.checkNotRevoked(entry.serial(), tier, override)));
                                    } else if (later.isZero()) {
                                        state.checkNotRevoked(entry.serial(), tier);
                                    } else {
                                        assertEquals(
                                                ErrorCode.REVOCATION_HEAD_STALE,
                                                code(() -> state.checkNotRevoked(entry.serial(), tier)));
                                    }
                                }
                                assertEquals(j < cut, state.isRevoked(entry.serial()));
                            }
                        }
                    }
                    audit.forEach(event -> assertFalse(
                            state.isRevoked(event.serial()) && event.outcome() != OverrideEvent.Outcome.REVOKED));
                });
    }

    /** Any refused update leaves every observable part of the state as it was, and later updates still work. */
    @Test
    void aFailedUpdateLeavesTheStateUnchanged() {
        qt().withExamples(150)
                .forAll(
                        RevocationFixtures.chains(12),
                        integers().between(0, 1000),
                        integers().between(0, 7))
                .checkAssert((chain, cutSeed, kind) -> {
                    int cut = cutSeed % (chain.size() + 1);
                    MutableClock clock = new MutableClock(T0);
                    RevocationState state = RevocationState.builder(TD, issuer.keys())
                            .clock(clock)
                            .build();
                    state.update(issuer.head(10, chain.subList(0, cut), T0), chain.subList(0, cut));
                    RevocationStateTest.Snapshot before = RevocationStateTest.Snapshot.of(state);
                    List<RevocationEntry> rest = chain.subList(cut, chain.size());
                    byte[] full = issuer.head(11, chain, T0);
                    RevocationEntry bogus = new RevocationEntry(
                            chain.size(), BigInteger.valueOf(7_000_000_007L), RevocationReason.UNSPECIFIED, T0);
                    List<RevocationEntry> extra = new ArrayList<>(rest);
                    extra.add(bogus);
                    Runnable bad = switch (kind) {
                        case 0 -> () -> state.update(issuer.head(9, chain, T0), rest);
                        case 1 ->
                            () -> state.update(issuer.head(10, chain.subList(0, cut), T0.plusMillis(1)), List.of());
                        case 2 -> () -> state.update(full, rest.isEmpty() ? extra : rest.subList(1, rest.size()));
                        case 3 -> () -> state.update(full, extra);
                        case 4 -> () -> state.update(stranger.head(11, chain, T0), rest);
                        case 5 -> () -> state.update(new byte[] {(byte) 0xd2, 0x00}, rest);
                        case 6 -> () -> state.updateFromStart(full, cut == 0 ? extra : rest);
                        default -> () -> state.update(issuer.head(11, chain, T0.plus(Duration.ofHours(1))), rest);
                    };
                    assertThrows(CairnException.class, bad::run);
                    assertEquals(before, RevocationStateTest.Snapshot.of(state));
                    state.update(full, rest);
                    assertEquals(ChainPosition.GENESIS.extend(chain), state.position());
                });
    }

    private static ErrorCode code(Runnable action) {
        return assertThrows(VerificationException.class, action::run).code();
    }
}
