package dev.cairn.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditBundleReaderTest {
    /** A stream that hands out its bytes in pieces of random sizes, as pipes and sockets do. */
    private static InputStream choppy(byte[] bytes, long seed) {
        Random random = new Random(seed);
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + random.nextInt(700)));
            }
        };
    }

    private static byte[] bundle(Path dir, int size) {
        try (AuditFixtures f = new AuditFixtures(dir).grow(size)) {
            return AuditFixtures.export(f.exporter(f.checkpoint()).build(), 0, size);
        }
    }

    private static List<byte[]> oneByOne(byte[] bundle) {
        List<byte[]> frames = new ArrayList<>();
        try (AuditBundleReader reader = AuditBundleReader.open(new ByteArrayInputStream(bundle))) {
            byte[] buffer = new byte[AuditBundleFormat.MAX_ENTRY_BYTES];
            for (int n; (n = reader.readFrame(buffer, 0, buffer.length)) >= 0; ) {
                frames.add(Arrays.copyOf(buffer, n));
            }
        }
        return frames;
    }

    @Test
    void batchesOfFramesAreTheFramesOneByOneWhateverTheStreamHandsOut(@TempDir Path dir) {
        // 250 entries take about 110 KB, more than one batch holds: frames straddle every boundary.
        byte[] bundle = bundle(dir, 250);
        List<byte[]> expected = oneByOne(bundle);
        int room = AuditBundleFormat.MAX_ENTRY_BYTES + 9;
        qt().withExamples(200)
                .forAll(
                        longs().all(),
                        integers().between(room, room + 20_000),
                        integers().between(1, 40))
                .checkAssert((seed, capacity, maxFrames) -> {
                    List<byte[]> got = new ArrayList<>();
                    try (AuditBundleReader reader = AuditBundleReader.open(choppy(bundle, seed))) {
                        byte[] target = new byte[capacity + 7];
                        int[] starts = new int[maxFrames];
                        int[] lengths = new int[maxFrames];
                        for (int n;
                                (n = reader.readFrames(target, 7, capacity, maxFrames, room - 9, starts, lengths))
                                        >= 0; ) {
                            for (int k = 0; k < n; k++) {
                                got.add(Arrays.copyOfRange(target, starts[k], starts[k] + lengths[k]));
                            }
                        }
                        assertEquals(bundle.length, reader.position());
                    }
                    assertEquals(expected.size(), got.size());
                    for (int k = 0; k < got.size(); k++) {
                        assertArrayEquals(expected.get(k), got.get(k));
                    }
                });
    }

    @Test
    void aBadFrameAfterGoodOnesComesInTheNextBatchWithItsOffset(@TempDir Path dir) {
        byte[] good = bundle(dir, 3);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(good, 0, good.length);
        int bad = out.size();
        out.write(0x7f);
        try (AuditBundleReader reader = AuditBundleReader.open(choppy(out.toByteArray(), 5))) {
            byte[] target = new byte[1 << 17];
            int[] starts = new int[64];
            int[] lengths = new int[64];
            assertEquals(4, reader.readFrames(target, 0, target.length, 64, 1 << 16, starts, lengths));
            MalformedInputException e = assertThrows(
                    MalformedInputException.class,
                    () -> reader.readFrames(target, 0, target.length, 64, 1 << 16, starts, lengths));
            assertEquals(ErrorCode.AUDIT_BUNDLE_MALFORMED, e.code());
            assertEquals(bad, e.offset().orElseThrow());
        }
    }

    @Test
    void theStreamEndingInsideAFrameIsMalformedAndBetweenFramesTheEnd(@TempDir Path dir) {
        byte[] good = bundle(dir, 2);
        byte[] target = new byte[1 << 17];
        int[] starts = new int[8];
        int[] lengths = new int[8];
        try (AuditBundleReader reader = AuditBundleReader.open(new ByteArrayInputStream(good))) {
            assertEquals(3, reader.readFrames(target, 0, target.length, 8, 1 << 16, starts, lengths));
            assertEquals(-1, reader.readFrames(target, 0, target.length, 8, 1 << 16, starts, lengths));
        }
        byte[] cut = Arrays.copyOf(good, good.length - 10);
        try (AuditBundleReader reader = AuditBundleReader.open(choppy(cut, 9))) {
            assertEquals(2, reader.readFrames(target, 0, target.length, 8, 1 << 16, starts, lengths));
            CairnException e = assertThrows(
                    CairnException.class,
                    () -> reader.readFrames(target, 0, target.length, 8, 1 << 16, starts, lengths));
            assertEquals(ErrorCode.AUDIT_BUNDLE_MALFORMED, e.code());
        }
    }

    @Test
    void readFramesNeedsRoomForTheLargestFrame(@TempDir Path dir) {
        try (AuditBundleReader reader = AuditBundleReader.open(new ByteArrayInputStream(bundle(dir, 1)))) {
            assertThrows(
                    IllegalArgumentException.class,
                    () -> reader.readFrames(new byte[100], 0, 100, 1, 1 << 16, new int[1], new int[1]));
        }
    }
}
