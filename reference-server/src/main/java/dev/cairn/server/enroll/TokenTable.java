package dev.cairn.server.enroll;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** SQL on {@code enroll_join_tokens} (migration V3). */
final class TokenTable {
    private TokenTable() {}

    /** A stored token. */
    record Row(
            String tokenId, String cluster, byte[] secretHmac, long expiresMs, int maxUses, int used, boolean revoked) {
        JoinTokenView view() {
            return new JoinTokenView(tokenId, cluster, Times.iso(expiresMs), maxUses, used, revoked);
        }
    }

    static void insert(
            Connection c,
            String tokenId,
            String cluster,
            byte[] hmac,
            long createdMs,
            long expiresMs,
            int maxUses,
            String createdBy,
            long seq)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO enroll_join_tokens (token_id, cluster, secret_hmac,"
                + " created_ms, expires_ms, max_uses, used, revoked, created_by, audit_seq)"
                + " VALUES (?, ?, ?, ?, ?, ?, 0, FALSE, ?, ?)")) {
            s.setString(1, tokenId);
            s.setString(2, cluster);
            s.setBytes(3, hmac);
            s.setLong(4, createdMs);
            s.setLong(5, expiresMs);
            s.setInt(6, maxUses);
            s.setString(7, createdBy);
            s.setLong(8, seq);
            s.executeUpdate();
        }
    }

    static Optional<Row> find(Connection c, String tokenId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT token_id, cluster, secret_hmac, expires_ms, max_uses,"
                + " used, revoked FROM enroll_join_tokens WHERE token_id = ?")) {
            s.setString(1, tokenId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Row(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getBytes(3),
                        rs.getLong(4),
                        rs.getInt(5),
                        rs.getInt(6),
                        rs.getBoolean(7)));
            }
        }
    }

    /** Takes one use: the conditional update of {@code spec/enrollment.md} section 2. */
    static boolean consume(Connection c, String tokenId, long nowMs) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE enroll_join_tokens SET used = used + 1"
                + " WHERE token_id = ? AND used < max_uses AND expires_ms > ? AND revoked = FALSE")) {
            s.setString(1, tokenId);
            s.setLong(2, nowMs);
            return s.executeUpdate() == 1;
        }
    }

    static boolean revoke(Connection c, String tokenId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE enroll_join_tokens SET revoked = TRUE WHERE token_id = ? AND revoked = FALSE")) {
            s.setString(1, tokenId);
            return s.executeUpdate() == 1;
        }
    }
}
