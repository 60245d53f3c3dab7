package dev.cairn.marker;

import static dev.cairn.marker.MarkerFixtures.T0;
import static dev.cairn.marker.MarkerFixtures.payload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.errors.VerificationException;
import dev.cairn.marker.MarkerFixtures.TestClock;
import dev.cairn.marker.RecoveryReport.Reason;
import dev.cairn.marker.internal.BulkAppender;
import dev.cairn.marker.internal.ChainWriter;
import dev.cairn.marker.internal.RecordCodec;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening cuts a torn tail, reports it, and refuses to cut acknowledged markers. */
class RecoveryTest {
    private static final int RECORD = RecordCodec.SIZE;

    @TempDir
    Path root;

    private final TestClock clock = new TestClock(T0);
    private int fresh;

    /** A new stream directory with {@code count} markers, each appended (and forced) on its own. */
    private Path stream(int count, int segmentRecords) {
        Path dir = root.resolve("s" + fresh++);
        try (SegmentMarkerStream stream = SegmentMarkerStream.builder(dir, clock)
                .segmentRecords(segmentRecords)
                .open()) {
            for (int i = 0; i < count; i++) {
                clock.advance(1);
                stream.append("k", payload(i));
            }
        }
        return dir;
    }

    private SegmentMarkerStream open(Path dir) {
        return SegmentMarkerStream.builder(dir, clock).segmentRecords(64).open();
    }

    private static Path segment(Path dir, long first) {
        return dir.resolve(String.format("%020d.seg", first));
    }

    private static long offset(long seqInSegment) {
        return RECORD * (1 + seqInSegment);
    }

    /** Reopens, checks the report, appends once more and verifies the whole chain. */
    private void assertRecovers(Path dir, Reason reason, long recordsCut, long bytesCut, long size) {
        try (SegmentMarkerStream stream = open(dir)) {
            assertEquals(new RecoveryReport(reason, recordsCut, bytesCut, size), stream.recoveryReport());
            assertEquals(size, stream.size());
            assertEquals(size, stream.append("after", payload(-1)).seq());
            assertEquals(size + 1, ChainVerifier.verify(stream).toExclusive());
        }
        try (SegmentMarkerStream stream = open(dir)) {
            assertEquals(RecoveryReport.clean(size + 1), stream.recoveryReport());
        }
    }

    private <E extends CairnException> E assertOpenFails(Class<E> type, Path dir, ErrorCode code) {
        long before = sizeOf(segment(dir, 0));
        E e = assertThrows(type, () -> open(dir));
        assertEquals(code, e.code());
        assertEquals(before, sizeOf(segment(dir, 0)), "a failed open must not cut anything");
        return e;
    }

    @Test
    void truncatingTheLastRecordAtEveryByteOffsetCutsItsRemains() {
        Path pristine = stream(10, 64);
        for (int keep = 0; keep < RECORD; keep++) {
            Path dir = copy(pristine);
            truncate(segment(dir, 0), offset(9) + keep);
            if (keep == 0) {
                assertRecovers(dir, Reason.NONE, 0, 0, 9);
            } else {
                assertRecovers(dir, Reason.PARTIAL_RECORD, 0, keep, 9);
            }
        }
    }

    @Test
    void aDamagedChecksumInTheLastRecordCutsIt() {
        Path pristine = stream(10, 64);
        for (int i = RecordCodec.SIZE - 4; i < RecordCodec.SIZE; i++) {
            Path dir = copy(pristine);
            flip(segment(dir, 0), offset(9) + i);
            assertRecovers(dir, Reason.DAMAGED_RECORD, 1, RECORD, 9);
        }
    }

    @Test
    void zerosAfterTheLastRecordAreCut() {
        Path dir = stream(10, 64);
        append(segment(dir, 0), new byte[3 * RECORD + 17]);
        assertRecovers(dir, Reason.DAMAGED_RECORD, 3, 3 * RECORD + 17, 10);
    }

    @Test
    void damageInAnAcknowledgedRecordFailsTheOpen() {
        Path pristine = stream(10, 64);
        for (long at : new long[] {0, 8, 100, RECORD - 1}) {
            Path dir = copy(pristine);
            flip(segment(dir, 0), offset(4) + at);
            MalformedInputException e = assertOpenFails(MalformedInputException.class, dir, ErrorCode.MARKER_MALFORMED);
            assertEquals("4", e.details().get("seq"));
        }
    }

    @Test
    void aBrokenLinkInTheMiddleFailsTheOpenAndAtTheTailIsCut() {
        Path pristine = stream(10, 64);
        Path middle = copy(pristine);
        Marker forged = Marker.of(4, T0 + 4, "k", payload(4), payload(12345));
        write(segment(middle, 0), offset(4), RecordCodec.encode(forged, 4));
        assertOpenFails(VerificationException.class, middle, ErrorCode.MARKER_CHAIN_BROKEN);

        Path tail = copy(pristine);
        Marker forgedTail = Marker.of(9, T0 + 9, "k", payload(9), payload(12345));
        write(segment(tail, 0), offset(9), RecordCodec.encode(forgedTail, 9));
        assertRecovers(tail, Reason.BROKEN_CHAIN, 1, RECORD, 9);

        Path misplaced = copy(pristine);
        write(segment(misplaced, 0), offset(9), readRecord(segment(misplaced, 0), offset(8)));
        assertRecovers(misplaced, Reason.BROKEN_CHAIN, 1, RECORD, 9);
    }

