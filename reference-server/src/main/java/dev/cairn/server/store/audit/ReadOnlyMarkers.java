package dev.cairn.server.store.audit;

import dev.cairn.marker.Marker;
import dev.cairn.marker.MarkerReader;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A view of a marker stream that cannot append: a cast cannot turn it back into the stream. */
final class ReadOnlyMarkers implements MarkerReader {
    private final MarkerReader stream;

    private ReadOnlyMarkers(MarkerReader stream) {
        this.stream = stream;
    }

    static MarkerReader of(MarkerReader stream) {
        return new ReadOnlyMarkers(stream);
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
