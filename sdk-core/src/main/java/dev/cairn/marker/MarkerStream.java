package dev.cairn.marker;

import dev.cairn.bytes.Digest;

/**
 * An append-only, dense-sequence, hash-chained log of control events (see {@code
 * spec/marker-stream.md}). Backends: {@link SegmentMarkerStream} (segment files, embedded and in the
 * agent); a JDBC table in the reference server. They share no code, only this contract.
 *
 * <p>Lifecycle verb: {@link #append} <em>sequences</em> a marker: it returns only once the marker is
 * durable, with its sequence, time and previous hash assigned by the store in order. It MUST NOT
 * return a marker that a crash could lose, and it MUST NOT assign a sequence twice. Integration into
 * the MMR and publication under a signed checkpoint are later steps, done by others.
 *
 * <p>Not guaranteed: that an append that failed did not land. An append that throws {@link
 * dev.cairn.errors.ErrorCode#MARKER_APPEND_TIMEOUT} or {@link dev.cairn.errors.ErrorCode#INTERNAL_IO}
 * may or may not be in the stream afterwards; read the head (after reopening, for I/O errors) to find
 * out. Appends are not idempotent: retrying appends again.
 */
public interface MarkerStream extends MarkerReader, AutoCloseable {
    /**
     * Appends one marker and returns once it is durable.
     *
     * @param kind the event kind, 1 to 64 printable ASCII characters
     * @param payloadDigest the digest of the event's payload
     * @return the durable marker, with its sequence, time, previous hash and hash
     * @throws dev.cairn.errors.MalformedInputException {@link
     *     dev.cairn.errors.ErrorCode#MARKER_KIND_INVALID} for a bad kind (nothing is appended)
     * @throws dev.cairn.errors.InternalException {@link dev.cairn.errors.ErrorCode#MARKER_APPEND_TIMEOUT}
     *     when the marker was not durable within the store's bounded wait (retryable; it may still
     *     land), {@link dev.cairn.errors.ErrorCode#INTERNAL_IO} when writing or forcing failed (the
     *     store is then closed), {@link dev.cairn.errors.ErrorCode#MARKER_STORE_CLOSED} after {@link
     *     #close()} or an earlier failure
     */
    Marker append(String kind, Digest payloadDigest);

    /**
     * Stops accepting appends, completes the appends already queued, and releases the store. Reads
     * after closing throw {@link dev.cairn.errors.ErrorCode#MARKER_STORE_CLOSED}. Idempotent.
     */
    @Override
    void close();
}
