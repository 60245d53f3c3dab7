package dev.cairn.mmr;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;

/**
 * Pure arithmetic on the post-order node numbering of a Merkle Mountain Range (see {@code
 * spec/mmr.md}, following draft-bryce-cose-receipts-mmr-profile).
 *
 * <p>Nodes are numbered from 0 in the order they are appended; a node's <em>position</em> is its
 * index plus one. An MMR <em>size</em> is its number of nodes; a size is valid when no two peaks have
 * the same height, which is exactly the sizes that a sequence of leaf appends produces (0, 1, 3, 4, 7,
 * 8, 10, 11, 15, ...). Heights are zero-based: leaves have height 0.
 *
 * <p>Every function validates its arguments: an invalid size, or an index outside the tree, raises
 * {@link MalformedInputException} with {@link ErrorCode#MMR_SIZE_INVALID}. Sizes are bounded by
 * {@link #MAX_SIZE} so that no computation can overflow a signed 64-bit integer.
 */
public final class MmrMath {
    /** The largest MMR size Cairn accepts: {@code 2^62 - 1} nodes, one perfect tree of height 61. */
    public static final long MAX_SIZE = (1L << 62) - 1;

    /** The number of leaves of an MMR of {@link #MAX_SIZE} nodes: {@code 2^61}. */
    public static final long MAX_LEAVES = 1L << 61;

    private MmrMath() {}

    /**
     * Whether a number is a valid MMR size: one that a sequence of appends produces.
     *
     * @param size a candidate number of nodes
     * @return {@code true} for 0, 1, 3, 4, 7, 8, 10, ... up to {@link #MAX_SIZE}
     */
    public static boolean isValidSize(long size) {
        return size >= 0 && size <= MAX_SIZE && sizeOfLeaves(leavesBelow(size)) == size;
    }

    /**
     * Checks that a number is a valid MMR size.
     *
     * @param size a candidate number of nodes
     * @return {@code size}
     * @throws MalformedInputException {@link ErrorCode#MMR_SIZE_INVALID} if it is not
     */
    public static long requireValidSize(long size) {
        if (!isValidSize(size)) {
            throw new MalformedInputException(
                    ErrorCode.MMR_SIZE_INVALID, "MMR size " + size + " is not a size any sequence of appends produces");
        }
        return size;
    }

    /**
     * Checks that an index names a node of an MMR of the given size.
     *
     * @param index a node index
     * @param size a valid MMR size
     * @return {@code index}
     * @throws MalformedInputException {@link ErrorCode#MMR_SIZE_INVALID} if the size is invalid or the
     *     index is negative or not below it
     */
    public static long requireIndex(long index, long size) {
        requireValidSize(size);
        if (index < 0 || index >= size) {
            throw new MalformedInputException(
                    ErrorCode.MMR_SIZE_INVALID, "node index " + index + " outside an MMR of size " + size);
        }
        return index;
    }

    /**
     * The height of a node, zero for leaves (the draft's {@code index_height}).
     *
     * @param index a node index
     * @return the zero-based height
     * @throws MalformedInputException {@link ErrorCode#MMR_SIZE_INVALID} if {@code index} is negative or
     *     not below {@link #MAX_SIZE}
     */
    public static int height(long index) {
        if (index < 0 || index >= MAX_SIZE) {
            throw new MalformedInputException(ErrorCode.MMR_SIZE_INVALID, "node index " + index + " out of range");
        }
        return heightUnchecked(index);
    }

    /**
     * The number of leaves of a valid MMR size (the draft's {@code leaf_count(size - 1)}). Its set
     * bits are the heights of the peaks.
     *
     * @param size a valid MMR size
     * @return the number of leaves
     * @throws MalformedInputException {@link ErrorCode#MMR_SIZE_INVALID} if the size is invalid
     */
    public static long leafCount(long size) {
        return leavesBelow(requireValidSize(size));
    }

    /**
     * The MMR size holding a number of leaves (the draft's {@code mmr_size_for_leaf_count}).
     *
     * @param leaves a number of leaves, 0 to {@link #MAX_LEAVES}
     * @return the number of nodes
     * @throws MalformedInputException {@link ErrorCode#MMR_SIZE_INVALID} if out of range
     */
    public static long sizeForLeafCount(long leaves) {
        if (leaves < 0 || leaves > MAX_LEAVES) {
            throw new MalformedInputException(ErrorCode.MMR_SIZE_INVALID, "leaf count " + leaves + " out of range");
        }
        return sizeOfLeaves(leaves);
    }

