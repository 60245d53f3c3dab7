package dev.cairn.marker;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Read access to a marker stream: what readers, verifiers, divergence search and the MMR need.
 *
 * <p>Guarantees: a reader sees a prefix of the stream that only grows. Every marker it returns was
 * durable before it became visible, has the sequence it was asked for, and carries a hash that is the
 * hash of its fields ({@link Marker} checks that on construction). Links between markers are not
 * re-checked on every read; {@link ChainVerifier} does that. See {@code spec/marker-stream.md}.
 */
public interface MarkerReader {
    /**
     * The number of durable markers: sequences {@code 0 .. size() - 1} can be read.
     *
     * @return the size, never decreasing while the stream is open
     */
    long size();

    /**
     * The newest durable marker.
     *
     * @return the marker at {@code size() - 1}, or empty when the stream is empty
     */
    Optional<Marker> head();

    /**
     * Reads one marker by sequence.
     *
     * @param seq the sequence, {@code 0 <= seq < size()}
     * @return the marker at {@code seq}
     * @throws dev.cairn.errors.VerificationException {@link dev.cairn.errors.ErrorCode#MARKER_NOT_FOUND}
     *     when {@code seq} is negative or not below {@link #size()}
     * @throws dev.cairn.errors.MalformedInputException {@link dev.cairn.errors.ErrorCode#MARKER_MALFORMED}
     *     when the stored marker is damaged
     */
    Marker get(long seq);

    /**
     * Reads consecutive markers.
     *
     * @param from the first sequence, inclusive
     * @param toExclusive the end, exclusive; {@code from <= toExclusive <= size()}
     * @return the markers {@code from .. toExclusive - 1}, in order
     * @throws dev.cairn.errors.VerificationException {@link dev.cairn.errors.ErrorCode#MARKER_NOT_FOUND}
     *     when the range is not within {@code [0, size())} or {@code from > toExclusive}
     * @throws dev.cairn.errors.MalformedInputException {@link dev.cairn.errors.ErrorCode#MARKER_MALFORMED}
     *     when a stored marker is damaged
     */
    List<Marker> range(long from, long toExclusive);

    /**
     * Finds the first marker whose time is at or after {@code time}. Marker times never decrease along
     * a stream, so this is a binary search.
     *
     * @param time the earliest time wanted
     * @return the marker with the smallest sequence whose {@link Marker#time()} is not before {@code
     *     time}, or empty when every marker is earlier
     */
    Optional<Marker> firstAtOrAfter(Instant time);
}
