package dev.cairn.server.store.audit;

import dev.cairn.checkpoint.LogId;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.VerificationException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The log id column of {@code audit_head}: which log a database holds. */
final class HeadTable {
    private HeadTable() {}

    /**
     * Claims the database for a log id, or checks that it is the one it holds. The caller holds the head
     * lock.
     *
     * @throws VerificationException {@link ErrorCode#STORE_LOG_MISMATCH} when the database holds another
     *     log
     */
    static void claim(Connection c, LogId logId) throws SQLException {
        String held;
        try (PreparedStatement s = c.prepareStatement("SELECT log_id FROM audit_head WHERE id = 1");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            held = rs.getString(1);
        }
        if (held == null) {
            try (PreparedStatement s = c.prepareStatement("UPDATE audit_head SET log_id = ? WHERE id = 1")) {
                s.setString(1, logId.value());
                s.executeUpdate();
            }
        } else if (!held.equals(logId.value())) {
            throw VerificationException.mismatch(ErrorCode.STORE_LOG_MISMATCH, logId.value(), held);
        }
    }
}
