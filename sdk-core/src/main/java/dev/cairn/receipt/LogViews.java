package dev.cairn.receipt;

import dev.cairn.mmr.Accumulator;
import dev.cairn.mmr.ConsistencyProof;
import dev.cairn.mmr.InclusionProof;
import dev.cairn.mmr.Mmr;
import dev.cairn.mmr.MmrProofs;

/**
 * A read-only view of a log's MMR: a cast cannot turn it back into something that appends (the
 * stream's is {@link dev.cairn.marker.ReadOnlyMarkers}).
 */
final class LogViews {
    private LogViews() {}

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
