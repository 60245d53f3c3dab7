package dev.cairn.mmr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import dev.cairn.bytes.Digest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fast MMR against the slow structural {@link ReferenceMmr} on arbitrary leaf lists. */
class MmrReferenceTest {
    @Test
    void nodesPeaksAndProofsEqualTheReference() {
        qt().withExamples(120).forAll(MmrFixtures.leafLists(70)).checkAssert(leaves -> {
            Mmr mmr = MmrFixtures.build(leaves);
            ReferenceMmr ref = new ReferenceMmr(leaves);
            assertEquals(ref.size(), mmr.size());
            assertEquals(leaves.size(), mmr.leafCount());
            for (long i = 0; i < ref.size(); i++) {
                assertEquals(ref.node(i), mmr.node(i), "node " + i);
                assertEquals(ref.path(i), mmr.inclusionProof(i, ref.size()).path(), "path of " + i);
            }
            assertEquals(ref.peaks(), mmr.accumulator().peaks());
            for (int k = 0; k <= leaves.size(); k++) {
                ReferenceMmr prefix = new ReferenceMmr(leaves.subList(0, k));
                assertEquals(prefix.peaks(), mmr.accumulator(prefix.size()).peaks(), "accumulator of " + k);
                if (prefix.size() < ref.size()) {
                    assertEquals(
                            ref.consistencyFrom(prefix),
                            mmr.consistencyProof(prefix.size(), ref.size()),
                            "consistency from " + k + " leaves");
                }
            }
        });
    }

    @Test
    void appendReturnsTheLeafsNodeIndex() {
        List<Digest> leaves = MmrFixtures.leaves(7, 100);
        Mmr mmr = Mmr.open(new MemoryNodeStore());
        for (int e = 0; e < leaves.size(); e++) {
            long index = mmr.append(leaves.get(e));
            assertEquals(MmrMath.leafIndex(e), index);
            assertEquals(leaves.get(e), mmr.node(index));
            assertEquals(0, MmrMath.height(index));
        }
    }
}
