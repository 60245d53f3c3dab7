package dev.cairn.marker;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A read-only view of a marker stream, for handing out a log's markers: it only forwards the {@link
 * MarkerReader} calls, and a cast cannot turn it back into the {@link MarkerStream} that appends.
 */
public final class ReadOnlyMarkers implements MarkerReader {
    private final MarkerReader stream;

    private ReadOnlyMarkers(MarkerReader stream) {
        this.stream = stream;
    }

    /**
     * A view of a stream.
     *
     * @param stream the stream (or any reader)
     * @return a reader that sees what {@code stream} sees and is nothing else
     */
    public static MarkerReader of(MarkerReader stream) {
        return new ReadOnlyMarkers(Objects.requireNonNull(stream, "stream"));
    }

    @Override
    public long size() {
        return stream.size();
    }

    @Override
    public Optional<Marker> head() {
        return stream.head();
    }

    @Override
    public Marker get(long seq) {
        return stream.get(seq);
    }

    @Override
    public List<Marker> range(long from, long toExclusive) {
        return stream.range(from, toExclusive);
    }

    @Override
    public Optional<Marker> firstAtOrAfter(Instant time) {
        return stream.firstAtOrAfter(time);
    }
}
