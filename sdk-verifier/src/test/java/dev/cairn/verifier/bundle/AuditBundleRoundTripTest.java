package dev.cairn.verifier.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.audit.AuditBundleExporter;
import dev.cairn.bytes.Bytes;
import dev.cairn.checkpoint.VerifiedCheckpoint;
import dev.cairn.keys.KeySet;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.receipt.SignedCheckpoint;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditBundleRoundTripTest {
    private static VerifiedAuditBundle verify(TestLog t, byte[] bundle) {
        return t.verifier().build().verify(new ByteArrayInputStream(bundle));
    }

    private static void assertRange(TestLog t, VerifiedAuditBundle v, long first, long count, SignedCheckpoint c) {
        assertEquals(TestLog.LOG, v.logId());
        assertEquals(first, v.first());
        assertEquals(count, v.count());
        assertEquals(count, v.receipts());
        assertEquals(t.issued.get((int) (first + count - 1)).marker().hash(), v.head());
        assertEquals(c.checkpoint(), v.checkpoint().checkpoint());
        assertEquals(1 + v.olderCheckpoints().size(), v.signaturesVerified());
    }

    @Test
    void rangesAtTheStartInTheMiddleAndAtTheEndOfALog(@TempDir Path dir) {
        try (TestLog t = TestLog.open(dir).grow(25)) {
            SignedCheckpoint at25 = t.checkpoint();
            t.grow(37);
            SignedCheckpoint at37 = t.checkpoint();
            int[][] ranges = {{0, 37}, {0, 1}, {0, 10}, {10, 17}, {16, 16}, {36, 1}, {20, 17}, {31, 6}};
            for (int[] r : ranges) {
                assertRange(t, verify(t, t.export(r[0], r[1], at37)), r[0], r[1], at37);
            }
            for (int[] r : new int[][] {{0, 25}, {24, 1}, {3, 9}, {8, 17}}) {
                assertRange(t, verify(t, t.export(r[0], r[1], at25)), r[0], r[1], at25);
            }
        }
    }

    @Test
    void aChainOfOlderCheckpointsIsVerifiedLinkByLink(@TempDir Path dir) {
        try (TestLog t = TestLog.open(dir).grow(3)) {
            List<SignedCheckpoint> older = new ArrayList<>();
            older.add(t.checkpoint());
            older.add(t.checkpoint());
            t.grow(10);
            older.add(t.checkpoint());
            t.grow(20);
            older.add(t.checkpoint());
            t.grow(30);
            SignedCheckpoint covering = t.checkpoint();
            VerifiedAuditBundle v = verify(t, t.export(12, 9, covering, older));
            assertRange(t, v, 12, 9, covering);
            assertEquals(
                    older.stream().map(SignedCheckpoint::checkpoint).toList(),
                    v.olderCheckpoints().stream()
                            .map(VerifiedCheckpoint::checkpoint)
                            .toList());
            assertEquals(5, v.signaturesVerified());
        }
    }

    @Test
    void markersWithoutStatementsAreVerifiedAsMarkers(@TempDir Path dir) {
        try (TestLog t = TestLog.open(dir).grow(12)) {
            AuditBundleExporter exporter = t.exporter(t.checkpoint())
                    .statements(seq -> seq % 3 == 1
                            ? Optional.empty()
                            : Optional.of(t.issued.get((int) seq).signed()))
                    .build();
            VerifiedAuditBundle v = verify(t, TestLog.export(exporter, 2, 9));
            assertEquals(9, v.count());
            assertEquals(6, v.receipts());
        }
    }

    @Test
    void aBundleOfManyChunksVerifiesTheSameWithAnyParallelismAndReportsProgress(@TempDir Path dir) {
        SigningKey key = SigningKey.generate(KeyType.ED25519, new SecureRandom());
        Path file = dir.resolve("bundle");
        SyntheticBundle.write(file, key, 5000);
        try (TestLog t = TestLog.open(dir.resolve("log"), key)) {
            Bytes head = null;
            for (int threads = 1; threads <= 3; threads++) {
                List<long[]> progress = new ArrayList<>();
                VerifiedAuditBundle v = t.verifier()
                        .parallelism(threads)
                        .progressListener((done, total) -> progress.add(new long[] {done, total}))
                        .build()
                        .verify(file);
                assertEquals(5000, v.receipts());
                assertEquals(1, v.signaturesVerified());
                head = head == null ? v.head().bytes() : head;
                assertEquals(head, v.head().bytes());
                assertTrue(progress.size() >= 5, "one report per chunk of at most 1024 entries");
                for (int k = 1; k < progress.size(); k++) {
                    assertTrue(progress.get(k)[0] > progress.get(k - 1)[0]);
                }
                assertEquals(5000, progress.get(progress.size() - 1)[0]);
                assertEquals(5000, progress.get(0)[1]);
            }
        }
    }

    @Test
    void pinnedKidsTrustTheKeysTheBundleCarries(@TempDir Path dir) throws Exception {
        try (TestLog t = TestLog.open(dir).grow(6)) {
            byte[] bundle = t.export(1, 4, t.checkpoint());
            Path file = Files.write(dir.resolve("b"), bundle);
            VerifiedAuditBundle v = AuditBundleVerifier.builder()
                    .trustedLogKeyIds(List.of(t.key.verificationKey().kid()))
                    .expectLogId(TestLog.LOG)
                    .clock(TestLog.NOW)
                    .build()
                    .verify(file);
            assertEquals(4, v.receipts());
            assertEquals(t.key.verificationKey(), v.checkpoint().signer());
        }
    }

    @Test
    void everyTrustSourceCombines(@TempDir Path dir) {
        try (TestLog t = TestLog.open(dir).grow(4)) {
            byte[] bundle = t.export(0, 4, t.checkpoint());
            SigningKey other = SigningKey.generate(KeyType.P256, new SecureRandom());
            VerifiedAuditBundle v = t.verifier()
                    .trustedLogKeys(KeySet.of(other.verificationKey()))
                    .trustedLogKeyIds(List.of(other.verificationKey().kid()))
                    .build()
                    .verify(new ByteArrayInputStream(bundle));
            assertEquals(4, v.count());
        }
    }
}
