package dev.cairn.marker;

import static dev.cairn.marker.MarkerFixtures.T0;
import static dev.cairn.marker.MarkerFixtures.payload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.bytes.Digest;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.errors.VerificationException;
import dev.cairn.marker.MarkerFixtures.TestClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Append, read and look up through the segment-file backend, one appender at a time. */
class SegmentMarkerStreamTest {
    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(T0);

    private SegmentMarkerStream open() {
        return SegmentMarkerStream.builder(dir, clock).segmentRecords(4).open();
    }

    @Test
    void appendsAreDenseChainedAndReadable() {
        List<Marker> appended = new ArrayList<>();
        try (SegmentMarkerStream stream = open()) {
            assertEquals(0, stream.size());
            assertEquals(Optional.empty(), stream.head());
            for (int i = 0; i < 11; i++) {
                clock.advance(7);
                Marker marker = stream.append("k" + i, payload(i));
                assertEquals(i, marker.seq());
                assertEquals(T0 + 7L * (i + 1), marker.timeMillis());
                assertEquals("k" + i, marker.kind());
                assertEquals(payload(i), marker.payloadDigest());
                Digest expectedPrev =
                        i == 0 ? Marker.GENESIS_PREV_HASH : appended.get(i - 1).hash();
                assertEquals(expectedPrev, marker.prevHash());
                assertEquals(i + 1, stream.size());
                assertEquals(Optional.of(marker), stream.head());
                appended.add(marker);
            }
            for (int i = 0; i < 11; i++) {
                assertEquals(appended.get(i), stream.get(i));
            }
            assertEquals(appended, stream.range(0, 11));
            assertEquals(appended.subList(3, 9), stream.range(3, 9));
            assertEquals(List.of(), stream.range(11, 11));
            assertEquals(11, ChainVerifier.verify(stream).toExclusive());
            assertEquals(RecoveryReport.clean(0), stream.recoveryReport());
        }
        // 11 markers in segments of 4: three files, named by first sequence.
        assertEquals(
                List.of("00000000000000000000.seg", "00000000000000000004.seg", "00000000000000000008.seg"),
                segments());
        try (SegmentMarkerStream stream = open()) {
            assertEquals(RecoveryReport.clean(11), stream.recoveryReport());
            assertEquals(appended, stream.range(0, 11));
            Marker next = stream.append("after.reopen", payload(99));
            assertEquals(11, next.seq());
            assertEquals(appended.get(10).hash(), next.prevHash());
        }
    }

    @Test
    void timesNeverDecreaseEvenWhenTheClockDoes() {
        try (SegmentMarkerStream stream = open()) {
            Marker first = stream.append("a", payload(0));
            clock.advance(-5000);
            Marker second = stream.append("b", payload(1));
            assertEquals(first.timeMillis(), second.timeMillis());
            clock.set(-1);
            assertEquals(first.timeMillis(), stream.append("c", payload(2)).timeMillis());
            clock.set(T0 + 10);
            assertEquals(T0 + 10, stream.append("d", payload(3)).timeMillis());
        }
    }

    @Test
    void aNewStreamBeforeTheEpochStartsAtTimeZero() {
        clock.set(-123);
        try (SegmentMarkerStream stream = open()) {
            assertEquals(0, stream.append("a", payload(0)).timeMillis());
        }
    }

    @Test
    void firstAtOrAfterFindsTheEarliestMarkerNotBeforeTheTime() {
        try (SegmentMarkerStream stream = open()) {
            assertEquals(Optional.empty(), stream.firstAtOrAfter(Instant.EPOCH));
            long[] times = {T0, T0, T0 + 5, T0 + 5, T0 + 5, T0 + 9};
            for (long time : times) {
                clock.set(time);
                stream.append("t", payload(time));
            }
            assertEquals(0, stream.firstAtOrAfter(Instant.MIN).orElseThrow().seq());
            assertEquals(
                    0,
                    stream.firstAtOrAfter(Instant.ofEpochMilli(T0))
                            .orElseThrow()
                            .seq());
            assertEquals(
                    2,
                    stream.firstAtOrAfter(Instant.ofEpochMilli(T0).plusNanos(1))
                            .orElseThrow()
                            .seq());
            assertEquals(
                    2,
                    stream.firstAtOrAfter(Instant.ofEpochMilli(T0 + 5))
                            .orElseThrow()
                            .seq());
            assertEquals(
                    5,
                    stream.firstAtOrAfter(Instant.ofEpochMilli(T0 + 6))
                            .orElseThrow()
                            .seq());
            assertEquals(Optional.empty(), stream.firstAtOrAfter(Instant.ofEpochMilli(T0 + 10)));
            assertEquals(Optional.empty(), stream.firstAtOrAfter(Instant.MAX));
        }
    }

