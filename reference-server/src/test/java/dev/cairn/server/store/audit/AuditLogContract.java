package dev.cairn.server.store.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.checkpoint.LogId;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.marker.ChainVerifier;
import dev.cairn.marker.Marker;
import dev.cairn.mmr.MmrMath;
import dev.cairn.receipt.FullReceipt;
import dev.cairn.receipt.IssuedStatement;
import dev.cairn.server.store.marker.LogHead;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Group commit semantics of {@link AuditLog} on each engine: a mutation's state change and its marker
 * commit or roll back together (both tables are checked), one refusal does not affect the rest of its
 * batch, a failed batch fails all of it and leaves the log consistent, waits are bounded, and
 * concurrent callers get a dense log.
 */
abstract class AuditLogContract extends AuditFixture {

    @Test
    void anAcceptedMutationCommitsItsRowAndItsSignedMarkerTogether() {
        LogHead before = log.head();
        long id = nextId();
        Audited<Long> audited = log.execute(create(id));
        assertEquals(id, audited.result());
        long seq = audited.sequence();
        assertEquals(before.markerCount(), seq);
        assertTrue(itemExists(id));
        assertEquals(seq, itemSeq(id));

        IssuedStatement issued = audited.statement();
        assertEquals(seq, issued.statement().sequence());
        assertEquals("item.create", issued.marker().kind());
        assertEquals(LOG, issued.statement().logId());
        assertEquals(
                FullReceipt.statementDigest(issued.signed()), issued.marker().payloadDigest());
        assertEquals(issued.statement().time().toEpochMilli(), issued.marker().timeMillis());
        assertEquals(issued.marker(), log.marker(seq));
        assertEquals(issued, log.statement(seq));

        LogHead after = log.head();
        assertEquals(seq + 1, after.markerCount());
        assertEquals(issued.marker().hash(), after.headHash());
        assertEquals(MmrMath.sizeForLeafCount(seq + 1), after.mmrSize());
        assertEquals(after.mmrSize(), rows("audit_mmr_nodes"));
        assertEquals(after.markerCount(), rows("audit_markers"));
    }

    @Test
    void aReceiptWaitsForACheckpointThenVerifiesOffline() {
        long seq = log.execute(create(nextId())).sequence();
        CairnException pending = assertThrows(CairnException.class, () -> log.receipt(seq));
        assertEquals(ErrorCode.STORE_RECEIPT_PENDING, pending.code());
        assertTrue(pending.retryable());
        log.publishCheckpoint(EPOCH);
        assertEquals("item.create", verifyReceipt(seq).statement().kind());
    }

    @Test
    void oneRefusalInABatchDoesNotAffectTheOthers() throws Exception {
        LogHead before = log.head();
        AuditStats stats = log.stats();
        Gate gate = new Gate();
        long g = nextId();
        CompletableFuture<Audited<Long>> held = log.submit(gate.mutation(g));
        gate.awaitEntered();
        long a = nextId();
        long b = nextId();
        long c = nextId();
        long d = nextId();
        long e = nextId();
        CompletableFuture<Audited<Long>> fa = log.submit(create(a));
        CompletableFuture<Audited<Long>> fb = log.submit(refuseAfterWriting(b));
        CompletableFuture<Audited<Long>> fc = log.submit(create(c));
        CompletableFuture<Audited<Long>> fd = log.submit(ctx -> {
            AuditFixture.insertItem(ctx.connection(), d, ctx.sequence());
            AuditFixture.insertItem(ctx.connection(), a, ctx.sequence()); // a's key: the SQL fails
            return Recorded.of(d, action("item.create", d));
        });
        CompletableFuture<Audited<Long>> fe = log.submit(create(e));
        gate.release.countDown();

        assertEquals(before.markerCount(), held.get(60, TimeUnit.SECONDS).sequence());
        assertEquals(before.markerCount() + 1, fa.get(60, TimeUnit.SECONDS).sequence());
        assertEquals(ErrorCode.TOKEN_SCOPE_MISSING, failure(fb).code());
        assertEquals(before.markerCount() + 2, fc.get(60, TimeUnit.SECONDS).sequence());
        assertEquals(ErrorCode.STORE_MUTATION_FAILED, failure(fd).code());
        assertEquals(before.markerCount() + 3, fe.get(60, TimeUnit.SECONDS).sequence());

        assertTrue(itemExists(a) && itemExists(c) && itemExists(e));
        assertFalse(itemExists(b), "the refused mutation's insert survived");
        assertFalse(itemExists(d), "the failed mutation's first insert survived");
        assertEquals(before.markerCount() + 1, itemSeq(a));
        assertEquals(before.markerCount() + 4, log.head().markerCount());
        assertEquals(log.head().markerCount(), rows("audit_markers"));
        assertEquals(log.head().markerCount(), rows("audit_statements"));
        AuditStats now = log.stats();
        assertEquals(2, now.transactions() - stats.transactions(), "gate alone, then the other five in one");
        assertEquals(2, now.refused() - stats.refused());
        ChainVerifier.verify(log.markers());
    }

