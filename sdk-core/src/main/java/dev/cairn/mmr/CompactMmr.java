package dev.cairn.mmr;

import dev.cairn.bytes.Bytes;
import dev.cairn.bytes.Digest;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.mmr.internal.NodeHasher;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An MMR that keeps only its peaks: it starts from an accumulator and appends leaves, computing
 * exactly the interior nodes {@link Mmr#append(Digest)} would, but stores none of them. Memory is
 * at most 62 peaks whatever the number of leaves; appending the leaf that makes {@code L} leaves
 * costs {@code trailing_zeros(L)} hashes, one per leaf amortised.
 *
 * <p>For verifiers that recompute a range of leaves and compare the result with a proven
 * accumulator (an audit bundle, {@code spec/audit-bundle.md}), and for writers that need the
 * accumulator of a stream without a node store. It proves nothing by itself: the accumulator it
 * starts from must be trusted, and the one it ends at must be checked against a trusted one. Not
 * thread-safe.
 */
public final class CompactMmr {
    private static final int MAX_PEAKS = 62;

    /** Peak values, highest first, 32 bytes each: the accumulator, kept as bytes so appends never allocate. */
    private final byte[] peaks = new byte[MAX_PEAKS * Digest.LENGTH];

    private int peakCount;
    private long size;
    private long leaves;

    private CompactMmr(Accumulator start) {
        this.size = start.size();
        this.leaves = start.leafCount();
        for (Digest peak : start.peaks()) {
            peak.bytes().copyTo(peaks, peakCount++ * Digest.LENGTH);
        }
    }

    /**
     * Starts from an accumulator.
     *
     * @param start the accumulator to append to; {@link Accumulator#empty()} for a new MMR
     * @return the compact MMR, holding {@code start}'s peaks
     */
    public static CompactMmr from(Accumulator start) {
        return new CompactMmr(Objects.requireNonNull(start, "start"));
    }

    /**
     * Appends one leaf.
     *
     * @param leaf the leaf value
     * @return the node index of the leaf
     * @throws MalformedInputException {@link ErrorCode#MMR_SIZE_INVALID} if the MMR is full ({@link
     *     MmrMath#MAX_LEAVES})
     */
    public long append(Digest leaf) {
        byte[] bytes = new byte[Digest.LENGTH];
        leaf.bytes().copyTo(bytes, 0);
        return append(bytes, 0);
    }

    /**
     * Appends one leaf read from an array: the allocation-free form of {@link #append(Digest)}.
     *
     * @param leaf the array holding the leaf's 32 bytes
     * @param offset where they start
     * @return the node index of the leaf
     * @throws MalformedInputException {@link ErrorCode#MMR_SIZE_INVALID} if the MMR is full
     */
    public long append(byte[] leaf, int offset) {
        Objects.checkFromIndexSize(offset, Digest.LENGTH, leaf.length);
        if (leaves >= MmrMath.MAX_LEAVES) {
            throw new MalformedInputException(ErrorCode.MMR_SIZE_INVALID, "the MMR holds its maximum of leaves");
        }
        long index = size;
        System.arraycopy(leaf, offset, peaks, peakCount++ * Digest.LENGTH, Digest.LENGTH);
        size++;
        leaves++;
        int merges = Long.numberOfTrailingZeros(leaves);
        if (merges > 0) {
            NodeHasher hasher = NodeHasher.get();
            for (; merges > 0; merges--) {
                int right = --peakCount * Digest.LENGTH;
                int left = right - Digest.LENGTH;
                hasher.parentInto(size + 1, peaks, left, peaks, right, peaks, left);
                size++;
            }
        }
        return index;
    }

    /**
     * The current size in nodes, always a valid MMR size.
     *
     * @return the size
     */
    public long size() {
        return size;
    }

    /**
     * The number of leaves.
     *
     * @return the leaf count
     */
    public long leafCount() {
        return leaves;
    }

    /**
     * The current accumulator.
     *
     * @return the size and peaks, highest first
     */
    public Accumulator accumulator() {
        List<Digest> values = new ArrayList<>(peakCount);
        for (int k = 0; k < peakCount; k++) {
            values.add(new Digest(Bytes.copyOf(peaks, k * Digest.LENGTH, Digest.LENGTH)));
        }
        return new Accumulator(size, values);
    }
}
