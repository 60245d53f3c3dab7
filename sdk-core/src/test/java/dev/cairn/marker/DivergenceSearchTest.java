package dev.cairn.marker;

import static dev.cairn.marker.MarkerFixtures.T0;
import static dev.cairn.marker.MarkerFixtures.payload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.marker.Divergence.Relation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Divergence search: right answer, in O(log N) hash comparisons. */
class DivergenceSearchTest {
    @TempDir
    Path dir;

    /** {@code shared} common markers, then {@code extra} markers of the stream's own (tagged by {@code side}). */
    private static InMemoryMarkerStream stream(int shared, int extra, int side) {
        InMemoryMarkerStream stream = new InMemoryMarkerStream(T0);
        for (int i = 0; i < shared; i++) {
            stream.append("shared", payload(i));
        }
        for (int i = 0; i < extra; i++) {
            stream.append("side." + side, payload(side * 1_000_000L + i));
        }
        return stream;
    }

    private static long bound(long n) {
        return 2 * (64 - Long.numberOfLeadingZeros(Math.max(1, n))) + 2;
    }

    @Test
    void findsTheFirstDifferenceInLogarithmicComparisons() {
        qt().withExamples(300)
                .forAll(
                        integers().between(0, 3000),
                        integers().between(0, 300),
                        integers().between(0, 300))
                .checkAssert((shared, extraA, extraB) -> {
                    InMemoryMarkerStream a = stream(shared, extraA, 1);
                    InMemoryMarkerStream b = stream(shared, extraB, 2);
                    Divergence found = DivergenceSearch.between(a, b);
                    long comparisons = a.reads();
                    assertEquals(comparisons, b.reads());
                    assertTrue(
                            comparisons <= bound(Math.min(a.size(), b.size())),
                            comparisons + " comparisons for " + Math.min(a.size(), b.size()));
                    assertEquals(expected(shared, extraA, extraB), found);
                    assertEquals(found, reference(a, b));
                });
    }

    private static Divergence expected(int shared, int extraA, int extraB) {
        if (extraA > 0 && extraB > 0) {
            return new Divergence(Relation.DIVERGED, shared, OptionalLong.of(shared));
        }
        Relation relation = extraA == extraB
                ? Relation.IDENTICAL
                : extraA < extraB ? Relation.FIRST_IS_PREFIX : Relation.SECOND_IS_PREFIX;
        return new Divergence(relation, shared + Math.min(extraA, extraB), OptionalLong.empty());
    }

    /** The literal answer: compare marker by marker from the start. */
    private static Divergence reference(MarkerReader a, MarkerReader b) {
        long common = Math.min(a.size(), b.size());
        for (long seq = 0; seq < common; seq++) {
            if (!a.get(seq).equals(b.get(seq))) {
                return new Divergence(Relation.DIVERGED, seq, OptionalLong.of(seq));
            }
        }
        Relation relation = a.size() == b.size()
                ? Relation.IDENTICAL
                : a.size() < b.size() ? Relation.FIRST_IS_PREFIX : Relation.SECOND_IS_PREFIX;
        return new Divergence(relation, common, OptionalLong.empty());
    }

    @Test
    void checkpointsPinTheDivergenceWhenDenseAndBoundItWhenSparse() {
        qt().withExamples(200)
                .forAll(
                        integers().between(0, 2000),
                        integers().between(0, 200),
                        integers().between(1, 50))
                .checkAssert((shared, extra, stride) -> {
                    InMemoryMarkerStream local = stream(shared, extra, 1);
                    InMemoryMarkerStream peer = stream(shared, extra, 2);
                    List<MarkerCheckpoint> checkpoints = checkpoints(peer, stride);
                    Divergence found = DivergenceSearch.againstCheckpoints(local, checkpoints);
                    assertTrue(local.reads() <= bound(checkpoints.size()), local.reads() + " reads");
                    if (extra == 0) {
                        assertEquals(Relation.IDENTICAL, found.relation());
                        assertEquals((long) shared, found.commonPrefix());
                        return;
                    }
                    assertEquals(Relation.DIVERGED, found.relation());
                    long first = found.firstDifference().orElseThrow();
                    assertTrue(found.commonPrefix() <= shared && shared <= first, found.toString());
                    if (stride == 1) {
                        assertEquals((long) shared, found.commonPrefix());
                        assertEquals((long) shared, first);
                    }
                });
    }

