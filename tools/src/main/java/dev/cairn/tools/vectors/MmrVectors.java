package dev.cairn.tools.vectors;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.mmr.Accumulator;
import dev.cairn.mmr.ConsistencyProof;
import dev.cairn.mmr.InclusionProof;
import dev.cairn.mmr.Mmr;
import dev.cairn.mmr.MmrMath;
import dev.cairn.verifier.vectors.MmrLeafRule;
import java.util.HexFormat;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * MMR vectors ({@code spec/mmr.md}): for every MMR of 1 to 64 leaves, one file of inclusion proofs and
 * one of consistency proofs into it; and negatives named after the mutation they carry. Up to 32
 * leaves the files are exhaustive (every leaf; every smaller valid size, the empty MMR included);
 * above, they hold the first and last leaf of every mountain, and the sizes of 0, 1, 2, 3, 4, 7, 8,
 * 15, 16, 31, 32 and 33 leaves and of one leaf less. Leaf values follow the draft's test rule: the
 * leaf at node index {@code i} is {@code SHA-256(uint64_be(i))} ({@link MmrLeafRule}), so MMR(39) is
 * the draft's known-answer tree. The negatives are {@link MmrRejectVectors}.
 */
final class MmrVectors {
    private static final HexFormat HEX = HexFormat.of();
    private static final int MAX_LEAVES = 64;
    private static final int EXHAUSTIVE_LEAVES = 32;
    private static final Set<Long> SAMPLED_FROM = Set.of(0L, 1L, 2L, 3L, 4L, 7L, 8L, 15L, 16L, 31L, 32L, 33L);

    private MmrVectors() {}

    static void generate(VectorSet set) {
        Mmr mmr = MmrLeafRule.tree(MAX_LEAVES);
        for (int leaves = 1; leaves <= MAX_LEAVES; leaves++) {
            long size = MmrMath.sizeForLeafCount(leaves);
            inclusionFile(set, mmr, size);
            consistencyFile(set, mmr, size);
        }
        MmrRejectVectors.generate(set, mmr);
    }

    private static void inclusionFile(VectorSet set, Mmr mmr, long size) {
        ObjectNode node = set.accept(
                "mmr",
                "inclusion-" + size,
                "inclusion proofs of every leaf of the MMR of size " + size + " (" + MmrMath.leafCount(size)
                        + " leaves)");
        node.put("proof_type", "inclusion");
        node.put("leaf_rule", MmrLeafRule.TEXT);
        Accumulator acc = mmr.accumulator(size);
        node.set("accumulator", accumulator(acc));
        ArrayNode proofs = node.putArray("proofs");
        for (long e : inclusionLeaves(MmrMath.leafCount(size))) {
            long index = MmrMath.leafIndex(e);
            InclusionProof proof = mmr.inclusionProof(index, size);
            ObjectNode entry = proofs.addObject();
            entry.put("index", index);
            entry.put("leaf", mmr.node(index).toHex());
            entry.put("proof", HEX.formatHex(proof.encode()));
        }
    }

    private static void consistencyFile(VectorSet set, Mmr mmr, long size) {
        ObjectNode node = set.accept(
                "mmr",
                "consistency-" + size,
                "consistency proofs from every smaller valid size, 0 included, to the MMR of size " + size);
        node.put("proof_type", "consistency");
        node.put("leaf_rule", MmrLeafRule.TEXT);
        Accumulator to = mmr.accumulator(size);
        node.set("accumulator2", accumulator(to));
        ArrayNode proofs = node.putArray("proofs");
        long leaves = MmrMath.leafCount(size);
        for (long leaves1 = 0; leaves1 < leaves; leaves1++) {
            if (leaves <= EXHAUSTIVE_LEAVES || SAMPLED_FROM.contains(leaves1) || leaves1 == leaves - 1) {
                long size1 = MmrMath.sizeForLeafCount(leaves1);
                Accumulator from = mmr.accumulator(size1);
                ConsistencyProof proof = mmr.consistencyProof(size1, size);
                ObjectNode entry = proofs.addObject();
                entry.set("accumulator1", accumulator(from));
                entry.put("proof", HEX.formatHex(proof.encode()));
            }
        }
    }

    /** Every leaf up to 32 leaves; above, the first and last leaf of every mountain. */
    private static SortedSet<Long> inclusionLeaves(long leaves) {
        SortedSet<Long> out = new TreeSet<>();
        long first = 0;
        for (int h = 63; h >= 0; h--) {
            if ((leaves >>> h & 1) != 0) {
                out.add(first);
                first += 1L << h;
                out.add(first - 1);
            }
        }
        for (long e = 0; leaves <= EXHAUSTIVE_LEAVES && e < leaves; e++) {
            out.add(e);
        }
        return out;
    }

    static ObjectNode accumulator(Accumulator acc) {
        ObjectNode node = VectorJson.object();
        node.put("size", acc.size());
        ArrayNode peaks = node.putArray("peaks");
        acc.peaks().forEach(p -> peaks.add(p.toHex()));
        return node;
    }
}
