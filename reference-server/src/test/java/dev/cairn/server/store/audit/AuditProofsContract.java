package dev.cairn.server.store.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.cairn.audit.AuditBundleTrailer;
import dev.cairn.checkpoint.Checkpoint;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.marker.Marker;
import dev.cairn.mmr.Accumulator;
import dev.cairn.mmr.MmrMath;
import dev.cairn.mmr.MmrVerifier;
import dev.cairn.receipt.CoseReceiptVerifier;
import dev.cairn.receipt.SignedCheckpoint;
import dev.cairn.receipt.VerifiedConsistencyReceipt;
import dev.cairn.server.store.marker.LogHead;
import dev.cairn.verifier.bundle.AuditBundleVerifier;
import dev.cairn.verifier.bundle.VerifiedAuditBundle;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checkpoints, proofs, receipts and audit bundles of {@link AuditLog} on each engine, each checked
 * with the verifiers an auditor uses (sdk-core's and sdk-verifier's), never with the log's own code.
 */
abstract class AuditProofsContract extends AuditFixture {

    private void grow(int markers) {
        while (log.head().markerCount() < markers) {
            log.execute(create(nextId()));
        }
    }

    @Test
    void checkpointsArePublishedOnDemandAndOnlyWhenSomethingChanged() {
        grow(3);
        SignedCheckpoint first = log.publishCheckpoint(EPOCH);
        assertEquals(log.head().mmrSize(), first.checkpoint().size());
        assertEquals(first.signed(), log.publishCheckpoint(EPOCH).signed(), "same size and epoch: no new one");
        SignedCheckpoint nextEpoch = log.publishCheckpoint(EPOCH + 1);
        assertNotEquals(first.signed(), nextEpoch.signed());
        assertEquals(first.checkpoint().size(), nextEpoch.checkpoint().size());
        assertEquals(EPOCH + 1, nextEpoch.checkpoint().epoch());
        log.execute(create(nextId()));
        SignedCheckpoint grown = log.publishCheckpoint(EPOCH);
        assertTrue(grown.checkpoint().size() > first.checkpoint().size());
        assertTrue(!grown.checkpoint().time().isBefore(nextEpoch.checkpoint().time()));
        for (SignedCheckpoint c : List.of(first, nextEpoch, grown)) {
            assertEquals(c.checkpoint(), verifyCheckpoint(c).checkpoint());
        }
        assertEquals(grown, log.latestCheckpoint().orElseThrow());
        assertEquals(grown, log.checkpointOfSize(grown.checkpoint().size()).orElseThrow());
        assertEquals(nextEpoch, log.checkpointOfSize(first.checkpoint().size()).orElseThrow());
        assertTrue(log.checkpointOfSize(2).isEmpty());
    }

    @Test
    void theScheduleFollowsTheLogAndSkipsWhenNothingChanged() throws Exception {
        try (AuditLog scheduled = AuditLog.open(
                db,
                config().checkpointInterval(Duration.ofMillis(40))
                        .epoch(() -> EPOCH)
                        .build())) {
            long seq = scheduled.execute(create(nextId())).sequence();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (scheduled
                            .latestCheckpoint()
                            .map(c -> c.checkpoint().accumulator().leafCount())
                            .orElse(0L)
                    <= seq) {
                assertTrue(System.nanoTime() < deadline, "no scheduled checkpoint covers " + seq);
                Thread.sleep(10);
            }
            Thread.sleep(100);
            long published = rows("audit_checkpoints");
            Thread.sleep(300);
            assertEquals(published, rows("audit_checkpoints"), "published while the log did not change");
            assertTrue(scheduled.stats().checkpoints() >= 1);
            assertEquals(0, scheduled.stats().checkpointFailures());
            verifyReceipt(seq);
        }
    }

