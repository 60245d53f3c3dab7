package dev.cairn.mmr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.cairn.bytes.Digest;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompactMmrTest {
    @Test
    void appendingToAnyPrefixGivesTheFullMmrsAccumulatorAndIndices() {
        qt().forAll(MmrFixtures.leafLists(300), integers().between(0, 300)).checkAssert((leaves, cut) -> {
            int prefix = Math.min(cut, leaves.size());
            Mmr full = Mmr.open(new MemoryNodeStore());
            for (int i = 0; i < prefix; i++) {
                full.append(leaves.get(i));
            }
            CompactMmr compact = CompactMmr.from(full.accumulator());
            for (int i = prefix; i < leaves.size(); i++) {
                assertEquals(full.append(leaves.get(i)), compact.append(leaves.get(i)));
                assertEquals(full.accumulator(), compact.accumulator());
            }
            assertEquals(full.size(), compact.size());
            assertEquals(full.leafCount(), compact.leafCount());
        });
    }

    @Test
    void appendsFromAnArrayOffsetReadThe32BytesThere() {
        List<Digest> leaves = MmrFixtures.leaves(7, 5);
        byte[] packed = new byte[3 + 5 * Digest.LENGTH];
        for (int i = 0; i < 5; i++) {
            leaves.get(i).bytes().copyTo(packed, 3 + i * Digest.LENGTH);
        }
        CompactMmr compact = CompactMmr.from(Accumulator.empty());
        for (int i = 0; i < 5; i++) {
            compact.append(packed, 3 + i * Digest.LENGTH);
        }
        assertEquals(MmrFixtures.build(leaves).accumulator(), compact.accumulator());
    }

    @Test
    void theEmptyCompactMmrIsTheEmptyAccumulator() {
        assertEquals(Accumulator.empty(), CompactMmr.from(Accumulator.empty()).accumulator());
    }
}
