package dev.cairn.server.store.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.bytes.Bytes;
import dev.cairn.checkpoint.Checkpoint;
import dev.cairn.checkpoint.CheckpointSigner;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.marker.ChainVerifier;
import dev.cairn.marker.Marker;
import dev.cairn.mmr.Accumulator;
import dev.cairn.mmr.MmrMath;
import dev.cairn.mmr.MmrVerifier;
import dev.cairn.receipt.SignedCheckpoint;
import dev.cairn.server.store.Database;
import dev.cairn.server.store.MutableClock;
import dev.cairn.server.store.Stores;
import dev.cairn.server.store.marker.JdbcMarkerStream;
import dev.cairn.server.store.marker.LogHead;
import dev.cairn.testsupport.TestDataSource;
import dev.cairn.testsupport.TestDatabases;
import dev.cairn.verifier.bundle.AuditBundleVerifier;
import dev.cairn.verifier.bundle.VerifiedAuditBundle;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Several audit logs on one database (replicas), markers appended without the audit log, and what
 * opening repairs or refuses, on each engine.
 */
abstract class AuditReplicaContract extends AuditFixture {

    @Test
    void twoReplicasOnOneDatabaseMakeOneDenseChainedLogAndEachProvesAllOfIt() throws Exception {
        try (Database second = Stores.open(source);
                AuditLog replica = AuditLog.open(second, config().build())) {
            LogHead before = log.head();
            int threadsEach = 4;
            int each = 100;
            Set<Long> seqs = ConcurrentHashMap.newKeySet();
            ExecutorService pool = Executors.newFixedThreadPool(2 * threadsEach);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 2 * threadsEach; t++) {
                AuditLog target = t % 2 == 0 ? log : replica;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        long id = nextId();
                        long seq = target.execute(create(id)).sequence();
                        assertTrue(seqs.add(seq), "sequence assigned twice: " + seq);
                        assertEquals(seq, itemSeq(id));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(300, TimeUnit.SECONDS);
            }
            pool.shutdown();
            long end = before.markerCount() + 2L * threadsEach * each;
            assertEquals(end, log.head().markerCount());
            assertEquals(log.head(), replica.head());
            for (long s = before.markerCount(); s < end; s++) {
                assertTrue(seqs.contains(s), "missing " + s);
                assertEquals(s, replica.statement(s).statement().sequence());
            }
            ChainVerifier.verify(log.markers());
            ChainVerifier.verify(replica.markers());
            assertTrue(
                    log.stats().reloads() + replica.stats().reloads() > 2,
                    "the writers never saw each other's appends: " + log.stats() + " " + replica.stats());

            SignedCheckpoint checkpoint = log.publishCheckpoint(EPOCH);
            Accumulator trusted = verifyCheckpoint(checkpoint).checkpoint().accumulator();
            assertEquals(end, trusted.leafCount());
            for (long s = before.markerCount(); s < end; s += 7) {
                Marker m = replica.marker(s);
                MmrVerifier.verifyInclusion(replica.inclusionProof(s, trusted.size()), m.hash(), trusted);
                assertEquals(
                        s,
                        receiptVerifier()
                                .verify(replica.receipt(s).encode())
                                .marker()
                                .seq());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            replica.exportBundle(out, before.markerCount(), end - before.markerCount());
            VerifiedAuditBundle bundle = AuditBundleVerifier.builder()
                    .trustedLogKeys(keys())
                    .expectLogId(LOG)
                    .build()
                    .verify(new ByteArrayInputStream(out.toByteArray()));
            assertEquals(end - before.markerCount(), bundle.receipts());
        }
    }

