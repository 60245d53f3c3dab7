package dev.cairn.server.enroll;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Millisecond columns to the ISO-8601 text of the API. */
final class Times {
    private Times() {}

    static String iso(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }

    /** A nullable millisecond column as text, or null. */
    static String iso(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : iso(v);
    }

    /** A nullable long column, or null. */
    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