    @Test
    void readsOutsideTheStreamAreNotFound() {
        try (SegmentMarkerStream stream = open()) {
            stream.append("a", payload(0));
            for (long seq : new long[] {-1, 1, Long.MAX_VALUE, Long.MIN_VALUE}) {
                assertEquals(
                        ErrorCode.MARKER_NOT_FOUND,
                        assertThrows(VerificationException.class, () -> stream.get(seq))
                                .code());
            }
            assertEquals(
                    ErrorCode.MARKER_NOT_FOUND,
                    assertThrows(VerificationException.class, () -> stream.range(0, 2))
                            .code());
            assertEquals(
                    ErrorCode.MARKER_NOT_FOUND,
                    assertThrows(VerificationException.class, () -> stream.range(1, 0))
                            .code());
        }
    }

    @Test
    void aBadKindIsRefusedAndNothingIsAppended() {
        try (SegmentMarkerStream stream = open()) {
            assertEquals(
                    ErrorCode.MARKER_KIND_INVALID,
                    assertThrows(MalformedInputException.class, () -> stream.append("", payload(0)))
                            .code());
            assertEquals(
                    ErrorCode.MARKER_KIND_INVALID,
                    assertThrows(MalformedInputException.class, () -> stream.append("\u00e9", payload(0)))
                            .code());
            assertEquals(0, stream.size());
            assertEquals(0, stream.append("ok", payload(0)).seq());
        }
    }

    @Test
    void aClosedStreamRefusesEverything() {
        SegmentMarkerStream stream = open();
        stream.append("a", payload(0));
        stream.close();
        stream.close();
        assertEquals(
                ErrorCode.MARKER_STORE_CLOSED,
                assertThrows(InternalException.class, () -> stream.append("b", payload(1)))
                        .code());
        assertEquals(
                ErrorCode.MARKER_STORE_CLOSED,
                assertThrows(InternalException.class, () -> stream.get(0)).code());
        assertEquals(
                ErrorCode.MARKER_STORE_CLOSED,
                assertThrows(InternalException.class, stream::size).code());
    }

    @Test
    void oneDirectoryIsOpenedByOneStoreAtATime() {
        try (SegmentMarkerStream stream = open()) {
            InternalException e = assertThrows(InternalException.class, this::open);
            assertEquals(ErrorCode.INTERNAL_STORE_LOCKED, e.code());
            assertFalse(stream.recoveryReport().cutAnything());
        }
        try (SegmentMarkerStream again = open()) {
            assertEquals(0, again.size());
        }
    }

    @Test
    void theSegmentSizeOfAnExistingStreamWins() {
        try (SegmentMarkerStream stream = open()) {
            for (int i = 0; i < 6; i++) {
                stream.append("a", payload(i));
            }
        }
        try (SegmentMarkerStream stream =
                SegmentMarkerStream.builder(dir, clock).segmentRecords(1000).open()) {
            assertEquals(4, stream.segmentRecords());
            assertEquals(6, stream.size());
            assertEquals(6, stream.append("b", payload(6)).seq());
            assertEquals(7, ChainVerifier.verify(stream).toExclusive());
        }
    }

    @Test
    void aFullLastSegmentStartsTheNextOnTheNextAppend() {
        try (SegmentMarkerStream stream = open()) {
            for (int i = 0; i < 8; i++) {
                stream.append("a", payload(i));
            }
        }
        assertEquals(2, segments().size());
        try (SegmentMarkerStream stream = open()) {
            assertEquals(8, stream.size());
            assertEquals(8, stream.append("b", payload(8)).seq());
        }
        assertEquals(3, segments().size());
        assertTrue(Files.exists(dir.resolve("LOCK")));
    }

    private List<String> segments() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".seg"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
