package dev.cairn.server.store.marker;

import dev.cairn.bytes.Digest;
import dev.cairn.marker.Marker;
import dev.cairn.mmr.MmrMath;
import java.util.Objects;

/**
 * The committed head of the log, as the one row of {@code audit_head} holds it.
 *
 * @param markerCount the number of markers: sequences {@code 0 .. markerCount - 1} are in the stream
 * @param mmrSize the MMR size in nodes integrated so far, a valid MMR size of at most {@code
 *     markerCount} leaves (less when markers were appended without the audit log)
 * @param headHash the hash of marker {@code markerCount - 1}, or {@link Marker#GENESIS_PREV_HASH}
 * @param headTimeMillis the time of that marker, or 0 for an empty stream
 */
public record LogHead(long markerCount, long mmrSize, Digest headHash, long headTimeMillis) {
    /** The head of an empty log. */
    public static final LogHead EMPTY = new LogHead(0, 0, Marker.GENESIS_PREV_HASH, 0);

    /**
     * Validates the components.
     *
     * @param markerCount the number of markers
     * @param mmrSize the integrated MMR size in nodes
     * @param headHash the hash of the newest marker, or the genesis hash
     * @param headTimeMillis the time of the newest marker, or 0
     * @throws IllegalArgumentException for negative counts or time, or an MMR size that is not valid or
     *     has more leaves than there are markers
     */
    public LogHead {
        Objects.requireNonNull(headHash, "headHash");
        if (markerCount < 0 || headTimeMillis < 0 || !MmrMath.isValidSize(mmrSize)) {
            throw new IllegalArgumentException(
                    "head: count " + markerCount + ", MMR size " + mmrSize + ", time " + headTimeMillis);
        }
        if (MmrMath.leafCount(mmrSize) > markerCount) {
            throw new IllegalArgumentException(
                    "MMR of " + MmrMath.leafCount(mmrSize) + " leaves over " + markerCount + " markers");
        }
    }

    /**
     * Builds the next marker after this head: sequence {@link #markerCount()}, the clock's time raised to
     * the head's time, linked to the head's hash.
     *
     * @param clockMillis what the clock reads, in milliseconds since the Unix epoch
     * @param kind the marker kind
     * @param payloadDigest the payload digest
     * @return the marker
     * @throws dev.cairn.errors.MalformedInputException {@code MARKER_KIND_INVALID} for a bad kind
     */
    public Marker next(long clockMillis, String kind, Digest payloadDigest) {
        return Marker.of(markerCount, Math.max(clockMillis, headTimeMillis), kind, payloadDigest, headHash);
    }

    /**
     * The head after a marker built by {@link #next} was appended.
     *
     * @param marker the new head marker
     * @return the new head, same MMR size
     */
    public LogHead after(Marker marker) {
        if (marker.seq() != markerCount) {
            throw new IllegalArgumentException("marker " + marker.seq() + " after a head of " + markerCount);
        }
        return new LogHead(markerCount + 1, mmrSize, marker.hash(), marker.timeMillis());
    }

    /**
     * This head with another integrated MMR size.
     *
     * @param size the new MMR size
     * @return the new head
     */
    public LogHead withMmrSize(long size) {
        return new LogHead(markerCount, size, headHash, headTimeMillis);
    }
}
