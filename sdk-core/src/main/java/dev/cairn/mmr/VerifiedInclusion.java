package dev.cairn.mmr;

import dev.cairn.bytes.Digest;

/**
 * A node proven to be in an MMR: the value at {@link #index()} leads through its inclusion path to the
 * peak at {@link #peakPosition()} of {@link #accumulator()}. Only {@link MmrVerifier} creates one.
 */
public final class VerifiedInclusion {
    private final long index;
    private final Digest leaf;
    private final Accumulator accumulator;
    private final int peakPosition;

    VerifiedInclusion(long index, Digest leaf, Accumulator accumulator, int peakPosition) {
        this.index = index;
        this.leaf = leaf;
        this.accumulator = accumulator;
        this.peakPosition = peakPosition;
    }

    /**
     * The node index proven.
     *
     * @return the index
     */
    public long index() {
        return index;
    }

    /**
     * Whether the index proven is a leaf (height 0). A verifier that needs a leaf, such as a marker
     * hash, checks this: the proof alone only shows that the value is a node at the index.
     *
     * @return {@code true} for a leaf index
     */
    public boolean isLeaf() {
        return MmrMath.height(index) == 0;
    }

    /**
     * The value proven at that index.
     *
     * @return the leaf (or node) value
     */
    public Digest leaf() {
        return leaf;
    }

    /**
     * The accumulator the proof was checked against.
     *
     * @return the accumulator
     */
    public Accumulator accumulator() {
        return accumulator;
    }

    /**
     * Which peak the proof leads to, as a position in {@link Accumulator#peaks()}.
     *
     * @return the position, from 0
     */
    public int peakPosition() {
        return peakPosition;
    }

    @Override
    public String toString() {
        return "VerifiedInclusion[index=" + index + ", size=" + accumulator.size() + ", peak=" + peakPosition + "]";
    }
}
