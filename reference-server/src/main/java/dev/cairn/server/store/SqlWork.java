package dev.cairn.server.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work done on one JDBC connection, inside a transaction ({@link Database#inTransaction}) or on an
 * auto-commit connection ({@link Database#read}).
 *
 * @param <T> what the work returns
 */
@FunctionalInterface
public interface SqlWork<T> {
    /**
     * Does the work. It MUST NOT commit, roll back, change the auto-commit mode or close the connection:
     * the caller owns the transaction.
     *
     * @param connection the connection
     * @return the result
     * @throws SQLException if the database refuses or fails; the caller rolls back and translates it
     */
    T run(Connection connection) throws SQLException;
}