    /** Every {@code stride}-th marker's checkpoint, always ending with the head's. */
    private static List<MarkerCheckpoint> checkpoints(MarkerReader stream, int stride) {
        List<MarkerCheckpoint> checkpoints = new ArrayList<>();
        for (long seq = stride - 1; seq < stream.size(); seq += stride) {
            checkpoints.add(MarkerCheckpoint.of(stream.get(seq)));
        }
        if (stream.size() > 0
                && (checkpoints.isEmpty()
                        || checkpoints.get(checkpoints.size() - 1).seq() != stream.size() - 1)) {
            checkpoints.add(MarkerCheckpoint.of(stream.get(stream.size() - 1)));
        }
        return checkpoints;
    }

    @Test
    void checkpointsOfALongerOrShorterPeer() {
        InMemoryMarkerStream local = stream(100, 0, 1);
        InMemoryMarkerStream longer = stream(150, 0, 1);
        assertEquals(
                new Divergence(Relation.FIRST_IS_PREFIX, 100, OptionalLong.empty()),
                DivergenceSearch.againstCheckpoints(local, checkpoints(longer, 1)));
        assertEquals(
                new Divergence(Relation.CONSISTENT, 96, OptionalLong.empty()),
                DivergenceSearch.againstCheckpoints(local, checkpoints(longer, 8)));
        InMemoryMarkerStream shorter = stream(60, 0, 1);
        assertEquals(
                new Divergence(Relation.SECOND_IS_PREFIX, 60, OptionalLong.empty()),
                DivergenceSearch.againstCheckpoints(local, checkpoints(shorter, 7)));
        assertEquals(
                new Divergence(Relation.SECOND_IS_PREFIX, 0, OptionalLong.empty()),
                DivergenceSearch.againstCheckpoints(local, List.of()));
        assertEquals(
                new Divergence(Relation.FIRST_IS_PREFIX, 0, OptionalLong.empty()),
                DivergenceSearch.againstCheckpoints(new InMemoryMarkerStream(T0), checkpoints(local, 3)));
    }

    @Test
    void checkpointsOutOfOrderAreMalformed() {
        InMemoryMarkerStream local = stream(10, 0, 1);
        List<MarkerCheckpoint> unordered =
                List.of(MarkerCheckpoint.of(local.get(5)), MarkerCheckpoint.of(local.get(5)));
        assertEquals(
                ErrorCode.MARKER_MALFORMED,
                assertThrows(MalformedInputException.class, () -> DivergenceSearch.againstCheckpoints(local, unordered))
                        .code());
    }

    @Test
    void segmentStreamsThatForkedAreComparedOnDisk() {
        MarkerFixtures.TestClock clock = new MarkerFixtures.TestClock(T0);
        try (SegmentMarkerStream a = SegmentMarkerStream.builder(dir.resolve("a"), clock)
                        .segmentRecords(8)
                        .open();
                SegmentMarkerStream b = SegmentMarkerStream.builder(dir.resolve("b"), clock)
                        .segmentRecords(8)
                        .open()) {
            for (int i = 0; i < 20; i++) {
                a.append("shared", payload(i));
                b.append("shared", payload(i));
                clock.advance(0);
            }
            a.append("mine", payload(100));
            b.append("yours", payload(200));
            assertEquals(new Divergence(Relation.DIVERGED, 20, OptionalLong.of(20)), DivergenceSearch.between(a, b));
        }
    }
}
