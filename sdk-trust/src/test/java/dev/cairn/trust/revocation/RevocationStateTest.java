package dev.cairn.trust.revocation;

import static dev.cairn.trust.revocation.RevocationFixtures.T0;
import static dev.cairn.trust.revocation.RevocationFixtures.TD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.cose.CoseAlgorithm;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.VerificationException;
import dev.cairn.keys.KeyType;
import dev.cairn.trust.support.MutableClock;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RevocationStateTest {
    private static final List<RevocationEntry> CHAIN = RevocationFixtures.entries(6, 21);
    private static final BigInteger UNREVOKED = BigInteger.valueOf(424242);

    private final MutableClock clock = new MutableClock(T0);
    private final RevocationFixtures.Issuer issuer = new RevocationFixtures.Issuer(KeyType.ED25519);

    /** What a state exposes, for before/after comparisons. */
    record Snapshot(Optional<RevocationHead> head, ChainPosition position, Set<BigInteger> revoked) {
        static Snapshot of(RevocationState state) {
            return new Snapshot(
                    state.head().map(VerifiedRevocationHead::head),
                    state.position(),
                    Set.copyOf(state.revokedSerials()));
        }
    }

    private RevocationState state() {
        return RevocationState.builder(TD, issuer.keys()).clock(clock).build();
    }

    private byte[] head(long sequence, int size) {
        return issuer.head(sequence, CHAIN.subList(0, size), T0);
    }

    static ErrorCode code(Runnable action) {
        return assertThrows(CairnException.class, action::run).code();
    }

    @Test
    void withoutAHeadEveryTierIsStale() {
        RevocationState state = state();
        for (FreshnessTier tier : FreshnessTier.values()) {
            VerificationException e =
                    assertThrows(VerificationException.class, () -> state.checkNotRevoked(UNREVOKED, tier));
            assertEquals(ErrorCode.REVOCATION_HEAD_STALE, e.code());
            assertEquals("no head", e.details().get("found"));
            assertEquals(tier.name(), e.details().get("tier"));
        }
        assertEquals(Optional.empty(), state.head());
        assertEquals(ChainPosition.GENESIS, state.position());
        assertFalse(state.isRevoked(CHAIN.get(0).serial()));
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void revokedSerialsAreRefusedAndOthersPass(KeyType type) {
        RevocationFixtures.Issuer ca = new RevocationFixtures.Issuer(type);
        RevocationState state =
                RevocationState.builder(TD, ca.keys()).clock(clock).build();
        state.update(ca.head(1, CHAIN, T0), CHAIN);
        for (RevocationEntry entry : CHAIN) {
            for (FreshnessTier tier : FreshnessTier.values()) {
                VerificationException e =
                        assertThrows(VerificationException.class, () -> state.checkNotRevoked(entry.serial(), tier));
                assertEquals(ErrorCode.CERT_REVOKED, e.code());
                assertEquals(entry.serial().toString(16), e.details().get("serial"));
                assertEquals(entry.reason().name(), e.details().get("reason"));
            }
            assertTrue(state.isRevoked(entry.serial()));
        }
        for (FreshnessTier tier : FreshnessTier.values()) {
            state.checkNotRevoked(UNREVOKED, tier);
        }
        assertEquals(ChainPosition.GENESIS.extend(CHAIN), state.position());
        assertEquals(1, state.head().orElseThrow().head().sequence());
        assertEquals(CHAIN.size(), state.revokedSerials().size());
    }

    @Test
    void headsAdvanceWithTheEntriesAddedSince() {
        RevocationState state = state();
        state.update(head(1, 2), CHAIN.subList(0, 2));
        state.update(head(2, 2), List.of());
        state.update(head(5, 5), CHAIN.subList(2, 5));
        assertEquals(ChainPosition.GENESIS.extend(CHAIN.subList(0, 5)), state.position());
        assertEquals(5, state.head().orElseThrow().head().sequence());
        assertFalse(state.isRevoked(CHAIN.get(5).serial()));
        state.update(head(9, 6), CHAIN.subList(5, 6));
        assertTrue(state.isRevoked(CHAIN.get(5).serial()));
        assertEquals(6, state.revokedSerials().size());
    }

    @Test
    void aHeadThatRollsBackIsRefused() {
        RevocationState state = state();
        state.update(head(5, 3), CHAIN.subList(0, 3));
        assertEquals(ErrorCode.REVOCATION_HEAD_ROLLBACK, code(() -> state.update(head(4, 3), List.of())));
        assertEquals(ErrorCode.REVOCATION_HEAD_ROLLBACK, code(() -> state.update(head(4, 6), CHAIN.subList(3, 6))));
        byte[] otherContent = issuer.head(5, CHAIN.subList(0, 3), T0.plusMillis(1));
        assertEquals(ErrorCode.REVOCATION_HEAD_ROLLBACK, code(() -> state.update(otherContent, List.of())));
        byte[] moreEntriesSameSequence = head(5, 4);
        assertEquals(
                ErrorCode.REVOCATION_HEAD_ROLLBACK,
                code(() -> state.update(moreEntriesSameSequence, CHAIN.subList(3, 4))));
        assertEquals(ErrorCode.REVOCATION_HEAD_ROLLBACK, code(() -> state.update(head(6, 2), List.of())));
        // the same head again is not a rollback: fetching twice is harmless
        state.update(head(5, 3), List.of());
        assertEquals(5, state.head().orElseThrow().head().sequence());
    }

    @Test
    void entriesThatDoNotLeadToTheHeadAreRefused() {
        RevocationState state = state();
        state.update(head(1, 2), CHAIN.subList(0, 2));
        byte[] next = head(2, 5);
        assertEquals(ErrorCode.REVOCATION_CHAIN_BROKEN, code(() -> state.update(next, CHAIN.subList(2, 4))));
        assertEquals(ErrorCode.REVOCATION_CHAIN_BROKEN, code(() -> state.update(next, CHAIN.subList(2, 6))));
        assertEquals(ErrorCode.REVOCATION_CHAIN_BROKEN, code(() -> state.update(next, CHAIN.subList(0, 5))));
        assertEquals(ErrorCode.REVOCATION_CHAIN_BROKEN, code(() -> state.update(next, CHAIN.subList(1, 4))));
        List<RevocationEntry> tampered = new ArrayList<>(CHAIN.subList(2, 5));
        RevocationEntry e = tampered.get(0);
        tampered.set(0, new RevocationEntry(e.index(), UNREVOKED, e.reason(), e.revokedAt()));
        assertEquals(ErrorCode.REVOCATION_CHAIN_BROKEN, code(() -> state.update(next, tampered)));
        assertEquals(ErrorCode.REVOCATION_CHAIN_BROKEN, code(() -> state.update(head(2, 2), CHAIN.subList(2, 3))));
        state.update(next, CHAIN.subList(2, 5));
        assertEquals(5, state.position().size());
    }

    @Test
    void aSignedChainThatRevokesASerialTwiceIsBroken() {
        List<RevocationEntry> twice = new ArrayList<>(CHAIN.subList(0, 3));
        twice.add(new RevocationEntry(3, CHAIN.get(1).serial(), RevocationReason.SUPERSEDED, T0));
        RevocationState state = state();
        assertEquals(ErrorCode.REVOCATION_CHAIN_BROKEN, code(() -> state.update(issuer.head(1, twice, T0), twice)));
        state.update(issuer.head(1, twice.subList(0, 3), T0), twice.subList(0, 3));
        assertEquals(
                ErrorCode.REVOCATION_CHAIN_BROKEN,
                code(() -> state.update(issuer.head(2, twice, T0), twice.subList(3, 4))));
        assertEquals(
                ErrorCode.REVOCATION_CHAIN_BROKEN, code(() -> state.updateFromStart(issuer.head(2, twice, T0), twice)));
    }

    @Test
    void untrustedOrMalformedHeadsAreRefused() {
        RevocationState state = state();
        state.update(head(1, 2), CHAIN.subList(0, 2));
        RevocationFixtures.Issuer stranger = new RevocationFixtures.Issuer(KeyType.P256);
        assertEquals(
                ErrorCode.SIGNATURE_KEY_UNTRUSTED,
                code(() -> state.update(stranger.head(2, CHAIN, T0), CHAIN.subList(2, 6))));
        assertEquals(ErrorCode.COSE_STRUCTURE, code(() -> state.update(new byte[] {1, 2, 3}, List.of())));
        clock.set(T0.minus(Duration.ofMinutes(2)));
        assertEquals(ErrorCode.REVOCATION_HEAD_STALE, code(() -> state.update(head(2, 2), List.of())));
        assertEquals(1, state.head().orElseThrow().head().sequence());
    }

    @Test
    void aWholeChainStartsOrCatchesUpAState() {
        RevocationState fresh = state();
        fresh.updateFromStart(head(3, 6), CHAIN);
        assertEquals(ChainPosition.GENESIS.extend(CHAIN), fresh.position());
        RevocationState behind = state();
        behind.update(head(1, 2), CHAIN.subList(0, 2));
        behind.updateFromStart(head(2, 6), CHAIN);
        assertEquals(fresh.position(), behind.position());
        assertEquals(fresh.revokedSerials(), behind.revokedSerials());
        assertEquals(ErrorCode.REVOCATION_HEAD_ROLLBACK, code(() -> behind.updateFromStart(head(1, 6), CHAIN)));
        assertEquals(
                ErrorCode.REVOCATION_HEAD_ROLLBACK,
                code(() -> behind.updateFromStart(head(3, 4), CHAIN.subList(0, 4))));
        assertEquals(
                ErrorCode.REVOCATION_CHAIN_BROKEN, code(() -> behind.updateFromStart(head(3, 6), CHAIN.subList(1, 6))));
    }

    @Test
    void aWholeChainThatForksFromTheHeldOneIsBroken() {
        RevocationState state = state();
        state.update(head(1, 3), CHAIN.subList(0, 3));
        List<RevocationEntry> fork = RevocationFixtures.entries(6, 99);
        assertEquals(
                ErrorCode.REVOCATION_CHAIN_BROKEN, code(() -> state.updateFromStart(issuer.head(2, fork, T0), fork)));
        assertEquals(3, state.position().size());
    }

    @Test
    void theAllowedAlgorithmsApplyToHeads() {
        RevocationState p256Only = RevocationState.builder(TD, issuer.keys())
                .clock(clock)
                .allowAlgorithms(CoseAlgorithm.ES256)
                .build();
        assertEquals(ErrorCode.COSE_ALG_NOT_ALLOWED, code(() -> p256Only.update(head(1, 1), CHAIN.subList(0, 1))));
        assertEquals(ChainPosition.GENESIS, p256Only.position());
    }

    @Test
    void replacedTrustedKeysVerifyLaterHeads() {
        RevocationState state = state();
        state.update(head(1, 2), CHAIN.subList(0, 2));
        RevocationFixtures.Issuer rotated = new RevocationFixtures.Issuer(KeyType.P256);
        state.replaceTrustedKeys(rotated.keys());
        assertEquals(ErrorCode.SIGNATURE_KEY_UNTRUSTED, code(() -> state.update(head(2, 3), CHAIN.subList(2, 3))));
        state.update(rotated.head(2, CHAIN.subList(0, 3), T0), CHAIN.subList(2, 3));
        assertEquals(rotated.key.verificationKey(), state.head().orElseThrow().signer());
        state.checkNotRevoked(UNREVOKED, FreshnessTier.DANGEROUS);
    }

    @Test
    void checksDuringUpdatesSeeWholeStatesOnly() throws Exception {
        List<RevocationEntry> chain = RevocationFixtures.entries(200, 5);
        RevocationState state = state();
        state.update(issuer.head(0, List.of(), T0), List.of());
        AtomicBoolean done = new AtomicBoolean();
        ConcurrentLinkedQueue<Throwable> problems = new ConcurrentLinkedQueue<>();
        CountDownLatch started = new CountDownLatch(2);
        List<Thread> readers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            Thread reader = new Thread(() -> {
                started.countDown();
                while (!done.get()) {
                    ChainPosition position = state.position();
                    for (int i = 0; i < position.size(); i++) {
                        try {
                            state.checkNotRevoked(chain.get(i).serial(), FreshnessTier.DANGEROUS);
                            problems.add(new AssertionError("serial " + i + " passed at size " + position.size()));
                        } catch (VerificationException e) {
                            if (e.code() != ErrorCode.CERT_REVOKED) {
                                problems.add(e);
                            }
                        }
                    }
                }
            });
            reader.start();
            readers.add(reader);
        }
        started.await();
        for (int size = 10; size <= 200; size += 10) {
            state.update(issuer.head(size, chain.subList(0, size), T0), chain.subList(size - 10, size));
        }
        done.set(true);
        for (Thread reader : readers) {
            reader.join();
        }
        assertTrue(problems.isEmpty(), problems.toString());
        assertEquals(200, state.revokedSerials().size());
    }
}
