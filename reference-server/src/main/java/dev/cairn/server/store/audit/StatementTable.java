package dev.cairn.server.store.audit;

import dev.cairn.bytes.Bytes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The SQL of {@code audit_statements}: marker sequence to signed statement (COSE_Sign1 bytes). */
final class StatementTable {
    /** One row to insert. */
    record Row(long seq, Bytes signed) {}

    private StatementTable() {}

    /** Inserts statements in one JDBC batch. */
    static void insert(Connection c, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO audit_statements (seq, signed) VALUES (?, ?)")) {
            for (Row row : rows) {
                s.setLong(1, row.seq());
                s.setBytes(2, row.signed().toByteArray());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** The signed statement at a sequence, or empty when its marker has none (or does not exist). */
    static Optional<Bytes> get(Connection c, long seq) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT signed FROM audit_statements WHERE seq = ?")) {
            s.setLong(1, seq);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(Bytes.copyOf(rs.getBytes(1))) : Optional.empty();
            }
        }
    }

    /** The statements of a range of sequences, by sequence; sequences without one are absent. */
    static Map<Long, Bytes> range(Connection c, long from, long toExclusive) throws SQLException {
        Map<Long, Bytes> rows = new HashMap<>();
        try (PreparedStatement s =
                c.prepareStatement("SELECT seq, signed FROM audit_statements WHERE seq >= ? AND seq < ?")) {
            s.setLong(1, from);
            s.setLong(2, toExclusive);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getLong(1), Bytes.copyOf(rs.getBytes(2)));
                }
            }
        }
        return rows;
    }
}
