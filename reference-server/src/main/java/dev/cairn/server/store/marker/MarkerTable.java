package dev.cairn.server.store.marker;

import dev.cairn.bytes.Bytes;
import dev.cairn.bytes.Digest;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.marker.Marker;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The SQL of the marker stream's tables, {@code audit_head} and {@code audit_markers}, on a
 * connection the caller owns. {@link JdbcMarkerStream} appends in transactions of its own; the audit
 * log appends inside the transactions of the changes its markers record. Both sequence only after
 * {@link #lockHead(Connection)}, so one transaction at a time, in any replica, extends the stream.
 */
public final class MarkerTable {
    private static final String HEAD_COLUMNS = "marker_count, mmr_size, head_hash, head_time_ms";
    private static final String MARKER_COLUMNS = "seq, time_ms, kind, payload_digest, prev_hash, hash";

    private MarkerTable() {}

    /**
     * Locks the head row for the rest of the transaction ({@code SELECT ... FOR UPDATE}) and reads it.
     * Waits for a transaction that holds it (bounded by the lock timeout), and then reads the head it
     * committed.
     *
     * @param c a connection in a transaction
     * @return the committed head
     * @throws SQLException if the lock wait timed out or the database failed
     */
    public static LogHead lockHead(Connection c) throws SQLException {
        return head(c, "SELECT " + HEAD_COLUMNS + " FROM audit_head WHERE id = 1 FOR UPDATE");
    }

    /**
     * Reads the committed head without locking it.
     *
     * @param c a connection
     * @return the head
     * @throws SQLException if the database failed
     */
    public static LogHead readHead(Connection c) throws SQLException {
        return head(c, "SELECT " + HEAD_COLUMNS + " FROM audit_head WHERE id = 1");
    }

    private static LogHead head(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                throw new InternalException(ErrorCode.STORE_INCONSISTENT, "audit_head has no row", null);
            }
            long count = rs.getLong(1);
            long mmrSize = rs.getLong(2);
            byte[] hash = rs.getBytes(3);
            long time = rs.getLong(4);
            try {
                return new LogHead(count, mmrSize, hash == null ? Marker.GENESIS_PREV_HASH : Digest.of(hash), time);
            } catch (IllegalArgumentException e) {
                throw new InternalException(ErrorCode.STORE_INCONSISTENT, "audit_head: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Writes a new head; the caller holds the lock.
     *
     * @param c the connection of the transaction that locked the head
     * @param head the new head
     * @throws SQLException if the database failed
     */
    public static void updateHead(Connection c, LogHead head) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE audit_head SET marker_count = ?, mmr_size = ?,"
                + " head_hash = ?, head_time_ms = ? WHERE id = 1")) {
            s.setLong(1, head.markerCount());
            s.setLong(2, head.mmrSize());
            s.setBytes(3, head.markerCount() == 0 ? null : head.headHash().toByteArray());
            s.setLong(4, head.headTimeMillis());
            if (s.executeUpdate() != 1) {
                throw new InternalException(ErrorCode.STORE_INCONSISTENT, "audit_head has no row", null);
            }
        }
    }

    /**
     * Inserts markers, in one JDBC batch.
     *
     * @param c the connection of the transaction that locked the head
     * @param markers markers that follow the locked head, in order
     * @throws SQLException if the database failed (for example a sequence already taken)
     */
    public static void insert(Connection c, List<Marker> markers) throws SQLException {
        if (markers.isEmpty()) {
            return;
        }
        try (PreparedStatement s =
                c.prepareStatement("INSERT INTO audit_markers (" + MARKER_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Marker m : markers) {
                s.setLong(1, m.seq());
                s.setLong(2, m.timeMillis());
                s.setString(3, m.kind());
                s.setBytes(4, m.payloadDigest().toByteArray());
                s.setBytes(5, m.prevHash().toByteArray());
                s.setBytes(6, m.hash().toByteArray());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /**
     * Reads one committed marker.
     *
     * @param c a connection
     * @param seq the sequence
     * @return the marker, or empty when there is none at {@code seq}
     * @throws SQLException if the database failed
     * @throws MalformedInputException {@code MARKER_MALFORMED} when the stored row is damaged
     */
    public static Optional<Marker> get(Connection c, long seq) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("SELECT " + MARKER_COLUMNS + " FROM audit_markers WHERE seq = ?")) {
            s.setLong(1, seq);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(marker(rs)) : Optional.empty();
            }
        }
    }

    /**
     * Reads the markers of a range that exist, in order.
     *
     * @param c a connection
     * @param from the first sequence, inclusive
     * @param toExclusive the end, exclusive
     * @return the markers found, at most {@code toExclusive - from}
     * @throws SQLException if the database failed
     * @throws MalformedInputException {@code MARKER_MALFORMED} when a stored row is damaged
     */
    public static List<Marker> range(Connection c, long from, long toExclusive) throws SQLException {
        List<Marker> markers = new ArrayList<>((int) Math.min(Math.max(0, toExclusive - from), 4096));
        try (PreparedStatement s = c.prepareStatement(
                "SELECT " + MARKER_COLUMNS + " FROM audit_markers WHERE seq >= ? AND seq < ? ORDER BY seq")) {
            s.setLong(1, from);
            s.setLong(2, toExclusive);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    markers.add(marker(rs));
                }
            }
        }
        return markers;
    }

    /**
     * Reads the time of one marker: what a binary search over times probes.
     *
     * @param c a connection
     * @param seq the sequence
     * @return its time in milliseconds, or empty when there is no marker at {@code seq}
     * @throws SQLException if the database failed
     */
    public static OptionalLong timeAt(Connection c, long seq) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT time_ms FROM audit_markers WHERE seq = ?")) {
            s.setLong(1, seq);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    private static Marker marker(ResultSet rs) throws SQLException {
        long seq = rs.getLong(1);
        return new Marker(
                seq,
                rs.getLong(2),
                rs.getString(3),
                digest(rs.getBytes(4), "payload_digest", seq),
                digest(rs.getBytes(5), "prev_hash", seq),
                digest(rs.getBytes(6), "hash", seq));
    }

    private static Digest digest(byte[] bytes, String column, long seq) {
        if (bytes == null || bytes.length != Digest.LENGTH) {
            throw new MalformedInputException(
                    ErrorCode.MARKER_MALFORMED,
                    "marker " + seq + " " + column + ": got " + (bytes == null ? "NULL" : bytes.length + " bytes")
                            + ", want 32 bytes");
        }
        return new Digest(Bytes.copyOf(bytes));
    }
}
