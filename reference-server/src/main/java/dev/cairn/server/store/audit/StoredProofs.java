package dev.cairn.server.store.audit;

import dev.cairn.bytes.Digest;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.mmr.Accumulator;
import dev.cairn.mmr.ConsistencyProof;
import dev.cairn.mmr.InclusionProof;
import dev.cairn.mmr.Mmr;
import dev.cairn.mmr.MmrMath;
import dev.cairn.mmr.MmrProofs;
import dev.cairn.server.store.Database;
import dev.cairn.server.store.marker.MarkerTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * Proofs from the committed MMR in {@code audit_mmr_nodes}, up to the integrated size the head row
 * states. Each call reads the nodes it needs in one query (sdk-core's {@link Mmr} assembles the proof
 * over a {@link NodeSnapshot}), so any replica proves everything committed, whatever its writer has
 * seen. Committed nodes never change, so a proof once made stays valid. Thread-safe.
 */
final class StoredProofs implements MmrProofs {
    private final Database db;

    StoredProofs(Database db) {
        this.db = db;
    }

    /** The integrated MMR size committed now. */
    @Override
    public long size() {
        return db.read(c -> MarkerTable.readHead(c).mmrSize());
    }

    @Override
    public Accumulator accumulator(long size) {
        return db.read(c -> accumulator(c, size));
    }

    @Override
    public InclusionProof inclusionProof(long index, long size) {
        return db.read(c -> inclusionProof(c, index, size));
    }

    @Override
    public ConsistencyProof consistencyProof(long size1, long size2) {
        return db.read(c -> {
            require(c, size2);
            MmrMath.requireValidSize(size1);
            List<long[]> paths = new ArrayList<>();
            if (size1 < size2) {
                for (long peak : MmrMath.peaks(size1)) {
                    paths.add(MmrMath.inclusionPath(peak, size2));
                }
            }
            long[] needed = paths.stream().flatMapToLong(LongStream::of).toArray();
            return open(c, size2, needed).consistencyProof(size1, size2);
        });
    }

    /** An inclusion proof from a committed size, on a connection the caller holds. */
    static InclusionProof inclusionProof(Connection c, long index, long size) throws SQLException {
        require(c, size);
        return open(c, size, MmrMath.inclusionPath(index, size)).inclusionProof(index, size);
    }

    /** The accumulator of a committed size, on a connection the caller holds (e.g. in a transaction). */
    static Accumulator accumulator(Connection c, long size) throws SQLException {
        require(c, size);
        return open(c, size, new long[0]).accumulator();
    }

    private static void require(Connection c, long size) throws SQLException {
        MmrMath.requireValidSize(size);
        long committed = MarkerTable.readHead(c).mmrSize();
        if (size > committed) {
            throw new MalformedInputException(
                    ErrorCode.MMR_SIZE_INVALID, "MMR size " + size + " is beyond the tree's size " + committed);
        }
    }

    private static Mmr open(Connection c, long size, long[] needed) throws SQLException {
        long[] peaks = MmrMath.peaks(size);
        long[] all =
                LongStream.concat(LongStream.of(peaks), LongStream.of(needed)).toArray();
        Map<Long, Digest> nodes = NodeTable.load(c, all);
        return Mmr.open(new NodeSnapshot(size, nodes, c));
    }
}