    @Test
    void markersAppendedWithoutTheAuditLogAreIntegratedByItsNextBatch() {
        log.execute(create(nextId())); // the writer's view is not empty: integration starts past 0
        long first = log.head().markerCount();
        try (JdbcMarkerStream raw =
                JdbcMarkerStream.open(db, new MutableClock(Instant.now().toEpochMilli()))) {
            for (int i = 0; i < 3; i++) {
                raw.append("raw.marker", digest("raw " + i));
            }
        }
        LogHead lagging = log.head();
        assertEquals(first + 3, lagging.markerCount());
        assertEquals(MmrMath.sizeForLeafCount(first), lagging.mmrSize(), "the stream alone does not integrate");
        long seq = log.execute(create(nextId())).sequence();
        assertEquals(first + 3, seq);
        assertEquals(MmrMath.sizeForLeafCount(seq + 1), log.head().mmrSize());
        assertEquals(ErrorCode.STORE_NOT_FOUND, code(() -> log.statement(first)));
        SignedCheckpoint checkpoint = log.publishCheckpoint(EPOCH);
        Accumulator trusted = checkpoint.checkpoint().accumulator();
        for (long s = first; s <= seq; s++) {
            MmrVerifier.verifyInclusion(
                    log.inclusionProof(s, trusted.size()), log.marker(s).hash(), trusted);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        log.exportBundle(out, first, 4);
        VerifiedAuditBundle bundle = AuditBundleVerifier.builder()
                .trustedLogKeys(keys())
                .expectLogId(LOG)
                .build()
                .verify(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(4, bundle.count());
        assertEquals(1, bundle.receipts());
    }

    @Test
    void openingRebuildsMissingMmrNodesFromTheStream() {
        try (TestDataSource fresh = TestDatabases.create(source.kind(), "rebuild");
                Database d = Stores.open(fresh)) {
            createItems(d);
            SignedCheckpoint checkpoint;
            try (AuditLog a = AuditLog.open(d, config().build())) {
                assertEquals(new AuditRecovery(0, 0, false), a.recovery());
                for (int i = 0; i < 50; i++) {
                    a.execute(create(nextId()));
                }
                checkpoint = a.publishCheckpoint(EPOCH);
            }
            d.inTransaction(c -> {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM audit_mmr_nodes WHERE idx >= 37")) {
                    return s.executeUpdate();
                }
            });
            try (AuditLog b = AuditLog.open(d, config().build())) {
                assertEquals(new AuditRecovery(50, 50, true), b.recovery());
                Accumulator trusted = checkpoint.checkpoint().accumulator();
                assertEquals(trusted, b.proofs().accumulator(trusted.size()));
                for (long s = 0; s < 50; s++) {
                    MmrVerifier.verifyInclusion(
                            b.inclusionProof(s, trusted.size()), b.marker(s).hash(), trusted);
                }
                assertEquals(50, b.execute(create(nextId())).sequence());
            }
            try (AuditLog c = AuditLog.open(d, config().build())) {
                assertEquals(new AuditRecovery(51, 0, false), c.recovery());
            }
        }
    }

    @Test
    void openingRefusesACheckpointTheMmrDoesNotHave() {
        try (TestDataSource fresh = TestDatabases.create(source.kind(), "forged");
                Database d = Stores.open(fresh)) {
            createItems(d);
            try (AuditLog a = AuditLog.open(d, config().build())) {
                for (int i = 0; i < 5; i++) {
                    a.execute(create(nextId()));
                }
                a.publishCheckpoint(EPOCH);
            }
            // A checkpoint signed with the log's own key, of a size the log never reached.
            Accumulator ahead = new Accumulator(MmrMath.sizeForLeafCount(8), List.of(digest("peak")));
            Checkpoint forged =
                    new Checkpoint(LOG, ahead, EPOCH, Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
            Bytes signed = Bytes.copyOf(new CheckpointSigner(key).sign(forged));
            d.inTransaction(c -> {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO audit_checkpoints (id, mmr_size, epoch,"
                        + " time_ms, signed) VALUES (100, ?, ?, ?, ?)")) {
                    s.setLong(1, forged.size());
                    s.setLong(2, EPOCH);
                    s.setLong(3, forged.time().toEpochMilli());
                    s.setBytes(4, signed.toByteArray());
                    return s.executeUpdate();
                }
            });
            CairnException e = assertThrows(CairnException.class, () -> AuditLog.open(d, config().build()));
            assertEquals(ErrorCode.STORE_INCONSISTENT, e.code(), e.getMessage());
        }
    }

    @Test
    void aTamperedMarkerChainStopsTheWriterInsteadOfExtendingIt() {
        try (TestDataSource fresh = TestDatabases.create(source.kind(), "tampered");
                Database d = Stores.open(fresh)) {
            createItems(d);
            try (AuditLog a = AuditLog.open(d, config().build());
                    JdbcMarkerStream raw = JdbcMarkerStream.open(
                            d, new MutableClock(Instant.now().toEpochMilli()))) {
                a.execute(create(nextId()));
                raw.append("raw.marker", digest("raw"));
                Marker original = raw.get(1);
                Marker forged =
                        Marker.of(1, original.timeMillis(), "raw.marker", digest("other"), digest("wrong prev"));
                d.inTransaction(c -> {
                    try (PreparedStatement s = c.prepareStatement("UPDATE audit_markers SET payload_digest = ?,"
                            + " prev_hash = ?, hash = ? WHERE seq = 1")) {
                        s.setBytes(1, forged.payloadDigest().toByteArray());
                        s.setBytes(2, forged.prevHash().toByteArray());
                        s.setBytes(3, forged.hash().toByteArray());
                        return s.executeUpdate();
                    }
                });
                long id = nextId();
                CairnException e = assertThrows(CairnException.class, () -> a.execute(create(id)));
                assertEquals(ErrorCode.STORE_INCONSISTENT, e.code(), e.getMessage());
                assertFalse(itemExistsIn(d, id));
                assertEquals(2, a.head().markerCount());
            }
        }
    }

    private static boolean itemExistsIn(Database d, long id) {
        return d.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM test_items WHERE id = ?")) {
                s.setLong(1, id);
                try (var rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1) == 1;
                }
            }
        });
    }

    private static ErrorCode code(Runnable call) {
        return assertThrows(CairnException.class, call::run).code();
    }
}
