package dev.cairn.server.enroll;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL on {@code enroll_nodes} and {@code enroll_certificates} (migration V3). */
final class NodeTable {
    private static final String COLUMNS = "node_id, cluster, identity, status, host_fingerprint, capabilities,"
            + " report_status, last_seen_ms, created_ms, request_id, audit_seq, revoked_ms, revoke_reason";

    private NodeTable() {}

    /** A stored node. */
    record Row(
            String nodeId,
            String cluster,
            String identity,
            String status,
            String hostFingerprint,
            List<String> capabilities,
            String reportStatus,
            String lastSeenAt,
            long createdMs,
            String requestId,
            long auditSeq,
            String revokedAt,
            String revokeReason) {
        NodeView view(List<NodeView.CertificateView> certificates) {
            return new NodeView(
                    nodeId,
                    cluster,
                    identity,
                    status,
                    hostFingerprint,
                    capabilities,
                    reportStatus,
                    lastSeenAt,
                    Times.iso(createdMs),
                    requestId,
                    auditSeq,
                    revokedAt,
                    revokeReason,
                    certificates);
        }
    }

    static void insert(Connection c, Row r) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO enroll_nodes (node_id, cluster, identity, status,"
                + " host_fingerprint, capabilities, request_id, created_ms, audit_seq)"
                + " VALUES (?, ?, ?, 'active', ?, ?, ?, ?, ?)")) {
            s.setString(1, r.nodeId());
            s.setString(2, r.cluster());
            s.setString(3, r.identity());
            s.setString(4, r.hostFingerprint());
            s.setString(5, Rules.joinCapabilities(r.capabilities()));
            s.setString(6, r.requestId());
            s.setLong(7, r.createdMs());
            s.setLong(8, r.auditSeq());
            s.executeUpdate();
        }
    }

    static Optional<Row> byId(Connection c, String nodeId) throws SQLException {
        return one(c, "node_id", nodeId);
    }

    static Optional<Row> byIdentity(Connection c, String identity) throws SQLException {
        return one(c, "identity", identity);
    }

    private static Optional<Row> one(Connection c, String column, String value) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("SELECT " + COLUMNS + " FROM enroll_nodes WHERE " + column + " = ?")) {
            s.setString(1, value);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    static List<Row> all(Connection c, int limit) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                        + " FROM enroll_nodes ORDER BY created_ms, node_id FETCH FIRST " + limit + " ROWS ONLY");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(row(rs));
            }
        }
        return out;
    }

    /** Records an audited report: capabilities and status, with the liveness fields. */
    static boolean report(Connection c, String nodeId, List<String> capabilities, String status, long nowMs)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE enroll_nodes SET capabilities = ?, report_status = ?,"
                + " last_seen_ms = ? WHERE node_id = ? AND status = 'active'")) {
            s.setString(1, Rules.joinCapabilities(capabilities));
            s.setString(2, status);
            s.setLong(3, nowMs);
            s.setString(4, nodeId);
            return s.executeUpdate() == 1;
        }
    }

    /** The liveness update of a heartbeat that changed nothing else (not audited). */
    static void seen(Connection c, String nodeId, long nowMs, long bundleSequence, long revocationSequence)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE enroll_nodes SET last_seen_ms = ?, bundle_sequence = ?,"
                + " revocation_sequence = ? WHERE node_id = ? AND status = 'active'")) {
            s.setLong(1, nowMs);
            s.setLong(2, bundleSequence);
            s.setLong(3, revocationSequence);
            s.setString(4, nodeId);
            s.executeUpdate();
        }
    }

    static boolean revoke(Connection c, String nodeId, long nowMs, String reason) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE enroll_nodes SET status = 'revoked', revoked_ms = ?,"
                + " revoke_reason = ? WHERE node_id = ? AND status = 'active'")) {
            s.setLong(1, nowMs);
            s.setString(2, reason);
            s.setString(3, nodeId);
            return s.executeUpdate() == 1;
        }
    }

    static void insertCertificate(
            Connection c, BigInteger serial, String nodeId, long issuedMs, long notAfterMs, byte[] der, long seq)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO enroll_certificates (serial, node_id, issued_ms,"
                + " not_after_ms, der, audit_seq) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, serial.toString(16));
            s.setString(2, nodeId);
            s.setLong(3, issuedMs);
            s.setLong(4, notAfterMs);
            s.setBytes(5, der);
            s.setLong(6, seq);
            s.executeUpdate();
        }
    }

    static Optional<byte[]> certificate(Connection c, String serial) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT der FROM enroll_certificates WHERE serial = ?")) {
            s.setString(1, serial);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        }
    }

    static List<NodeView.CertificateView> certificates(Connection c, String nodeId) throws SQLException {
        List<NodeView.CertificateView> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT serial, issued_ms, not_after_ms, audit_seq"
                + " FROM enroll_certificates WHERE node_id = ? ORDER BY issued_ms, serial")) {
            s.setString(1, nodeId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new NodeView.CertificateView(
                            rs.getString(1), Times.iso(rs.getLong(2)), Times.iso(rs.getLong(3)), rs.getLong(4)));
                }
            }
        }
        return out;
    }

    /** Serials of the node's certificates that have not expired at {@code nowMs}. */
    static List<BigInteger> unexpiredSerials(Connection c, String nodeId, long nowMs) throws SQLException {
        List<BigInteger> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT serial FROM enroll_certificates"
                + " WHERE node_id = ? AND not_after_ms > ? ORDER BY issued_ms, serial")) {
            s.setString(1, nodeId);
            s.setLong(2, nowMs);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new BigInteger(rs.getString(1), 16));
                }
            }
        }
        return out;
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(
                rs.getString("node_id"),
                rs.getString("cluster"),
                rs.getString("identity"),
                rs.getString("status"),
                rs.getString("host_fingerprint"),
                Rules.splitCapabilities(rs.getString("capabilities")),
                rs.getString("report_status"),
                Times.iso(rs, "last_seen_ms"),
                rs.getLong("created_ms"),
                rs.getString("request_id"),
                rs.getLong("audit_seq"),
                Times.iso(rs, "revoked_ms"),
                rs.getString("revoke_reason"));
    }
}