    @Test
    void aHoleInsideTheLastWriteBatchIsATornTailAndIsCut() {
        Path dir = stream(5, 64);
        // One batch of 10 (sequences 5..14), then a hole at 8: 9..14 are valid but unreachable.
        BulkAppender.append(dir, 64, 10, seq -> new ChainWriter.Entry("bulk", payload(seq), T0 + seq));
        write(segment(dir, 0), offset(8), new byte[RECORD]);
        assertRecovers(dir, Reason.DAMAGED_RECORD, 7, 7 * RECORD, 8);
    }

    @Test
    void aHoleBeforeALaterBatchIsDamageToAcknowledgedMarkers() {
        Path dir = stream(5, 64);
        BulkAppender.append(dir, 64, 10, seq -> new ChainWriter.Entry("bulk", payload(seq), T0 + seq));
        BulkAppender.append(dir, 64, 1, seq -> new ChainWriter.Entry("later", payload(seq), T0 + seq));
        write(segment(dir, 0), offset(8), new byte[RECORD]);
        assertOpenFails(MalformedInputException.class, dir, ErrorCode.MARKER_MALFORMED);
    }

    @Test
    void aSegmentFileWhoseCreationDidNotCompleteIsRemoved() {
        Path pristine = stream(8, 4);
        Path empty = copy(pristine);
        write(segment(empty, 8), 0, new byte[0]);
        assertRecoversWithSegments(empty, 0);

        Path partial = copy(pristine);
        write(segment(partial, 8), 0, new byte[100]);
        assertRecoversWithSegments(partial, 100);
    }

    private void assertRecoversWithSegments(Path dir, long tornBytes) {
        try (SegmentMarkerStream stream = SegmentMarkerStream.open(dir, clock)) {
            assertEquals(new RecoveryReport(Reason.TORN_SEGMENT, 0, tornBytes, 8), stream.recoveryReport());
            assertFalse(Files.exists(segment(dir, 8)));
            assertEquals(8, stream.append("after", payload(8)).seq());
            assertEquals(9, ChainVerifier.verify(stream).toExclusive());
        }
    }

    @Test
    void damagedSealedSegmentsFailTheOpen() {
        Path pristine = stream(10, 4);
        Path shortSealed = copy(pristine);
        truncate(segment(shortSealed, 4), offset(3));
        assertOpenFails(MalformedInputException.class, shortSealed, ErrorCode.MARKER_MALFORMED);

        Path gap = copy(pristine);
        delete(segment(gap, 4));
        assertOpenFails(MalformedInputException.class, gap, ErrorCode.MARKER_MALFORMED);

        Path badHeader = copy(pristine);
        flip(segment(badHeader, 4), 20);
        assertOpenFails(MalformedInputException.class, badHeader, ErrorCode.MARKER_MALFORMED);

        Path tornAfterShort = copy(pristine);
        truncate(segment(tornAfterShort, 8), offset(0));
        write(segment(tornAfterShort, 12), 0, new byte[0]);
        assertOpenFails(MalformedInputException.class, tornAfterShort, ErrorCode.MARKER_MALFORMED);
    }

    @Test
    void theLastMarkerOfTheSealedSegmentAnchorsTheNextSegment() {
        Path dir = stream(6, 4);
        Marker forged = Marker.of(4, T0 + 5, "k", payload(4), payload(777));
        write(segment(dir, 4), offset(0), RecordCodec.encode(forged, 4));
        write(segment(dir, 4), offset(1), RecordCodec.encode(Marker.of(5, T0 + 6, "k", payload(5), forged.hash()), 5));
        assertOpenFails(VerificationException.class, dir, ErrorCode.MARKER_CHAIN_BROKEN);
    }

    private Path copy(Path source) {
        Path target = root.resolve("s" + fresh++);
        try {
            Files.createDirectories(target);
            for (Path file : List.of(source.toFile().listFiles()).stream()
                    .map(f -> f.toPath())
                    .toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return target;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void truncate(Path file, long length) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(length);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void flip(Path file, long position) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(position);
            int b = raf.read();
            raf.seek(position);
            raf.write(b ^ 0x01);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void write(Path file, long position, byte[] bytes) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(position);
            raf.write(bytes);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void append(Path file, byte[] bytes) {
        write(file, sizeOf(file), bytes);
    }

    private static byte[] readRecord(Path file, long position) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            byte[] bytes = new byte[RECORD];
            raf.seek(position);
            raf.readFully(bytes);
            return bytes;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
