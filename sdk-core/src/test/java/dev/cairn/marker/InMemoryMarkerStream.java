package dev.cairn.marker;

import dev.cairn.bytes.Digest;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.VerificationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A slow, literal marker stream in memory: the reference the segment backend is checked against, and
 * a stream whose markers a test can forge (it stores whatever {@link #put} is given). Counts reads.
 */
final class InMemoryMarkerStream implements MarkerStream {
    private final List<Marker> markers = new ArrayList<>();
    private final AtomicLong reads = new AtomicLong();
    private long time;

    InMemoryMarkerStream(long startMillis) {
        this.time = startMillis;
    }

    /** Stores a marker as the next one, without checking its link. */
    synchronized void put(Marker marker) {
        markers.add(marker);
    }

    /** The number of single-marker reads ({@link #get}) so far. */
    long reads() {
        return reads.get();
    }

    @Override
    public synchronized Marker append(String kind, Digest payloadDigest) {
        Digest prev = markers.isEmpty()
                ? Marker.GENESIS_PREV_HASH
                : markers.get(markers.size() - 1).hash();
        Marker marker = Marker.of(markers.size(), time++, kind, payloadDigest, prev);
        markers.add(marker);
        return marker;
    }

    @Override
    public synchronized long size() {
        return markers.size();
    }

    @Override
    public synchronized Optional<Marker> head() {
        return markers.isEmpty() ? Optional.empty() : Optional.of(markers.get(markers.size() - 1));
    }

    @Override
    public synchronized Marker get(long seq) {
        reads.incrementAndGet();
        if (seq < 0 || seq >= markers.size()) {
            throw new VerificationException(ErrorCode.MARKER_NOT_FOUND, "no marker " + seq);
        }
        return markers.get((int) seq);
    }

    @Override
    public synchronized List<Marker> range(long from, long toExclusive) {
        if (from < 0 || from > toExclusive || toExclusive > markers.size()) {
            throw new VerificationException(ErrorCode.MARKER_NOT_FOUND, "no range " + from + ".." + toExclusive);
        }
        return List.copyOf(markers.subList((int) from, (int) toExclusive));
    }

    @Override
    public synchronized Optional<Marker> firstAtOrAfter(Instant instant) {
        for (Marker marker : markers) {
            if (!marker.time().isBefore(instant)) {
                return Optional.of(marker);
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {}
}