    /**
     * The node index of the leaf with a given ordinal: leaf {@code n} is appended when the MMR holds
     * {@code n} leaves, so its index is the size of that MMR.
     *
     * @param leafOrdinal the leaf's number, from 0
     * @return its node index
     * @throws MalformedInputException {@link ErrorCode#MMR_SIZE_INVALID} if out of range
     */
    public static long leafIndex(long leafOrdinal) {
        if (leafOrdinal < 0 || leafOrdinal >= MAX_LEAVES) {
            throw new MalformedInputException(
                    ErrorCode.MMR_SIZE_INVALID, "leaf ordinal " + leafOrdinal + " out of range");
        }
        return sizeOfLeaves(leafOrdinal);
    }

    /**
     * The number of peaks of a valid size, which is the length of its accumulator.
     *
     * @param size a valid MMR size
     * @return the number of peaks, 0 for the empty MMR
     * @throws MalformedInputException {@link ErrorCode#MMR_SIZE_INVALID} if the size is invalid
     */
    public static int peakCount(long size) {
        return Long.bitCount(leafCount(size));
    }

    /**
     * The node indices of the peaks of a valid size, highest first (the draft's {@code peaks(size -
     * 1)}). Highest first is also ascending index order.
     *
     * @param size a valid MMR size
     * @return a new array of peak indices
     * @throws MalformedInputException {@link ErrorCode#MMR_SIZE_INVALID} if the size is invalid
     */
    public static long[] peaks(long size) {
        long leaves = leafCount(size);
        long[] peaks = new long[Long.bitCount(leaves)];
        long end = 0;
        int k = 0;
        for (int h = 63 - Long.numberOfLeadingZeros(leaves); h >= 0; h--) {
            if ((leaves >>> h & 1) != 0) {
                end += (1L << (h + 1)) - 1;
                peaks[k++] = end - 1;
            }
        }
        return peaks;
    }

    /**
     * The position in the accumulator of the peak whose tree holds a node.
     *
     * @param index a node index below {@code size}
     * @param size a valid MMR size
     * @return the peak's position in {@link #peaks(long)}, from 0
     * @throws MalformedInputException {@link ErrorCode#MMR_SIZE_INVALID} if the size is invalid or the
     *     index outside it
     */
    public static int peakOf(long index, long size) {
        requireIndex(index, size);
        long leaves = leavesBelow(size);
        long end = 0;
        int k = 0;
        for (int h = 63 - Long.numberOfLeadingZeros(leaves); ; h--) {
            if ((leaves >>> h & 1) != 0) {
                end += (1L << (h + 1)) - 1;
                if (index < end) {
                    return k;
                }
                k++;
            }
        }
    }

    /**
     * The number of siblings on the path from a node to its peak in an MMR of the given size.
     *
     * @param index a node index below {@code size}
     * @param size a valid MMR size
     * @return the path length: the peak's height minus the node's height
     * @throws MalformedInputException {@link ErrorCode#MMR_SIZE_INVALID} if the size is invalid or the
     *     index outside it
     */
    public static int pathLength(long index, long size) {
        long peak = peaks(size)[peakOf(index, size)];
        return heightUnchecked(peak) - heightUnchecked(index);
    }

    /**
     * The node indices of the inclusion path from a node to its peak, bottom up (the draft's {@code
     * inclusion_proof_path(index, size - 1)}).
     *
     * @param index a node index below {@code size}
     * @param size a valid MMR size
     * @return a new array of sibling indices, empty when the node is a peak
     * @throws MalformedInputException {@link ErrorCode#MMR_SIZE_INVALID} if the size is invalid or the
     *     index outside it
     */
    public static long[] inclusionPath(long index, long size) {
        long[] path = new long[pathLength(index, size)];
        long i = index;
        int g = heightUnchecked(i);
        for (int k = 0; k < path.length; k++, g++) {
            long offset = 2L << g;
            if (heightUnchecked(i + 1) > g) {
                path[k] = i - offset + 1;
                i += 1;
            } else {
                path[k] = i + offset - 1;
                i += offset;
            }
        }
        return path;
    }

    /** {@code index_height} for an index already known to be in range. */
    static int heightUnchecked(long index) {
        long pos = index + 1;
        while ((pos & (pos + 1)) != 0) {
            pos = pos - Long.highestOneBit(pos) + 1;
        }
        return 63 - Long.numberOfLeadingZeros(pos);
    }

    /** Leaves of the largest valid size not above {@code size}; {@code size} in [0, MAX_SIZE]. */
    private static long leavesBelow(long size) {
        long leaves = 0;
        long remaining = size;
        for (long peak = (Long.highestOneBit(size) << 1) - 1; peak > 0; peak >>>= 1) {
            leaves <<= 1;
            if (remaining >= peak) {
                remaining -= peak;
                leaves |= 1;
            }
        }
        return leaves;
    }

    private static long sizeOfLeaves(long leaves) {
        return 2 * leaves - Long.bitCount(leaves);
    }
}
