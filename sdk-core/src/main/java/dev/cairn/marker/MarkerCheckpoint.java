package dev.cairn.marker;

import dev.cairn.bytes.Digest;
import java.util.Objects;

/**
 * A peer's claim about its stream: the hash of its marker at one sequence. Because markers are
 * hash-chained, agreeing on the hash at {@code seq} means agreeing on every marker up to {@code seq}.
 *
 * @param seq the sequence, non-negative
 * @param hash the peer's marker hash at {@code seq}
 */
public record MarkerCheckpoint(long seq, Digest hash) {
    /**
     * Validates the components.
     *
     * @param seq the sequence, non-negative
     * @param hash the marker hash
     */
    public MarkerCheckpoint {
        Objects.requireNonNull(hash, "hash");
        if (seq < 0) {
            throw new IllegalArgumentException("seq: got " + seq + ", want >= 0");
        }
    }

    /**
     * The checkpoint of a marker.
     *
     * @param marker the marker
     * @return its sequence and hash
     */
    public static MarkerCheckpoint of(Marker marker) {
        return new MarkerCheckpoint(marker.seq(), marker.hash());
    }
}
