package dev.cairn.server.store;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Turns {@link SQLException}s into Cairn's typed errors, the same way on H2 and PostgreSQL. The
 * message carries the SQL state and vendor code; the exception is the cause.
 */
public final class SqlErrors {
    /** H2's vendor code for a lock wait that timed out ({@code LOCK_TIMEOUT_1}). */
    private static final int H2_LOCK_TIMEOUT = 50200;

    private SqlErrors() {}

    /**
     * Whether a failure is a lock wait or statement that ran out of time: PostgreSQL's {@code 55P03}
     * ({@code lock_timeout}) and {@code 57014} (statement timeout), H2's lock timeout.
     *
     * @param e the failure
     * @return whether it is a timeout
     */
    public static boolean isTimeout(SQLException e) {
        String state = e.getSQLState();
        return "55P03".equals(state) || "57014".equals(state) || e.getErrorCode() == H2_LOCK_TIMEOUT;
    }

    /**
     * Whether a failure means the database could not be reached or the connection broke: the pool's
     * timeout for a connection, or SQL state class {@code 08}.
     *
     * @param e the failure
     * @return whether the connection is the problem
     */
    public static boolean isConnectionFailure(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLTransientConnectionException || (state != null && state.startsWith("08"));
    }

    /**
     * Translates the failure of a transaction that was rolled back (or never began): nothing of it was
     * applied. {@link ErrorCode#STORE_UNAVAILABLE} for a connection failure, {@link
     * ErrorCode#STORE_TIMEOUT} for a timeout, else {@link ErrorCode#STORE_TRANSACTION_FAILED}; all
     * retryable.
     *
     * @param what what was being done, for the message
     * @param e the failure
     * @return the typed error
     */
    public static InternalException rolledBack(String what, SQLException e) {
        ErrorCode code = isConnectionFailure(e)
                ? ErrorCode.STORE_UNAVAILABLE
                : isTimeout(e) ? ErrorCode.STORE_TIMEOUT : ErrorCode.STORE_TRANSACTION_FAILED;
        return new InternalException(code, what + " failed and was rolled back: " + describe(e), e);
    }

    /**
     * Translates a failed commit: the outcome is unknown ({@link ErrorCode#STORE_COMMIT_UNKNOWN}).
     *
     * @param what what was being committed
     * @param e the failure
     * @return the typed error
     */
    public static InternalException commitUnknown(String what, SQLException e) {
        return new InternalException(
                ErrorCode.STORE_COMMIT_UNKNOWN, "commit of " + what + " failed, outcome unknown: " + describe(e), e);
    }

    /**
     * Translates a failed read: {@link ErrorCode#STORE_UNAVAILABLE}, retryable.
     *
     * @param what what was being read
     * @param e the failure
     * @return the typed error
     */
    public static InternalException readFailed(String what, SQLException e) {
        return new InternalException(ErrorCode.STORE_UNAVAILABLE, "reading " + what + " failed: " + describe(e), e);
    }

    /**
     * One line about a failure: its message, SQL state and vendor code.
     *
     * @param e the failure
     * @return the description
     */
    public static String describe(SQLException e) {
        return e.getMessage() + " (SQL state " + e.getSQLState() + ", code " + e.getErrorCode() + ")";
    }
}