    @Test
    void aFailedBatchFailsEveryMutationInItAndTheNextBatchStartsFromTheDatabase() throws Exception {
        LogHead before = log.head();
        long rowsBefore = rows("test_items");
        Gate gate = new Gate();
        CompletableFuture<Audited<Long>> held = log.submit(gate.mutation(nextId()));
        gate.awaitEntered();
        long a = nextId();
        long b = nextId();
        long c = nextId();
        CompletableFuture<Audited<Long>> fa = log.submit(create(a));
        CompletableFuture<Audited<Long>> fr = log.submit(refuseAfterWriting(nextId()));
        // Takes the MMR node index its own leaf will need: the batch's node insert then fails.
        CompletableFuture<Audited<Long>> fb = log.submit(ctx -> {
            AuditFixture.insertItem(ctx.connection(), b, ctx.sequence());
            try (PreparedStatement s =
                    ctx.connection().prepareStatement("INSERT INTO audit_mmr_nodes (idx, hash) VALUES (?, ?)")) {
                s.setLong(1, MmrMath.leafIndex(ctx.sequence()));
                s.setBytes(2, new byte[32]);
                s.executeUpdate();
            }
            return Recorded.of(b, action("item.create", b));
        });
        CompletableFuture<Audited<Long>> fc = log.submit(create(c));
        gate.release.countDown();
        held.get(60, TimeUnit.SECONDS);
        LogHead afterGate = log.head();
        assertEquals(before.markerCount() + 1, afterGate.markerCount());
        for (CompletableFuture<Audited<Long>> f : List.of(fa, fr, fb, fc)) {
            CairnException e = failure(f);
            assertEquals(ErrorCode.STORE_TRANSACTION_FAILED, e.code(), e.getMessage());
            assertTrue(e.retryable());
        }
        assertFalse(itemExists(a) || itemExists(b) || itemExists(c));
        assertEquals(rowsBefore + 1, rows("test_items"));
        assertEquals(afterGate, log.head());
        assertEquals(afterGate.mmrSize(), rows("audit_mmr_nodes"));

        long reloads = log.stats().reloads();
        long d = nextId();
        Audited<Long> next = log.execute(create(d));
        assertEquals(afterGate.markerCount(), next.sequence());
        assertEquals(afterGate.headHash(), next.statement().marker().prevHash());
        assertEquals(reloads + 1, log.stats().reloads());
        ChainVerifier.verify(log.markers());
        log.publishCheckpoint(EPOCH);
        verifyReceipt(next.sequence());
    }

    @Test
    void aRefusalAloneInItsTransactionLeavesNoRowAndNoMarker() {
        LogHead before = log.head();
        long id = nextId();
        CairnException e = assertThrows(CairnException.class, () -> log.execute(refuseAfterWriting(id)));
        assertEquals(ErrorCode.TOKEN_SCOPE_MISSING, e.code());
        assertFalse(itemExists(id));
        assertEquals(before, log.head());
        assertEquals(before.markerCount(), log.execute(create(nextId())).sequence());
    }

    @Test
    void theContextCarriesTheStatementsSequenceAndTime() {
        long[] seen = new long[2];
        Audited<Long> audited = log.execute(ctx -> {
            seen[0] = ctx.sequence();
            seen[1] = ctx.time().toEpochMilli();
            return create(nextId()).apply(ctx);
        });
        assertEquals(audited.sequence(), seen[0]);
        assertEquals(audited.statement().statement().time().toEpochMilli(), seen[1]);
        assertEquals(audited.statement().marker().timeMillis(), seen[1]);
    }

    @Test
    void aMutationCannotEndTheTransactionOfItsBatch() {
        long id = nextId();
        CairnException e = assertThrows(
                CairnException.class,
                () -> log.execute(ctx -> {
                    AuditFixture.insertItem(ctx.connection(), id, ctx.sequence());
                    ctx.connection().commit();
                    return Recorded.of(id, action("item.create", id));
                }));
        assertEquals(ErrorCode.STORE_MUTATION_FAILED, e.code());
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertFalse(itemExists(id));
        CairnException nullResult = assertThrows(CairnException.class, () -> log.execute(ctx -> null));
        assertEquals(ErrorCode.STORE_MUTATION_FAILED, nullResult.code());
    }

