package dev.cairn.server.enroll;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL on {@code enroll_join_requests} (migration V3). */
final class RequestTable {
    private static final String COLUMNS = "request_id, cluster, token_id, poll_hash, status, csr, key_kid, key_type,"
            + " host_fingerprint, hostname, os, arch, agent_version, capabilities, peer_address, received_ms,"
            + " expires_ms, audit_seq, decided_ms, decided_by, decision_seq, reason, node_id, serial";

    private RequestTable() {}

    /** A stored request. */
    record Row(
            String requestId,
            String cluster,
            String tokenId,
            byte[] pollHash,
            String storedStatus,
            byte[] csr,
            String keyKid,
            String keyType,
            Facts facts,
            List<String> capabilities,
            String peerAddress,
            long receivedMs,
            long expiresMs,
            long auditSeq,
            String decidedAt,
            String decidedBy,
            Long decisionSeq,
            String reason,
            String nodeId,
            String serial) {
        /** The status as read at {@code nowMs}: a pending request past its expiry is expired. */
        JoinStatus status(long nowMs) {
            JoinStatus stored = JoinStatus.fromWire(storedStatus).orElseThrow();
            return stored == JoinStatus.PENDING && nowMs >= expiresMs ? JoinStatus.EXPIRED : stored;
        }

        JoinRequestView view(long nowMs, String identity) {
            return new JoinRequestView(
                    requestId,
                    cluster,
                    status(nowMs).wire(),
                    tokenId,
                    facts,
                    capabilities,
                    keyKid,
                    keyType,
                    peerAddress,
                    Times.iso(receivedMs),
                    Times.iso(expiresMs),
                    auditSeq,
                    decidedAt,
                    decidedBy,
                    decisionSeq,
                    reason,
                    nodeId,
                    identity,
                    serial);
        }
    }

    static void insert(Connection c, Row r) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO enroll_join_requests (request_id, cluster, token_id,"
                + " poll_hash, status, csr, key_kid, key_type, host_fingerprint, hostname, os, arch, agent_version,"
                + " capabilities, peer_address, received_ms, expires_ms, audit_seq)"
                + " VALUES (?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, r.requestId());
            s.setString(2, r.cluster());
            s.setString(3, r.tokenId());
            s.setBytes(4, r.pollHash());
            s.setBytes(5, r.csr());
            s.setString(6, r.keyKid());
            s.setString(7, r.keyType());
            s.setString(8, r.facts().hostFingerprint());
            s.setString(9, r.facts().hostname());
            s.setString(10, r.facts().os());
            s.setString(11, r.facts().arch());
            s.setString(12, r.facts().agentVersion());
            s.setString(13, Rules.joinCapabilities(r.capabilities()));
            s.setString(14, r.peerAddress());
            s.setLong(15, r.receivedMs());
            s.setLong(16, r.expiresMs());
            s.setLong(17, r.auditSeq());
            s.executeUpdate();
        }
    }

    static Optional<Row> find(Connection c, String requestId) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("SELECT " + COLUMNS + " FROM enroll_join_requests WHERE request_id = ?")) {
            s.setString(1, requestId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    /** Requests of a stored status (or all), oldest first, at most {@code limit}. */
    static List<Row> list(Connection c, Optional<String> storedStatus, int limit) throws SQLException {
        String where = storedStatus.isPresent() ? " WHERE status = ?" : "";
        List<Row> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM enroll_join_requests" + where
                + " ORDER BY received_ms, request_id FETCH FIRST " + limit + " ROWS ONLY")) {
            if (storedStatus.isPresent()) {
                s.setString(1, storedStatus.get());
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
        }
        return out;
    }

    /** Marks a pending, unexpired request approved; false if it was not pending or expired. */
    static boolean approve(
            Connection c, String requestId, long nowMs, String by, long seq, String nodeId, String serial)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE enroll_join_requests SET status = 'approved',"
                + " decided_ms = ?, decided_by = ?, decision_seq = ?, node_id = ?, serial = ?"
                + " WHERE request_id = ? AND status = 'pending' AND expires_ms > ?")) {
            s.setLong(1, nowMs);
            s.setString(2, by);
            s.setLong(3, seq);
            s.setString(4, nodeId);
            s.setString(5, serial);
            s.setString(6, requestId);
            s.setLong(7, nowMs);
            return s.executeUpdate() == 1;
        }
    }

    /** Marks a pending, unexpired request denied; false if it was not pending or expired. */
    static boolean deny(Connection c, String requestId, long nowMs, String by, long seq, String reason)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE enroll_join_requests SET status = 'denied',"
                + " decided_ms = ?, decided_by = ?, decision_seq = ?, reason = ?"
                + " WHERE request_id = ? AND status = 'pending' AND expires_ms > ?")) {
            s.setLong(1, nowMs);
            s.setString(2, by);
            s.setLong(3, seq);
            s.setString(4, reason);
            s.setString(5, requestId);
            s.setLong(6, nowMs);
            return s.executeUpdate() == 1;
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(
                rs.getString("request_id"),
                rs.getString("cluster"),
                rs.getString("token_id"),
                rs.getBytes("poll_hash"),
                rs.getString("status"),
                rs.getBytes("csr"),
                rs.getString("key_kid"),
                rs.getString("key_type"),
                new Facts(
                        rs.getString("host_fingerprint"),
                        rs.getString("hostname"),
                        rs.getString("os"),
                        rs.getString("arch"),
                        rs.getString("agent_version")),
                Rules.splitCapabilities(rs.getString("capabilities")),
                rs.getString("peer_address"),
                rs.getLong("received_ms"),
                rs.getLong("expires_ms"),
                rs.getLong("audit_seq"),
                Times.iso(rs, "decided_ms"),
                rs.getString("decided_by"),
                Times.nullableLong(rs, "decision_seq"),
                rs.getString("reason"),
                rs.getString("node_id"),
                rs.getString("serial"));
    }
}
