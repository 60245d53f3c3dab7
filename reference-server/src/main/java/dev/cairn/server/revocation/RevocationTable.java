package dev.cairn.server.revocation;

import dev.cairn.trust.revocation.RevocationEntry;
import dev.cairn.trust.revocation.RevocationReason;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL on {@code revocation_entries} (migration V4) and {@code revocation_head}. */
final class RevocationTable {
    private RevocationTable() {}

    /** The newest entry, read inside the caller's transaction. */
    static Optional<RevocationEntry> tail(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT idx, serial, reason, revoked_ms FROM revocation_entries"
                + " ORDER BY idx DESC FETCH FIRST 1 ROWS ONLY")) {
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(entry(rs)) : Optional.empty();
            }
        }
    }

    static boolean contains(Connection c, BigInteger serial) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM revocation_entries WHERE serial = ?")) {
            s.setString(1, serial.toString(16));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    static void insert(Connection c, RevocationEntry entry, long auditSeq) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO revocation_entries (idx, serial, reason, revoked_ms, audit_seq) VALUES (?, ?, ?, ?, ?)")) {
            s.setLong(1, entry.index());
            s.setString(2, entry.serial().toString(16));
            s.setInt(3, entry.reason().code());
            s.setLong(4, entry.revokedAt().toEpochMilli());
            s.setLong(5, auditSeq);
            s.executeUpdate();
        }
    }

    /** Entries with index {@code from} and above, in order. */
    static List<RevocationEntry> from(Connection c, long from) throws SQLException {
        List<RevocationEntry> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT idx, serial, reason, revoked_ms FROM revocation_entries WHERE idx >= ? ORDER BY idx")) {
            s.setLong(1, from);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(entry(rs));
                }
            }
        }
        return out;
    }

    private static RevocationEntry entry(ResultSet rs) throws SQLException {
        RevocationReason reason = RevocationReason.fromCode(rs.getInt(3))
                .orElseThrow(() -> new SQLException("revocation_entries holds an unknown reason code"));
        return new RevocationEntry(
                rs.getLong(1), new BigInteger(rs.getString(2), 16), reason, Instant.ofEpochMilli(rs.getLong(4)));
    }

    /** The published head row: sequence -1 and no bytes before the first publication. */
    record HeadRow(long sequence, Optional<PublishedHead> head) {}

    static HeadRow head(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT sequence, chain_size, issued_ms, signed_head, crl FROM revocation_head WHERE id = 1")) {
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("revocation_head has no row");
                }
                long sequence = rs.getLong(1);
                if (sequence < 0) {
                    return new HeadRow(sequence, Optional.empty());
                }
                return new HeadRow(
                        sequence,
                        Optional.of(new PublishedHead(
                                sequence,
                                rs.getLong(2),
                                Instant.ofEpochMilli(rs.getLong(3)),
                                dev.cairn.bytes.Bytes.copyOf(rs.getBytes(4)),
                                dev.cairn.bytes.Bytes.copyOf(rs.getBytes(5)))));
            }
        }
    }

    /** Claims {@code head.sequence()} if the row still holds {@code previous}; false if another publisher won. */
    static boolean claim(Connection c, long previous, PublishedHead head) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE revocation_head SET sequence = ?, chain_size = ?,"
                + " issued_ms = ?, signed_head = ?, crl = ? WHERE id = 1 AND sequence = ?")) {
            s.setLong(1, head.sequence());
            s.setLong(2, head.chainSize());
            s.setLong(3, head.issuedAt().toEpochMilli());
            s.setBytes(4, head.signedHead().toByteArray());
            s.setBytes(5, head.crl().toByteArray());
            s.setLong(6, previous);
            return s.executeUpdate() == 1;
        }
    }
}