    @Test
    void everyMarkerIsProvenUnderTheNewestCheckpoint() {
        grow(40);
        SignedCheckpoint checkpoint = log.publishCheckpoint(EPOCH);
        Accumulator trusted = verifyCheckpoint(checkpoint).checkpoint().accumulator();
        CoseReceiptVerifier cose = CoseReceiptVerifier.builder()
                .trustedKeys(keys())
                .expectLogId(LOG)
                .build();
        for (long seq = 0; seq < trusted.leafCount(); seq++) {
            Marker marker = log.marker(seq);
            assertEquals(
                    MmrMath.leafIndex(seq),
                    MmrVerifier.verifyInclusion(log.inclusionProof(seq, trusted.size()), marker.hash(), trusted)
                            .index());
            cose.verifyInclusion(log.inclusionReceipt(seq).toByteArray(), marker.hash(), trusted);
            verifyReceipt(seq);
        }
    }

    @Test
    void everyCheckpointIsConsistentWithEveryLaterOne() {
        List<SignedCheckpoint> checkpoints = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            for (int k = 0; k <= i; k++) {
                log.execute(create(nextId()));
            }
            checkpoints.add(log.publishCheckpoint(EPOCH));
        }
        CoseReceiptVerifier cose = CoseReceiptVerifier.builder()
                .trustedKeys(keys())
                .expectLogId(LOG)
                .build();
        for (int i = 0; i < checkpoints.size(); i++) {
            for (int j = i + 1; j < checkpoints.size(); j++) {
                Accumulator from = checkpoints.get(i).checkpoint().accumulator();
                Accumulator to = checkpoints.get(j).checkpoint().accumulator();
                MmrVerifier.verifyConsistency(log.consistencyProof(from.size(), to.size()), from, to);
                VerifiedConsistencyReceipt receipt = cose.verifyConsistency(
                        log.consistencyReceipt(from.size(), to.size()).toByteArray(), from);
                assertEquals(to, receipt.to());
            }
        }
    }

    @Test
    void proofsBeyondTheCommittedLogOrOfInvalidSizesAreRefused() {
        grow(4);
        LogHead head = log.head();
        long beyond = MmrMath.sizeForLeafCount(head.markerCount() + 1);
        assertEquals(ErrorCode.MMR_SIZE_INVALID, code(() -> log.inclusionProof(0, beyond)));
        assertEquals(ErrorCode.MMR_SIZE_INVALID, code(() -> log.inclusionProof(0, 2)));
        assertEquals(ErrorCode.MMR_SIZE_INVALID, code(() -> log.inclusionProof(head.markerCount(), head.mmrSize())));
        assertEquals(ErrorCode.MMR_SIZE_INVALID, code(() -> log.proofs().accumulator(beyond)));
        assertEquals(ErrorCode.MMR_PROOF_MALFORMED, code(() -> log.consistencyProof(head.mmrSize(), head.mmrSize())));
        assertEquals(ErrorCode.MMR_SIZE_INVALID, code(() -> log.consistencyProof(1, beyond)));
        assertEquals(ErrorCode.MARKER_NOT_FOUND, code(() -> log.statement(head.markerCount())));
    }

    @Test
    void anExportedBundleVerifiesWithTheAuditorsVerifier() {
        grow(30);
        SignedCheckpoint older = log.publishCheckpoint(EPOCH);
        grow(45);
        SignedCheckpoint covering = log.publishCheckpoint(EPOCH);
        long n = covering.checkpoint().accumulator().leafCount();
        AuditBundleVerifier verifier = AuditBundleVerifier.builder()
                .trustedLogKeys(keys())
                .expectLogId(LOG)
                .build();

        VerifiedAuditBundle whole = verifier.verify(new ByteArrayInputStream(export(0, n)));
        assertEquals(n, whole.count());
        assertEquals(n, whole.receipts());
        assertEquals(log.marker(n - 1).hash(), whole.head());
        assertEquals(covering.checkpoint(), whole.checkpoint().checkpoint());

        VerifiedAuditBundle middle = verifier.verify(new ByteArrayInputStream(export(7, 11)));
        assertEquals(7, middle.first());
        assertEquals(11, middle.count());
        assertEquals(log.marker(17).hash(), middle.head());

        ByteArrayOutputStream chained = new ByteArrayOutputStream();
        log.bundleExporter(covering).olderCheckpoints(List.of(older)).build().export(chained, 20, 5);
        VerifiedAuditBundle withOlder = verifier.verify(new ByteArrayInputStream(chained.toByteArray()));
        assertEquals(1, withOlder.olderCheckpoints().size());
    }

    @Test
    void exportsOutsideTheLogOrBeyondTheNewestCheckpointAreRefused() {
        grow(5);
        SignedCheckpoint covering = log.publishCheckpoint(EPOCH);
        long covered = covering.checkpoint().accumulator().leafCount();
        log.execute(create(nextId()));
        long size = log.head().markerCount();
        assertEquals(ErrorCode.STORE_NOT_FOUND, code(() -> export(-1, 2)));
        assertEquals(ErrorCode.STORE_NOT_FOUND, code(() -> export(0, 0)));
        assertEquals(ErrorCode.STORE_NOT_FOUND, code(() -> export(size - 1, 2)));
        assertEquals(ErrorCode.STORE_NOT_FOUND, code(() -> export(1, Long.MAX_VALUE)));
        CairnException pending = assertThrows(CairnException.class, () -> export(covered - 1, 2));
        assertEquals(ErrorCode.STORE_RECEIPT_PENDING, pending.code());
        assertTrue(pending.retryable());
    }

    @Test
    void anyMixOfAcceptedAndRefusedMutationsKeepsEveryCheckpointConsistentWithTheLast() {
        List<SignedCheckpoint> seen = new ArrayList<>();
        qt().withExamples(25)
                .withShrinkCycles(0)
                .forAll(lists().of(integers().between(0, 4)).ofSizeBetween(1, 12))
                .checkAssert(ops -> {
                    long before = log.head().markerCount();
                    long accepted = 0;
                    for (int op : ops) {
                        long id = nextId();
                        switch (op) {
                            case 0 ->
                                assertEquals(
                                        ErrorCode.TOKEN_SCOPE_MISSING, code(() -> log.execute(refuseAfterWriting(id))));
                            case 1 ->
                                assertEquals(
                                        ErrorCode.STORE_MUTATION_FAILED,
                                        code(() -> log.execute(ctx -> {
                                            throw new SQLException("refused by the database", "23505");
                                        })));
                            default -> {
                                assertEquals(
                                        before + accepted,
                                        log.execute(create(id)).sequence());
                                accepted++;
                            }
                        }
                        if (op == 4) {
                            seen.add(log.publishCheckpoint(EPOCH));
                        }
                    }
                    assertEquals(before + accepted, log.head().markerCount());
                    SignedCheckpoint last = log.publishCheckpoint(EPOCH);
                    Accumulator to = verifyCheckpoint(last).checkpoint().accumulator();
                    for (SignedCheckpoint earlier : seen) {
                        Checkpoint c = verifyCheckpoint(earlier).checkpoint();
                        if (c.size() == to.size()) {
                            assertEquals(to, c.accumulator());
                        } else {
                            MmrVerifier.verifyConsistency(
                                    log.consistencyProof(c.size(), to.size()), c.accumulator(), to);
                        }
                    }
                    seen.add(last);
                    if (accepted > 0) {
                        verifyReceipt(before + accepted - 1);
                    }
                });
        assertTrue(seen.size() >= 25);
    }

    private byte[] export(long first, long count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AuditBundleTrailer trailer = log.exportBundle(out, first, count);
        assertEquals(count, trailer.count());
        return out.toByteArray();
    }

    private static ErrorCode code(Runnable call) {
        return assertThrows(CairnException.class, call::run).code();
    }
}
