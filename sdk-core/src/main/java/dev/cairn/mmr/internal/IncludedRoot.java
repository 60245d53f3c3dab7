package dev.cairn.mmr.internal;

import dev.cairn.bytes.Digest;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.mmr.MmrMath;
import java.util.List;

/** The draft's {@code included_root}: the peak a node and its inclusion path lead to. */
public final class IncludedRoot {
    private IncludedRoot() {}

    /** Height of the highest peak an MMR of at most {@link dev.cairn.mmr.MmrMath#MAX_SIZE} nodes has. */
    private static final int MAX_HEIGHT = 61;

    /**
     * Climbs from a node to the node its path leads to, without knowing the MMR's size: the draft's
     * {@code included_root} exactly, as a COSE Receipt of inclusion is verified. The directions come
     * from the indices alone (a node is a right child when the node after it is higher).
     *
     * @param index the node's index
     * @param node the node's value
     * @param path sibling values bottom up
     * @return the value the path leads to; {@code node} itself when the path is empty
     * @throws MalformedInputException {@link ErrorCode#MMR_SIZE_INVALID} if the index is out of range,
     *     or {@link ErrorCode#MMR_PROOF_MALFORMED} if the path climbs above the highest possible peak
     */
    public static Digest of(long index, Digest node, List<Digest> path) {
        int height = MmrMath.height(index);
        if (height + path.size() > MAX_HEIGHT) {
            throw ProofCodec.malformed("inclusion path of " + path.size() + " from height " + height
                    + " climbs above height " + MAX_HEIGHT);
        }
        long top = index;
        for (int g = height; g < height + path.size(); g++) {
            top = MmrMath.height(top + 1) > g ? top + 1 : top + (2L << g);
        }
        return of(index, height, node, path, top);
    }

    /**
     * Climbs from a node to the peak its path implies, computing the same values as the draft's
     * {@code included_root}. The draft decides at each step whether the node is a right child by
     * comparing heights ({@code index_height(i + 1) > g}); here the directions are read once, by
     * descending the peak's perfect tree to the node, so that each step costs one hash and no
     * allocation.
     *
     * @param index the node's index
     * @param height the node's height
     * @param node the node's value
     * @param path sibling values bottom up; the caller has checked that its length is {@code height
     *     of peak - height}
     * @param peak the index of the peak above the node, in the size the caller verifies against
     * @return the implied peak value; {@code node} itself when the path is empty
     */
    public static Digest of(long index, int height, Digest node, List<Digest> path, long peak) {
        int steps = path.size();
        if (steps == 0) {
            return node;
        }
        int top = height + steps;
        long local = index - (peak + 2 - (2L << top));
        long rightChild = 0;
        for (int h = top; h > height; h--) {
            long half = (1L << h) - 1;
            if (local >= half) {
                rightChild |= 1L << (h - 1 - height);
                local -= half;
            }
        }
        return NodeHasher.get().climb(index, height, node, path, rightChild);
    }
}
