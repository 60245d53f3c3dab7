package dev.cairn.mmr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.bytes.Digest;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Opening, recovering and rebuilding an MMR, and the bounds of its accessors. */
class MmrLifecycleTest {
    private static final List<Digest> LEAVES = MmrFixtures.leaves(11, 50);

    /** A store cut after any node holds a prefix of the tree; opening it completes the last append. */
    @Test
    void openCompletesAnInterruptedAppend() {
        Mmr whole = MmrFixtures.build(LEAVES);
        for (long cut = 0; cut <= whole.size(); cut++) {
            MemoryNodeStore store = new MemoryNodeStore();
            for (long i = 0; i < cut; i++) {
                store.append(whole.node(i));
            }
            Mmr opened = Mmr.open(store);
            long want = cut;
            while (!MmrMath.isValidSize(want)) {
                want++;
            }
            assertEquals(want, opened.size(), "cut at " + cut);
            assertEquals(whole.accumulator(want), opened.accumulator());
            for (int e = (int) opened.leafCount(); e < LEAVES.size(); e++) {
                opened.append(LEAVES.get(e));
            }
            assertEquals(whole.accumulator(), opened.accumulator(), "cut at " + cut);
        }
    }

    @Test
    void aBatchIntegratesLikeSingleAppends() {
        Mmr single = MmrFixtures.build(LEAVES);
        Mmr batched = Mmr.open(new MemoryNodeStore());
        assertEquals(0, batched.append(LEAVES.subList(0, 1)));
        assertEquals(MmrMath.leafIndex(1), batched.append(LEAVES.subList(1, 17)));
        assertEquals(MmrMath.leafIndex(17), batched.append(LEAVES.subList(17, LEAVES.size())));
        assertEquals(single.accumulator(), batched.accumulator());
        assertEquals(
                ErrorCode.MMR_SIZE_INVALID,
                assertThrows(MalformedInputException.class, () -> batched.append(List.of()))
                        .code());
    }

    @Test
    void rebuildingFromTheLeavesGivesTheSameTree() {
        Mmr first = MmrFixtures.build(LEAVES);
        Mmr again = MmrFixtures.build(LEAVES);
        assertEquals(first.accumulator(), again.accumulator());
        assertEquals(first.consistencyProof(10, first.size()), again.consistencyProof(10, again.size()));
    }

    @Test
    void accessorsRejectSizesAndIndicesOutsideTheTree() {
        Mmr mmr = MmrFixtures.build(LEAVES.subList(0, 10));
        assertEquals(18, mmr.size());
        List<Executable> bad = List.of(
                () -> mmr.node(18),
                () -> mmr.node(-1),
                () -> mmr.accumulator(19),
                () -> mmr.accumulator(17),
                () -> mmr.inclusionProof(18, 18),
                () -> mmr.inclusionProof(0, 19),
                () -> mmr.inclusionProof(10, 10),
                () -> mmr.consistencyProof(2, 18),
                () -> new Accumulator(18, List.of()),
                () -> new Accumulator(17, List.of()));
        for (Executable call : bad) {
            assertEquals(
                    ErrorCode.MMR_SIZE_INVALID,
                    assertThrows(MalformedInputException.class, call).code());
        }
    }

    @Test
    void aClosedMemoryStoreRefusesUse() {
        MemoryNodeStore store = new MemoryNodeStore();
        store.append(LEAVES.get(0));
        store.close();
        assertThrows(IllegalStateException.class, store::size);
        assertThrows(IllegalStateException.class, () -> store.get(0));
        assertThrows(IllegalStateException.class, () -> store.append(LEAVES.get(1)));
    }

    @Test
    void memoryStoreSpansChunks() {
        MemoryNodeStore store = new MemoryNodeStore();
        List<Digest> many = MmrFixtures.leaves(3, 9000);
        for (int i = 0; i < many.size(); i++) {
            assertEquals(i, store.append(many.get(i)));
        }
        for (int i = 0; i < many.size(); i += 97) {
            assertEquals(many.get(i), store.get(i));
        }
        assertEquals(many.get(8999), store.get(8999));
        assertEquals(
                ErrorCode.MMR_SIZE_INVALID,
                assertThrows(MalformedInputException.class, () -> store.get(9000))
                        .code());
    }
}
