package dev.cairn.mmr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class MmrMathTest {
    @Test
    void validSizesAreTheSizesAppendsProduce() {
        assertEquals(
                List.of(
                        0L, 1L, 3L, 4L, 7L, 8L, 10L, 11L, 15L, 16L, 18L, 19L, 22L, 23L, 25L, 26L, 31L, 32L, 34L, 35L,
                        38L, 39L),
                MmrFixtures.validSizes(39));
        for (long leaves = 0; leaves <= 200; leaves++) {
            assertEquals(leaves, MmrMath.leafCount(MmrMath.sizeForLeafCount(leaves)));
        }
    }

    @Test
    void leafIndicesAreTheSizesBeforeEachLeaf() {
        long[] want = {0, 1, 3, 4, 7, 8, 10, 11, 15, 16, 18, 19, 22, 23, 25, 26, 31, 32, 34, 35, 38};
        for (int e = 0; e < want.length; e++) {
            assertEquals(want[e], MmrMath.leafIndex(e));
            assertEquals(0, MmrMath.height(want[e]));
        }
    }

    @Test
    void peaksAreHighestFirst() {
        assertArrayEquals(new long[0], MmrMath.peaks(0));
        assertArrayEquals(new long[] {30, 37, 38}, MmrMath.peaks(39));
        assertArrayEquals(new long[] {14, 21, 24, 25}, MmrMath.peaks(26));
        assertEquals(3, MmrMath.peakCount(39));
        assertEquals(2, MmrMath.peakOf(38, 39));
        assertEquals(1, MmrMath.peakOf(31, 39));
        assertEquals(0, MmrMath.peakOf(0, 39));
        assertArrayEquals(new long[] {8, 12, 6, 29}, MmrMath.inclusionPath(7, 39));
        assertEquals(4, MmrMath.pathLength(7, 39));
        assertArrayEquals(new long[0], MmrMath.inclusionPath(38, 39));
    }

    @Test
    void theLargestTreeComputesWithoutOverflow() {
        long max = MmrMath.MAX_SIZE;
        assertTrue(MmrMath.isValidSize(max));
        assertEquals(MmrMath.MAX_LEAVES, MmrMath.leafCount(max));
        assertEquals(61, MmrMath.height(max - 1));
        assertArrayEquals(new long[] {max - 1}, MmrMath.peaks(max));
        assertEquals(61, MmrMath.inclusionPath(0, max).length);
        long lastLeaf = max - 1 - 61;
        assertEquals(0, MmrMath.height(lastLeaf));
        long[] path = MmrMath.inclusionPath(lastLeaf, max);
        assertEquals(61, path.length);
        assertEquals(lastLeaf - 1, path[0]);
        assertEquals((1L << 61) - 2, path[60]);
    }

    @Test
    void invalidSizesAndIndicesAreCoded() {
        List<Executable> bad = List.of(
                () -> MmrMath.requireValidSize(2),
                () -> MmrMath.requireValidSize(-1),
                () -> MmrMath.requireValidSize(MmrMath.MAX_SIZE + 1),
                () -> MmrMath.requireValidSize(Long.MAX_VALUE),
                () -> MmrMath.leafCount(5),
                () -> MmrMath.peaks(6),
                () -> MmrMath.height(-1),
                () -> MmrMath.height(MmrMath.MAX_SIZE),
                () -> MmrMath.sizeForLeafCount(-1),
                () -> MmrMath.sizeForLeafCount(MmrMath.MAX_LEAVES + 1),
                () -> MmrMath.leafIndex(MmrMath.MAX_LEAVES),
                () -> MmrMath.requireIndex(3, 3),
                () -> MmrMath.requireIndex(-1, 3),
                () -> MmrMath.peakOf(0, 0),
                () -> MmrMath.inclusionPath(4, 4),
                () -> MmrMath.inclusionPath(0, 5));
        for (Executable call : bad) {
            assertEquals(
                    ErrorCode.MMR_SIZE_INVALID,
                    assertThrows(MalformedInputException.class, call).code());
        }
    }

    /** Between two consecutive valid sizes every size is invalid, and the leaf count steps by one. */
    @Test
    void validityAgreesWithLeafCountsAcrossTheRange() {
        qt().withExamples(2000)
                .forAll(longs().between(0, MmrMath.MAX_LEAVES - 1))
                .checkAssert(leaves -> {
                    long size = MmrMath.sizeForLeafCount(leaves);
                    long next = MmrMath.sizeForLeafCount(leaves + 1);
                    assertTrue(MmrMath.isValidSize(size));
                    assertTrue(MmrMath.isValidSize(next));
                    for (long s = size + 1; s < next; s++) {
                        assertFalse(MmrMath.isValidSize(s), "size " + s);
                    }
                    assertEquals(leaves + 1, MmrMath.leafCount(next));
                    assertEquals(Long.numberOfTrailingZeros(leaves + 1), next - size - 1);
                    assertEquals(size, MmrMath.leafIndex(leaves));
                    assertEquals(Long.bitCount(leaves + 1), MmrMath.peakCount(next));
                    long[] peaks = MmrMath.peaks(next);
                    assertEquals(next - 1, peaks[peaks.length - 1]);
                });
    }
}
