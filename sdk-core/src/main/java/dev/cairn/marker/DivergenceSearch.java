package dev.cairn.marker;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.marker.Divergence.Relation;
import java.util.List;
import java.util.OptionalLong;

/**
 * Finds where two marker streams, or a stream and a peer's checkpoints, first differ, in O(log N) hash
 * comparisons (see {@code spec/marker-stream.md}, "Divergence search").
 *
 * <p>Valid because of the hash chain: equal hashes at sequence {@code s} mean equal markers at every
 * sequence up to {@code s}, so "the hashes at {@code s} agree" is true up to the divergence point and
 * false after it, and a binary search finds the boundary. Two streams of sizes {@code m} and {@code n}
 * cost at most {@code 2 + log2(min(m, n))} comparisons; {@code k} checkpoints cost at most {@code 2 +
 * log2(k)}. Sizes are read once at the start; markers appended meanwhile are not considered.
 */
public final class DivergenceSearch {
    private DivergenceSearch() {}

    /**
     * Compares two streams.
     *
     * @param first one stream
     * @param second the other
     * @return the relation, the common prefix, and the first differing sequence if they diverged
     */
    public static Divergence between(MarkerReader first, MarkerReader second) {
        long firstSize = first.size();
        long secondSize = second.size();
        long common = Math.min(firstSize, secondSize);
        if (common == 0 || agree(first, second, common - 1)) {
            Relation relation = firstSize == secondSize
                    ? Relation.IDENTICAL
                    : firstSize < secondSize ? Relation.FIRST_IS_PREFIX : Relation.SECOND_IS_PREFIX;
            return new Divergence(relation, common, OptionalLong.empty());
        }
        long low = 0;
        long high = common - 1; // differs at high; find the lowest sequence that differs
        while (low < high) {
            long mid = (low + high) >>> 1;
            if (agree(first, second, mid)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return new Divergence(Relation.DIVERGED, low, OptionalLong.of(low));
    }

    /**
     * Compares a local stream with a peer's checkpoints. The last checkpoint is taken as the peer's
     * head, so the peer's size is its sequence plus one.
     *
     * @param local the local stream (the "first" side of the result)
     * @param peer the peer's checkpoints, in strictly ascending sequence order
     * @return the relation; with sparse checkpoints a divergence is bounded, not pinned (see {@link
     *     Divergence})
     * @throws MalformedInputException {@link ErrorCode#MARKER_MALFORMED} when the checkpoints are not in
     *     strictly ascending order
     */
    public static Divergence againstCheckpoints(MarkerReader local, List<MarkerCheckpoint> peer) {
        for (int i = 1; i < peer.size(); i++) {
            if (peer.get(i).seq() <= peer.get(i - 1).seq()) {
                throw new MalformedInputException(
                        ErrorCode.MARKER_MALFORMED,
                        "checkpoint " + i + " seq: got " + peer.get(i).seq() + ", want > "
                                + peer.get(i - 1).seq());
            }
        }
        long localSize = local.size();
        long peerSize = peer.isEmpty() ? 0 : peer.get(peer.size() - 1).seq() + 1;
        int shared = countBelow(peer, localSize);
        if (shared == 0 || agree(local, peer.get(shared - 1))) {
            long common = shared == 0 ? 0 : peer.get(shared - 1).seq() + 1;
            Relation relation;
            if (common == localSize && localSize == peerSize) {
                relation = Relation.IDENTICAL;
            } else if (common == localSize && localSize < peerSize) {
                relation = Relation.FIRST_IS_PREFIX;
            } else if (common == peerSize) {
                relation = Relation.SECOND_IS_PREFIX;
            } else {
                relation = Relation.CONSISTENT;
            }
            return new Divergence(relation, common, OptionalLong.empty());
        }
        int low = 0;
        int high = shared - 1; // differs at high
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (agree(local, peer.get(mid))) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        long common = low == 0 ? 0 : peer.get(low - 1).seq() + 1;
        return new Divergence(
                Relation.DIVERGED, common, OptionalLong.of(peer.get(low).seq()));
    }

    private static boolean agree(MarkerReader first, MarkerReader second, long seq) {
        return first.get(seq).hash().equals(second.get(seq).hash());
    }

    private static boolean agree(MarkerReader local, MarkerCheckpoint checkpoint) {
        return local.get(checkpoint.seq()).hash().equals(checkpoint.hash());
    }

    /** The number of checkpoints with a sequence below {@code size}. */
    private static int countBelow(List<MarkerCheckpoint> peer, long size) {
        int low = 0;
        int high = peer.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (peer.get(mid).seq() < size) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
