package dev.cairn.server.store.audit;

import dev.cairn.bytes.Bytes;
import dev.cairn.bytes.Digest;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The SQL of {@code audit_mmr_nodes}: node index to 32-byte value. */
final class NodeTable {
    /** Indices per {@code IN (...)} list. */
    private static final int IN_LIST = 256;

    private NodeTable() {}

    /** Inserts nodes {@code first, first + 1, ...} in one JDBC batch. */
    static void insert(Connection c, long first, List<Digest> nodes) throws SQLException {
        if (nodes.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO audit_mmr_nodes (idx, hash) VALUES (?, ?)")) {
            long index = first;
            for (Digest node : nodes) {
                s.setLong(1, index++);
                s.setBytes(2, node.toByteArray());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Reads one node, or empty when absent. */
    static Optional<Digest> get(Connection c, long index) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT hash FROM audit_mmr_nodes WHERE idx = ?")) {
            s.setLong(1, index);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(digest(index, rs.getBytes(1))) : Optional.empty();
            }
        }
    }

    /**
     * Reads the nodes at the given indices, a few {@code IN} lists at a time; absent ones are missing
     * from the map.
     */
    static Map<Long, Digest> load(Connection c, long[] indices) throws SQLException {
        long[] sorted = Arrays.stream(indices).distinct().sorted().toArray();
        Map<Long, Digest> nodes = new HashMap<>(sorted.length * 2);
        for (int from = 0; from < sorted.length; from += IN_LIST) {
            int to = Math.min(sorted.length, from + IN_LIST);
            StringBuilder sql = new StringBuilder("SELECT idx, hash FROM audit_mmr_nodes WHERE idx IN (");
            for (int k = from; k < to; k++) {
                sql.append(k == from ? "?" : ", ?");
            }
            sql.append(')');
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                for (int k = from; k < to; k++) {
                    s.setLong(k - from + 1, sorted[k]);
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        long index = rs.getLong(1);
                        nodes.put(index, digest(index, rs.getBytes(2)));
                    }
                }
            }
        }
        return nodes;
    }

    /** The number of stored nodes. */
    static long count(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM audit_mmr_nodes")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Deletes every node at or above an index. */
    static void deleteFrom(Connection c, long index) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM audit_mmr_nodes WHERE idx >= ?")) {
            s.setLong(1, index);
            s.executeUpdate();
        }
    }

    private static Digest digest(long index, byte[] bytes) {
        if (bytes == null || bytes.length != Digest.LENGTH) {
            throw new InternalException(ErrorCode.STORE_INCONSISTENT, "MMR node " + index + " is not 32 bytes", null);
        }
        return new Digest(Bytes.copyOf(bytes));
    }

    /** Reads a node that must exist. */
    static Digest require(Connection c, long index) throws SQLException {
        return get(c, index)
                .orElseThrow(() -> new InternalException(
                        ErrorCode.STORE_INCONSISTENT, "MMR node " + index + " is missing from audit_mmr_nodes", null));
    }
}
