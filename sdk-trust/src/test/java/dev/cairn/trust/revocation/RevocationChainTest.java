package dev.cairn.trust.revocation;

import static dev.cairn.trust.revocation.RevocationFixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.cairn.bytes.Digest;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.VerificationException;
import dev.cairn.trust.support.MutableClock;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RevocationChainTest {
    private final MutableClock clock = new MutableClock(T0);

    /** The link, written out literally from the spec: SHA-256(len(tag) || tag || previous || entry). */
    private static Digest referenceLink(Digest previous, RevocationEntry entry) throws Exception {
        byte[] tag = "cairn/revocation/v1".getBytes(StandardCharsets.US_ASCII);
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update((byte) tag.length);
        sha256.update(tag);
        sha256.update(previous.toByteArray());
        sha256.update(entry.encoded().toByteArray());
        return Digest.of(sha256.digest());
    }

    private static VerificationException broken(Runnable action) {
        VerificationException e = assertThrows(VerificationException.class, action::run);
        assertEquals(ErrorCode.REVOCATION_CHAIN_BROKEN, e.code());
        return e;
    }

    @Test
    void theSpecExampleChainHasTheDocumentedValues() {
        RevocationEntry first =
                new RevocationEntry(0, new BigInteger("0123456789abcdef", 16), RevocationReason.KEY_COMPROMISE, T0);
        RevocationEntry second =
                new RevocationEntry(1, BigInteger.valueOf(2), RevocationReason.SUPERSEDED, T0.plusSeconds(1));
        assertEquals("a401010241020304041b000001a20d6d5de8", second.encoded().toHex());
        ChainPosition one = ChainPosition.GENESIS.next(first);
        assertEquals(
                "ec4fe7edfc50b512cffba25a64474b91d61672145a980dbf09a2cbe24e7fc962",
                one.value().toHex());
        assertEquals(
                "bb057f516681ada6ce514abe09f66b67bb020a07984fd570a75162ceeb273b1d",
                one.next(second).value().toHex());
    }

    @Test
    void linksMatchTheLiteralConstruction() {
        qt().withExamples(100).forAll(RevocationFixtures.chains(30)).checkAssert(chain -> {
            Digest value = ChainPosition.GENESIS_VALUE;
            for (RevocationEntry entry : chain) {
                try {
                    value = referenceLink(value, entry);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
            assertEquals(new ChainPosition(chain.size(), value), ChainPosition.GENESIS.extend(chain));
        });
        assertEquals(Digest.of(new byte[32]), ChainPosition.GENESIS_VALUE);
        assertEquals(0, ChainPosition.GENESIS.size());
    }

    @Test
    void anyPrefixPlusTheRestVerifiesToTheHead() {
        qt().withExamples(200)
                .forAll(RevocationFixtures.chains(40), integers().between(0, 1000))
                .checkAssert((chain, cut) -> {
                    int k = chain.isEmpty() ? 0 : cut % (chain.size() + 1);
                    ChainPosition head = ChainPosition.GENESIS.extend(chain);
                    ChainPosition held = ChainPosition.GENESIS.extend(chain.subList(0, k));
                    assertEquals(head, held.extendTo(chain.subList(k, chain.size()), head));
                    assertEquals(head, held.extend(chain.subList(k, chain.size())));
                });
    }

    @Test
    void aRangeThatDoesNotExtendTheHeldPositionIsBroken() {
        List<RevocationEntry> chain = RevocationFixtures.entries(6, 4);
        ChainPosition head = ChainPosition.GENESIS.extend(chain);
        ChainPosition held = ChainPosition.GENESIS.extend(chain.subList(0, 2));
        assertEquals(
                "index",
                broken(() -> held.extendTo(chain.subList(1, 5), head)).details().get("field"));
        assertEquals(
                "size",
                broken(() -> held.extendTo(chain.subList(2, 5), head)).details().get("field"));
        assertEquals(
                "index",
                broken(() -> held.extend(chain.subList(1, 6))).details().get("field"));
        List<RevocationEntry> tampered = new ArrayList<>(chain.subList(2, 6));
        RevocationEntry original = tampered.get(1);
        tampered.set(
                1,
                new RevocationEntry(
                        original.index(), original.serial(), RevocationReason.UNSPECIFIED, original.revokedAt()));
        if (original.reason() == RevocationReason.UNSPECIFIED) {
            tampered.set(
                    1,
                    new RevocationEntry(
                            original.index(),
                            original.serial(),
                            original.reason(),
                            original.revokedAt().plusMillis(1)));
        }
        VerificationException e = broken(() -> held.extendTo(tampered, head));
        assertEquals("value", e.details().get("field"));
        assertEquals(head.value().toHex(), e.details().get("expected"));
        List<RevocationEntry> swapped = new ArrayList<>(chain);
        Collections.swap(swapped, 0, 1);
        broken(() -> ChainPosition.GENESIS.extendTo(swapped, head));
        assertThrows(IllegalArgumentException.class, () -> new ChainPosition(-1, head.value()));
        assertThrows(IllegalArgumentException.class, () -> new ChainPosition(0, head.value()));
    }

    @Test
    void revokeAppendsDenseEntriesWithNonDecreasingTimes() {
        List<RevocationEntry> journal = new ArrayList<>();
        RevocationChain chain = RevocationChain.create(clock, journal::add);
        RevocationEntry a = chain.revoke(BigInteger.valueOf(11), RevocationReason.KEY_COMPROMISE);
        clock.advance(Duration.ofSeconds(5));
        RevocationEntry b = chain.revoke(BigInteger.valueOf(12), RevocationReason.SUPERSEDED);
        clock.set(T0.minusSeconds(60));
        RevocationEntry c = chain.revoke(BigInteger.valueOf(13), RevocationReason.UNSPECIFIED);
        assertEquals(List.of(0L, 1L, 2L), List.of(a.index(), b.index(), c.index()));
        assertEquals(T0, a.revokedAt());
        assertEquals(T0.plusSeconds(5), b.revokedAt());
        assertEquals(b.revokedAt(), c.revokedAt());
        assertEquals(List.of(a, b, c), journal);
        assertEquals(List.of(a, b, c), chain.entries(0, 3));
        assertEquals(ChainPosition.GENESIS.extend(journal), chain.position());
        assertEquals(3, chain.size());
        assertTrue(chain.isRevoked(BigInteger.valueOf(12)));
        assertFalse(chain.isRevoked(BigInteger.valueOf(14)));
        clock.set(Instant.EPOCH.minusSeconds(10));
        RevocationChain early = RevocationChain.create(clock, RevocationJournal.NONE);
        assertEquals(
                Instant.EPOCH,
                early.revoke(BigInteger.ONE, RevocationReason.SUPERSEDED).revokedAt());
    }

    @Test
    void aSerialIsRevokedOnlyOnce() {
        RevocationChain chain = RevocationChain.create(clock, RevocationJournal.NONE);
        chain.revoke(BigInteger.valueOf(99), RevocationReason.KEY_COMPROMISE);
        VerificationException e = assertThrows(
                VerificationException.class, () -> chain.revoke(BigInteger.valueOf(99), RevocationReason.SUPERSEDED));
        assertEquals(ErrorCode.CERT_REVOKED, e.code());
        assertEquals(1, chain.size());
        assertThrows(IllegalArgumentException.class, () -> chain.revoke(BigInteger.ZERO, RevocationReason.SUPERSEDED));
        assertEquals(1, chain.size());
    }

    @Test
    void aJournalFailureLeavesTheChainUnchanged() {
        RevocationChain chain = RevocationChain.create(clock, entry -> {
            if (entry.index() == 1) {
                throw new IllegalStateException("disk full");
            }
        });
        chain.revoke(BigInteger.ONE, RevocationReason.SUPERSEDED);
        ChainPosition before = chain.position();
        assertThrows(IllegalStateException.class, () -> chain.revoke(BigInteger.TWO, RevocationReason.SUPERSEDED));
        assertEquals(before, chain.position());
        assertFalse(chain.isRevoked(BigInteger.TWO));
        assertThrows(IllegalStateException.class, () -> chain.revoke(BigInteger.TWO, RevocationReason.SUPERSEDED));
    }

    @Test
    void aRebuiltChainHasTheSamePositionsAndContinues() {
        List<RevocationEntry> entries = RevocationFixtures.entries(25, 7);
        RevocationChain chain = RevocationChain.rebuild(entries, clock, RevocationJournal.NONE);
        assertEquals(ChainPosition.GENESIS.extend(entries), chain.position());
        for (int size = 0; size <= entries.size(); size++) {
            assertEquals(ChainPosition.GENESIS.extend(entries.subList(0, size)), chain.position(size));
        }
        assertEquals(entries.subList(5, 9), chain.entries(5, 9));
        assertEquals(List.of(), chain.entries(25, 25));
        RevocationEntry next = chain.revoke(BigInteger.valueOf(5), RevocationReason.SUPERSEDED);
        assertEquals(25, next.index());
        assertTrue(!next.revokedAt().isBefore(entries.get(24).revokedAt()));
        assertThrows(IllegalArgumentException.class, () -> chain.entries(3, 2));
        assertThrows(IllegalArgumentException.class, () -> chain.entries(0, 27));
        assertThrows(IllegalArgumentException.class, () -> chain.entries(-1, 2));
        assertThrows(IllegalArgumentException.class, () -> chain.position(27));
        assertThrows(IllegalArgumentException.class, () -> chain.position(-1));
    }

    @Test
    void rebuildRefusesEntriesThatAreNotAChain() {
        List<RevocationEntry> entries = RevocationFixtures.entries(5, 8);
        List<RevocationEntry> gap = List.of(entries.get(0), entries.get(2));
        broken(() -> RevocationChain.rebuild(gap, clock, RevocationJournal.NONE));
        List<RevocationEntry> twice = new ArrayList<>(entries);
        RevocationEntry dup = new RevocationEntry(5, entries.get(1).serial(), RevocationReason.SUPERSEDED, T0);
        twice.add(dup);
        VerificationException e = broken(() -> RevocationChain.rebuild(twice, clock, RevocationJournal.NONE));
        assertEquals("serial", e.details().get("field"));
    }

    @Test
    void concurrentRevocationsGetDistinctConsecutiveIndexes() throws Exception {
        List<RevocationEntry> journal = Collections.synchronizedList(new ArrayList<>());
        RevocationChain chain = RevocationChain.create(clock, journal::add);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 250; i++) {
                    chain.revoke(BigInteger.valueOf(thread * 1000L + i + 1), RevocationReason.SUPERSEDED);
                }
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        assertEquals(1000, chain.size());
        for (int i = 0; i < journal.size(); i++) {
            assertEquals(i, journal.get(i).index());
        }
        RevocationChain rebuilt = RevocationChain.rebuild(journal, clock, RevocationJournal.NONE);
        assertEquals(chain.position(), rebuilt.position());
        assertSame(
                ChainPosition.GENESIS_VALUE,
                RevocationChain.create(clock, RevocationJournal.NONE).position().value());
    }
}
