package dev.cairn.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.bytes.Bytes;
import dev.cairn.checkpoint.LogId;
import dev.cairn.marker.Marker;
import dev.cairn.marker.MarkerStream;
import dev.cairn.mmr.CompactMmr;
import dev.cairn.mmr.InclusionProof;
import dev.cairn.mmr.Mmr;
import dev.cairn.mmr.MmrMath;
import dev.cairn.mmr.MmrVerifier;
import dev.cairn.receipt.SignedCheckpoint;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditBundleExporterTest {
    @Test
    void everyRangeReadsBackAsTheLogsMarkersAndStatementsWithProofsThatHold(@TempDir Path dir) {
        try (AuditFixtures f = new AuditFixtures(dir).grow(23)) {
            SignedCheckpoint covering = f.checkpoint();
            AuditBundleExporter exporter = f.exporter(covering).build();
            for (int first = 0; first < 23; first += 3) {
                for (int count = 1; first + count <= 23; count += 4) {
                    readBack(f, exporter, covering, first, count);
                }
            }
        }
    }

    private static void readBack(
            AuditFixtures f, AuditBundleExporter exporter, SignedCheckpoint covering, int first, int count) {
        byte[] bundle = AuditFixtures.export(exporter, first, count);
        try (AuditBundleReader reader = AuditBundleReader.open(new ByteArrayInputStream(bundle))) {
            AuditBundleHeader h = reader.header();
            assertEquals(first, h.first());
            assertEquals(count, h.count());
            assertEquals(covering.signed(), h.checkpoint());
            CompactMmr mmr = CompactMmr.from(h.start());
            if (first > 0) {
                MmrVerifier.verifyConsistency(
                        h.startProof().orElseThrow(),
                        h.start(),
                        covering.checkpoint().accumulator());
                Marker anchor = h.anchor().orElseThrow().marker();
                assertEquals(f.issued.get(first - 1).marker(), anchor);
                MmrVerifier.verifyInclusion(
                        new InclusionProof(
                                MmrMath.leafIndex(first - 1), h.anchor().get().path()),
                        anchor.hash(),
                        h.start());
            }
            Marker last = null;
            for (int i = 0; i < count; i++) {
                AuditBundleEntry entry = (AuditBundleEntry) reader.next().orElseThrow();
                assertEquals(f.issued.get(first + i).marker(), entry.marker());
                assertEquals(Optional.of(f.issued.get(first + i).signed()), entry.statement());
                mmr.append(entry.marker().hash());
                last = entry.marker();
            }
            if (h.endProof().isPresent()) {
                MmrVerifier.verifyConsistency(
                        h.endProof().get(),
                        mmr.accumulator(),
                        covering.checkpoint().accumulator());
            } else {
                assertEquals(covering.checkpoint().accumulator(), mmr.accumulator());
            }
            AuditBundleTrailer trailer = (AuditBundleTrailer) reader.next().orElseThrow();
            assertEquals(
                    new AuditBundleTrailer(count, AuditBundleTrailer.digest(reader.headerItem(), last.hash())),
                    trailer);
            assertTrue(reader.next().isEmpty());
            reader.requireEnd();
        }
    }

    @Test
    void theLogsViewsCannotBeCastBackToWhatAppends(@TempDir Path dir) {
        try (AuditFixtures f = new AuditFixtures(dir).grow(2)) {
            assertFalse(f.log.markers() instanceof MarkerStream);
            assertFalse(f.log.proofs() instanceof Mmr);
            assertEquals(2, f.log.markers().size());
            assertEquals(f.issued.get(1).marker(), f.log.markers().head().orElseThrow());
            assertEquals(3, f.log.proofs().size());
        }
    }

    @Test
    void markersWithoutAStatementBecomeMarkerEntries(@TempDir Path dir) {
        try (AuditFixtures f = new AuditFixtures(dir).grow(6)) {
            AuditBundleExporter exporter = f.exporter(f.checkpoint())
                    .statements(seq ->
                            seq % 2 == 0 ? Optional.of(f.issued.get((int) seq).signed()) : Optional.empty())
                    .build();
            byte[] bundle = AuditFixtures.export(exporter, 0, 6);
            try (AuditBundleReader reader = AuditBundleReader.open(new ByteArrayInputStream(bundle))) {
                for (int i = 0; i < 6; i++) {
                    AuditBundleEntry entry = (AuditBundleEntry) reader.next().orElseThrow();
                    assertEquals(i % 2 == 0, entry.statement().isPresent());
                    assertEquals(f.issued.get(i).marker(), entry.marker());
                }
            }
        }
    }

    @Test
    void olderCheckpointsChainToTheCoveringOneWithAProofExactlyWhenTheSizeGrows(@TempDir Path dir) {
        try (AuditFixtures f = new AuditFixtures(dir).grow(3)) {
            List<SignedCheckpoint> older = new ArrayList<>();
            older.add(f.checkpoint());
            older.add(f.checkpoint());
            f.grow(9);
            older.add(f.checkpoint());
            f.grow(14);
            AuditBundleHeader h =
                    f.exporter(f.checkpoint()).olderCheckpoints(older).build().header(4, 5);
            assertEquals(3, h.olderCheckpoints().size());
            assertFalse(h.olderCheckpoints().get(0).toNext().isPresent());
            assertTrue(h.olderCheckpoints().get(1).toNext().isPresent());
            assertTrue(h.olderCheckpoints().get(2).toNext().isPresent());
        }
    }

    @Test
    void refusesWhatWouldNotVerify(@TempDir Path dir) {
        try (AuditFixtures f = new AuditFixtures(dir).grow(5)) {
            SignedCheckpoint five = f.checkpoint();
            f.grow(8);
            SignedCheckpoint eight = f.checkpoint();
            assertThrows(
                    IllegalArgumentException.class,
                    () -> f.exporter(five).build().header(3, 3));
            assertThrows(
                    IllegalArgumentException.class,
                    () -> f.exporter(eight).build().header(0, 0));
            assertThrows(
                    IllegalArgumentException.class,
                    () -> f.exporter(five)
                            .olderCheckpoints(List.of(eight))
                            .build()
                            .header(0, 5));
            assertThrows(
                    IllegalArgumentException.class,
                    () -> AuditBundleExporter.builder(new LogId("other.example/audit"), f.log.markers(), f.log.proofs())
                            .checkpoint(eight)
                            .logKeys(List.of(f.key.verificationKey()))
                            .build()
                            .header(0, 8));
            AuditBundleExporter wrongStatement = f.exporter(eight)
                    .statements(seq -> Optional.of(Bytes.copyOf(new byte[] {1, 2, 3})))
                    .build();
            assertThrows(IllegalArgumentException.class, () -> AuditFixtures.export(wrongStatement, 0, 8));
            assertThrows(
                    IllegalStateException.class,
                    () -> AuditBundleExporter.builder(f.log).build());
            assertThrows(
                    IllegalStateException.class,
                    () -> AuditBundleExporter.builder(f.log).checkpoint(eight).build());
        }
    }
}
