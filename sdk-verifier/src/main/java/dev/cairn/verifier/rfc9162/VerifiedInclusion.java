package dev.cairn.verifier.rfc9162;

import dev.cairn.bytes.Digest;

/**
 * A leaf proven to be in a tree: the leaf hash at {@link #leafIndex()} leads through its audit path to
 * {@link #root()} in a tree of {@link #treeSize()} leaves. Only {@link Rfc9162Verifier} creates one.
 */
public final class VerifiedInclusion {
    private final long leafIndex;
    private final long treeSize;
    private final Digest leafHash;
    private final Digest root;

    VerifiedInclusion(long leafIndex, long treeSize, Digest leafHash, Digest root) {
        this.leafIndex = leafIndex;
        this.treeSize = treeSize;
        this.leafHash = leafHash;
        this.root = root;
    }

    /**
     * The index of the leaf proven.
     *
     * @return the zero-based leaf index
     */
    public long leafIndex() {
        return leafIndex;
    }

    /**
     * The size of the tree the proof was checked in.
     *
     * @return the number of leaves
     */
    public long treeSize() {
        return treeSize;
    }

    /**
     * The leaf hash proven at that index.
     *
     * @return {@code SHA-256(0x00 || entry)} of the entry
     */
    public Digest leafHash() {
        return leafHash;
    }

    /**
     * The root the proof led to: the one the caller trusted.
     *
     * @return the tree's root hash
     */
    public Digest root() {
        return root;
    }

    @Override
    public String toString() {
        return "VerifiedInclusion[leaf=" + leafIndex + ", size=" + treeSize + ", root=" + root.toHex() + "]";
    }
}
