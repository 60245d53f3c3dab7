package dev.cairn.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.bytes.Bytes;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborBytes;
import dev.cairn.marker.Marker;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditBundleWriterTest {
    @Test
    void frameHeadsAreTheCanonicalByteStringHeads() {
        for (int length : new int[] {1, 23, 24, 255, 256, 65535, 65536, 4 << 20}) {
            byte[] item = Cbor.encode(CborBytes.of(new byte[length]));
            byte[] head = AuditBundleWriter.frameHead(length);
            assertArrayEquals(Arrays.copyOf(item, item.length - length), head, "length " + length);
        }
    }

    @Test
    void refusesEntriesThatBreakTheRangeOrItsChain(@TempDir Path dir) {
        try (AuditFixtures f = new AuditFixtures(dir).grow(8)) {
            AuditBundleHeader header = f.exporter(f.checkpoint()).build().header(2, 3);
            AuditBundleWriter writer = AuditBundleWriter.start(new ByteArrayOutputStream(), header);
            assertThrows(IllegalStateException.class, writer::finish);
            assertThrows(IllegalArgumentException.class, () -> writer.write(entry(f, 3)));
            Marker two = f.issued.get(2).marker();
            Marker forged = Marker.of(2, two.timeMillis(), two.kind(), two.payloadDigest(), two.hash());
            assertThrows(IllegalArgumentException.class, () -> writer.write(AuditBundleEntry.marker(forged)));
            writer.write(entry(f, 2));
            writer.write(entry(f, 3));
            writer.write(AuditBundleEntry.marker(f.issued.get(4).marker()));
            assertThrows(IllegalStateException.class, () -> writer.write(entry(f, 5)));
            AuditBundleTrailer trailer = writer.finish();
            assertEquals(3, trailer.count());
            assertThrows(IllegalStateException.class, writer::finish);
        }
    }

    @Test
    void theReaderSeesWhatTheWriterWrote(@TempDir Path dir) {
        try (AuditFixtures f = new AuditFixtures(dir).grow(3)) {
            AuditBundleHeader header = f.exporter(f.checkpoint()).build().header(0, 3);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            AuditBundleWriter writer = AuditBundleWriter.start(out, header);
            for (int i = 0; i < 3; i++) {
                writer.write(entry(f, i));
            }
            AuditBundleTrailer trailer = writer.finish();
            try (AuditBundleReader reader = AuditBundleReader.open(new ByteArrayInputStream(out.toByteArray()))) {
                assertEquals(header, reader.header());
                assertArrayEquals(header.encode(), reader.headerItem());
                for (int i = 0; i < 3; i++) {
                    assertEquals(entry(f, i), reader.next().orElseThrow());
                }
                assertEquals(trailer, reader.next().orElseThrow());
                assertEquals(out.size(), reader.position());
            }
        }
    }

    private static AuditBundleEntry entry(AuditFixtures f, int seq) {
        return AuditBundleEntry.receipt(
                f.issued.get(seq).marker(),
                Bytes.copyOf(f.issued.get(seq).signed().toByteArray()));
    }
}
