package dev.cairn.marker;

import dev.cairn.bytes.Digest;

/**
 * A range of a marker stream whose hash chain {@link ChainVerifier} checked: sequences are dense, each
 * marker's previous hash is its predecessor's hash, and times never decrease. Only the verifier creates
 * one. Hold on to it to verify only what was appended since ({@link ChainVerifier#extend}).
 */
public final class VerifiedChain {
    private final long from;
    private final long toExclusive;
    private final Digest anchorHash;
    private final Digest headHash;
    private final long headTimeMillis;

    VerifiedChain(long from, long toExclusive, Digest anchorHash, Digest headHash, long headTimeMillis) {
        this.from = from;
        this.toExclusive = toExclusive;
        this.anchorHash = anchorHash;
        this.headHash = headHash;
        this.headTimeMillis = headTimeMillis;
    }

    /**
     * The first verified sequence.
     *
     * @return the start of the range, inclusive
     */
    public long from() {
        return from;
    }

    /**
     * The end of the verified range.
     *
     * @return the end, exclusive
     */
    public long toExclusive() {
        return toExclusive;
    }

    /**
     * The previous hash of marker {@link #from()}: {@link Marker#GENESIS_PREV_HASH} when the range
     * starts at 0, else the hash of marker {@code from - 1}, which the range links to but which was not
     * itself verified.
     *
     * @return the anchor hash
     */
    public Digest anchorHash() {
        return anchorHash;
    }

    /**
     * The hash of the last verified marker, or {@link #anchorHash()} when the range is empty.
     *
     * @return the head hash
     */
    public Digest headHash() {
        return headHash;
    }

    /**
     * The time of the last verified marker (or of the anchor; 0 for an empty range from 0).
     *
     * @return milliseconds since the Unix epoch
     */
    public long headTimeMillis() {
        return headTimeMillis;
    }

    @Override
    public String toString() {
        return "VerifiedChain[" + from + ", " + toExclusive + ") head " + headHash;
    }
}
