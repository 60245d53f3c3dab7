package dev.cairn.server.store.audit;

import dev.cairn.bytes.Bytes;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborLimits;
import dev.cairn.cbor.CborMap;
import dev.cairn.checkpoint.Checkpoint;
import dev.cairn.cose.CoseSign1;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.receipt.SignedCheckpoint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The SQL of {@code audit_checkpoints}: signed checkpoints, numbered in publication order. */
final class CheckpointTable {
    private static final String COLUMNS = "id, mmr_size, epoch, time_ms, signed";

    /** A stored checkpoint and its number. */
    record Row(long id, SignedCheckpoint signed) {
        long mmrSize() {
            return signed.checkpoint().size();
        }
    }

    private CheckpointTable() {}

    /** The newest checkpoint, or empty when none was published. */
    static Optional<Row> latest(Connection c) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM audit_checkpoints ORDER BY id DESC FETCH FIRST 1 ROW ONLY", -1);
    }

    /** The newest checkpoint of an MMR size, or empty. */
    static Optional<Row> ofSize(Connection c, long mmrSize) throws SQLException {
        return one(
                c,
                "SELECT " + COLUMNS + " FROM audit_checkpoints WHERE mmr_size = ? ORDER BY id DESC FETCH FIRST 1 ROW"
                        + " ONLY",
                mmrSize);
    }

    private static Optional<Row> one(Connection c, String sql, long size) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (size >= 0) {
                s.setLong(1, size);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    /** Stores a checkpoint under the next number. */
    static void insert(Connection c, long id, SignedCheckpoint signed) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("INSERT INTO audit_checkpoints (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)")) {
            Checkpoint cp = signed.checkpoint();
            s.setLong(1, id);
            s.setLong(2, cp.size());
            s.setLong(3, cp.epoch());
            s.setLong(4, cp.time().toEpochMilli());
            s.setBytes(5, signed.signed().toByteArray());
            s.executeUpdate();
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        long size = rs.getLong(2);
        long epoch = rs.getLong(3);
        long time = rs.getLong(4);
        Bytes signed = Bytes.copyOf(rs.getBytes(5));
        Checkpoint cp;
        try {
            Bytes payload = CoseSign1.decode(signed.toByteArray(), CborLimits.DEFAULT)
                    .payload()
                    .orElseThrow(() -> new IllegalArgumentException("no payload"));
            cp = Checkpoint.fromCbor((CborMap) Cbor.decode(payload.toByteArray()));
        } catch (CairnException | IllegalArgumentException | ClassCastException e) {
            throw new InternalException(ErrorCode.STORE_INCONSISTENT, "checkpoint " + id + " does not decode", e);
        }
        if (cp.size() != size || cp.epoch() != epoch || cp.time().toEpochMilli() != time) {
            throw new InternalException(
                    ErrorCode.STORE_INCONSISTENT,
                    "checkpoint " + id + ": columns disagree with the signed bytes",
                    null);
        }
        return new Row(id, new SignedCheckpoint(cp, signed));
    }
}
