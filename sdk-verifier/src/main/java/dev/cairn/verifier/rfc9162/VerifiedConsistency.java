package dev.cairn.verifier.rfc9162;

import dev.cairn.bytes.Digest;

/**
 * Two tree heads proven consistent: the tree of {@link #size1()} leaves with root {@link #root1()} is a
 * prefix of the tree of {@link #size2()} leaves with root {@link #root2()}, so the log only appended
 * between them. Only {@link Rfc9162Verifier} creates one.
 */
public final class VerifiedConsistency {
    private final long size1;
    private final long size2;
    private final Digest root1;
    private final Digest root2;

    VerifiedConsistency(long size1, long size2, Digest root1, Digest root2) {
        this.size1 = size1;
        this.size2 = size2;
        this.root1 = root1;
        this.root2 = root2;
    }

    /**
     * The earlier size.
     *
     * @return the number of leaves of the earlier tree
     */
    public long size1() {
        return size1;
    }

    /**
     * The later size.
     *
     * @return the number of leaves of the later tree, at least {@link #size1()}
     */
    public long size2() {
        return size2;
    }

    /**
     * The earlier root.
     *
     * @return the root hash of the earlier tree
     */
    public Digest root1() {
        return root1;
    }

    /**
     * The later root.
     *
     * @return the root hash of the later tree
     */
    public Digest root2() {
        return root2;
    }

    @Override
    public String toString() {
        return "VerifiedConsistency[" + size1 + " -> " + size2 + "]";
    }
}
