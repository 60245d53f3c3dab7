package dev.cairn.server.enroll;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL on {@code enroll_clusters} (migration V3). */
final class ClusterTable {
    private ClusterTable() {}

    static boolean exists(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM enroll_clusters WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    static void insert(Connection c, String name, long createdMs, String createdBy, long seq) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO enroll_clusters (name, created_ms, created_by, audit_seq) VALUES (?, ?, ?, ?)")) {
            s.setString(1, name);
            s.setLong(2, createdMs);
            s.setString(3, createdBy);
            s.setLong(4, seq);
            s.executeUpdate();
        }
    }

    static List<ClusterView> all(Connection c) throws SQLException {
        List<ClusterView> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                        "SELECT name, created_ms, created_by, audit_seq FROM enroll_clusters ORDER BY name");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(new ClusterView(rs.getString(1), Times.iso(rs.getLong(2)), rs.getString(3), rs.getLong(4)));
            }
        }
        return out;
    }

    static Optional<ClusterView> find(Connection c, String name) throws SQLException {
        return all(c).stream().filter(v -> v.name().equals(name)).findFirst();
    }
}
