package dev.cairn.marker;

import static dev.cairn.marker.MarkerFixtures.T0;
import static dev.cairn.marker.MarkerFixtures.payload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.cairn.marker.internal.BulkAppender;
import dev.cairn.marker.internal.ChainWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** firstAtOrAfter, a binary search over record times, agrees with a linear scan. */
class TimeLookupTest {
    @TempDir
    Path root;

    private final AtomicInteger streams = new AtomicInteger();

    @Test
    void binarySearchAgreesWithALinearScan() {
        qt().withExamples(100)
                .forAll(
                        lists().of(integers().between(0, 3)).ofSizeBetween(0, 300),
                        lists().of(integers().between(-3_000_000, 1_200_000_000))
                                .ofSizeBetween(1, 20))
                .checkAssert((steps, queries) -> {
                    long[] times = new long[steps.size()];
                    long time = T0;
                    for (int i = 0; i < times.length; i++) {
                        time += steps.get(i);
                        times[i] = time;
                    }
                    Path dir = root.resolve("s" + streams.incrementAndGet());
                    BulkAppender.append(
                            dir, 64, times.length, seq -> new ChainWriter.Entry("t", payload(seq), times[(int) seq]));
                    try (SegmentMarkerStream stream = SegmentMarkerStream.open(dir, Clock.systemUTC())) {
                        List<Marker> all = stream.range(0, stream.size());
                        for (int query : queries) {
                            // Queries in microseconds around the stream's span, so sub-millisecond
                            // instants and exact hits both occur.
                            Instant at = Instant.ofEpochMilli(T0).plusNanos(query * 1000L);
                            assertEquals(linear(all, at), stream.firstAtOrAfter(at), "at " + at);
                        }
                        for (long exact : times) {
                            Instant at = Instant.ofEpochMilli(exact);
                            assertEquals(linear(all, at), stream.firstAtOrAfter(at));
                        }
                    }
                });
    }

    private static Optional<Marker> linear(List<Marker> markers, Instant at) {
        return markers.stream().filter(m -> !m.time().isBefore(at)).findFirst();
    }

    @Test
    void ceilingOfSubMillisecondInstants() {
        assertEquals(5, SegmentMarkerStream.ceilMillis(Instant.ofEpochMilli(5)));
        assertEquals(6, SegmentMarkerStream.ceilMillis(Instant.ofEpochMilli(5).plusNanos(1)));
        assertEquals(-4, SegmentMarkerStream.ceilMillis(Instant.ofEpochMilli(-5).plusNanos(1)));
        assertEquals(Long.MIN_VALUE, SegmentMarkerStream.ceilMillis(Instant.MIN));
        assertEquals(Long.MAX_VALUE, SegmentMarkerStream.ceilMillis(Instant.MAX));
    }
}
