package dev.cairn.receipt;

import dev.cairn.marker.Marker;
import dev.cairn.marker.MarkerReader;
import dev.cairn.mmr.Accumulator;
import dev.cairn.mmr.ConsistencyProof;
import dev.cairn.mmr.InclusionProof;
import dev.cairn.mmr.Mmr;
import dev.cairn.mmr.MmrProofs;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Read-only views of a log's stream and MMR: a cast cannot turn them back into something that appends. */
final class LogViews {
    private LogViews() {}

    static MarkerReader markers(MarkerReader stream) {
        return new MarkerReader() {
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
        };
    }

    static MmrProofs proofs(Mmr mmr) {
        return new MmrProofs() {
            @Override
            public long size() {
                return mmr.size();
            }

            @Override
            public Accumulator accumulator(long size) {
                return mmr.accumulator(size);
            }

            @Override
            public InclusionProof inclusionProof(long index, long size) {
                return mmr.inclusionProof(index, size);
            }

            @Override
            public ConsistencyProof consistencyProof(long size1, long size2) {
                return mmr.consistencyProof(size1, size2);
            }
        };
    }
}