    @Test
    void aCallerThatStopsWaitingBeforeTheWriterTookItsMutationWithdrawsIt() throws Exception {
        try (AuditLog quick =
                AuditLog.open(db, config().timeout(Duration.ofMillis(300)).build())) {
            Gate gate = new Gate();
            CompletableFuture<Audited<Long>> held = quick.submit(gate.mutation(nextId()));
            gate.awaitEntered();
            long id = nextId();
            CairnException e = assertThrows(CairnException.class, () -> quick.execute(create(id)));
            assertEquals(ErrorCode.STORE_TIMEOUT, e.code());
            assertTrue(e.retryable());
            gate.release.countDown();
            long seq = held.get(60, TimeUnit.SECONDS).sequence();
            // Whatever the writer does next, the withdrawn mutation never runs.
            // (submitted, not executed: a loaded machine must not turn this one into a 300 ms timeout too)
            Audited<Long> after = quick.submit(create(nextId())).get(60, TimeUnit.SECONDS);
            assertEquals(seq + 1, after.sequence());
            assertFalse(itemExists(id));
        }
    }

    @Test
    void aClosedLogRefusesMutationsAndItsReadsStillWork() {
        AuditLog other = AuditLog.open(db, config().build());
        long seq = other.execute(create(nextId())).sequence();
        other.close();
        other.close();
        CairnException e = assertThrows(CairnException.class, () -> other.execute(create(nextId())));
        assertEquals(ErrorCode.STORE_CLOSED, e.code());
        assertEquals(seq, other.marker(seq).seq());
    }

    @Test
    void concurrentCallersGetADenseLogAndEachOneResult() throws Exception {
        int threads = 8;
        int each = 500;
        LogHead before = log.head();
        AuditStats stats = log.stats();
        Set<Long> seqs = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> {
                List<Long> mine = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    long id = nextId();
                    Audited<Long> audited = log.execute(create(id));
                    assertEquals(id, audited.result());
                    assertTrue(seqs.add(audited.sequence()), "sequence twice: " + audited.sequence());
                    mine.add(id);
                }
                return mine;
            }));
        }
        Set<Long> ids = new HashSet<>();
        for (Future<List<Long>> f : results) {
            ids.addAll(f.get(300, TimeUnit.SECONDS));
        }
        pool.shutdown();
        long total = (long) threads * each;
        assertEquals(total, ids.size());
        assertEquals(total, seqs.size());
        for (long s = before.markerCount(); s < before.markerCount() + total; s++) {
            assertTrue(seqs.contains(s), "missing sequence " + s);
        }
        assertEquals(before.markerCount() + total, log.head().markerCount());
        AuditStats now = log.stats();
        assertEquals(total, now.audited() - stats.audited());
        assertTrue(
                now.transactions() - stats.transactions() < total,
                "no group commit: " + (now.transactions() - stats.transactions()) + " transactions");
        ChainVerifier.verify(log.markers(), before.markerCount(), before.markerCount() + total);
        log.publishCheckpoint(EPOCH);
        verifyReceipt(before.markerCount() + total - 1);
    }

    @Test
    void theSingleTransactionPathCommitsEachMutationAlone() {
        try (AuditLog single = AuditLog.open(db, config().batchSize(1).build())) {
            Marker previous = null;
            for (int i = 0; i < 5; i++) {
                Audited<Long> audited = single.execute(create(nextId()));
                if (previous != null) {
                    assertEquals(previous.hash(), audited.statement().marker().prevHash());
                }
                previous = audited.statement().marker();
            }
            assertEquals(5, single.stats().transactions());
        }
    }

    @Test
    void aDatabaseOfAnotherLogIsRefused() {
        CairnException e = assertThrows(
                CairnException.class,
                () -> AuditLog.open(
                        db,
                        AuditLogConfig.builder(new LogId("other.example/audit"), key)
                                .checkpointInterval(Duration.ZERO)
                                .build()));
        assertEquals(ErrorCode.STORE_LOG_MISMATCH, e.code());
    }

    static CairnException failure(CompletableFuture<?> future) throws InterruptedException {
        try {
            future.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return assertInstanceOf(CairnException.class, e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("not completed", e);
        }
        throw new AssertionError("completed normally: " + future.join());
    }
}
