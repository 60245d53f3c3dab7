package dev.cairn.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The server's database: a HikariCP pool over H2 (file mode) or PostgreSQL, migrated by Flyway from
 * {@code classpath:db/migration} when opened, and the transactions work runs in ({@code
 * spec/server-storage.md}).
 *
 * <p>Guarantees: {@link #inTransaction} commits the work or rolls all of it back, and says which
 * (a failed commit's outcome is unknown and says so: {@link ErrorCode#STORE_COMMIT_UNKNOWN}). What a
 * commit survives depends on the engine: {@link #durability()}. Lock waits are bounded by the
 * configured lock timeout on both engines. Thread-safe.
 */
public final class Database implements AutoCloseable {
    /** Where the migrations are. */
    public static final String MIGRATIONS = "classpath:db/migration";

    private final DatabaseConfig config;
    private final HikariDataSource pool;
    private final Durability durability;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Database(DatabaseConfig config, HikariDataSource pool, Durability durability) {
        this.config = config;
        this.pool = pool;
        this.durability = durability;
    }

    /**
     * Opens the pool, migrates the schema to the newest version this server knows, and checks what a
     * commit survives.
     *
     * @param config where the database is
     * @return the open database
     * @throws InternalException {@link ErrorCode#STORE_UNAVAILABLE} when the database cannot be reached,
     *     {@link ErrorCode#STORE_MIGRATION_FAILED} when a migration fails
     */
    public static Database open(DatabaseConfig config) {
        Objects.requireNonNull(config, "config");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hikari(config));
        } catch (HikariPool.PoolInitializationException e) {
            throw new InternalException(
                    ErrorCode.STORE_UNAVAILABLE, "cannot connect to " + config + ": " + e.getMessage(), e);
        }
        try {
            migrate(pool);
            return new Database(config, pool, probeDurability(config.engine(), pool));
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private static HikariConfig hikari(DatabaseConfig config) {
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("cairn-store");
        hc.setJdbcUrl(config.jdbcUrl());
        if (config.user() != null) {
            hc.setUsername(config.user());
        }
        if (config.password() != null) {
            hc.setPassword(config.password());
        }
        hc.setMaximumPoolSize(config.poolSize());
        hc.setMinimumIdle(Math.min(2, config.poolSize()));
        hc.setConnectionTimeout(config.connectionTimeout().toMillis());
        hc.setAutoCommit(true);
        long lockMillis = config.lockTimeout().toMillis();
        if (config.engine() == Engine.POSTGRESQL) {
            // One multi-row INSERT per JDBC batch instead of one round trip per row.
            hc.addDataSourceProperty("reWriteBatchedInserts", "true");
            hc.addDataSourceProperty("ApplicationName", "cairn-server");
            hc.setConnectionInitSql("SET lock_timeout = " + lockMillis);
        } else {
            hc.setConnectionInitSql("SET LOCK_TIMEOUT " + lockMillis);
        }
        return hc;
    }

    private static void migrate(DataSource pool) {
        try {
            Flyway.configure(Database.class.getClassLoader())
                    .dataSource(pool)
                    .locations(MIGRATIONS)
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new InternalException(ErrorCode.STORE_MIGRATION_FAILED, "migration failed: " + e.getMessage(), e);
        }
    }

    private static Durability probeDurability(Engine engine, DataSource pool) {
        if (engine == Engine.H2) {
            return Durability.SURVIVES_PROCESS_KILL;
        }
        try (Connection c = pool.getConnection();
                Statement s = c.createStatement()) {
            boolean fsync = setting(s, "SHOW fsync").equals("on");
            boolean synchronous = !setting(s, "SHOW synchronous_commit").equals("off");
            return fsync && synchronous ? Durability.FSYNC_EVERY_COMMIT : Durability.NOT_DURABLE;
        } catch (SQLException e) {
            throw SqlErrors.readFailed("PostgreSQL settings", e);
        }
    }

    private static String setting(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * The engine the database runs on.
     *
     * @return H2 or PostgreSQL
     */
    public Engine engine() {
        return config.engine();
    }

    /**
     * What a committed transaction survives, as found when the database was opened.
     *
     * @return the durability of a commit
     */
    public Durability durability() {
        return durability;
    }

    /**
     * The configuration the database was opened with.
     *
     * @return the configuration
     */
    public DatabaseConfig config() {
        return config;
    }

    /**
     * The pool, for code that manages its own connections. Prefer {@link #inTransaction}.
     *
     * @return the pooled data source
     */
    public DataSource dataSource() {
        return pool;
    }

    /**
     * Runs work in one transaction: commits when it returns, rolls back when it throws.
     *
     * @param work the work; it MUST NOT commit, roll back or close the connection
     * @param <T> what the work returns
     * @return what the work returned, once committed
     * @throws CairnException what the work threw (after the rollback); {@link ErrorCode#STORE_UNAVAILABLE},
     *     {@link ErrorCode#STORE_TIMEOUT} or {@link ErrorCode#STORE_TRANSACTION_FAILED} when the database
     *     failed and the work was rolled back; {@link ErrorCode#STORE_COMMIT_UNKNOWN} when the commit
     *     failed; {@link ErrorCode#STORE_CLOSED} after {@link #close()}
     */
    public <T> T inTransaction(SqlWork<T> work) {
        Objects.requireNonNull(work, "work");
        Connection c = connection();
        try {
            T result;
            try {
                c.setAutoCommit(false);
                result = work.run(c);
            } catch (SQLException e) {
                rollbackQuietly(c, e);
                throw SqlErrors.rolledBack("transaction", e);
            } catch (RuntimeException | Error e) {
                rollbackQuietly(c, e);
                throw e;
            }
            try {
                c.commit();
            } catch (SQLException e) {
                throw SqlErrors.commitUnknown("transaction", e);
            }
            return result;
        } finally {
            closeQuietly(c);
        }
    }

    /**
     * Runs reads on an auto-commit connection.
     *
     * @param work the reads
     * @param <T> what they return
     * @return their result
     * @throws InternalException {@link ErrorCode#STORE_UNAVAILABLE} when the database fails, {@link
     *     ErrorCode#STORE_CLOSED} after {@link #close()}
     */
    public <T> T read(SqlWork<T> work) {
        Objects.requireNonNull(work, "work");
        Connection c = connection();
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw SqlErrors.readFailed("from the database", e);
        } finally {
            closeQuietly(c);
        }
    }

    /**
     * Borrows a connection from the pool, in auto-commit mode; the caller closes it.
     *
     * @return the connection
     * @throws InternalException {@link ErrorCode#STORE_UNAVAILABLE} when none can be had in time,
     *     {@link ErrorCode#STORE_CLOSED} after {@link #close()}
     */
    public Connection connection() {
        if (closed.get()) {
            throw new InternalException(ErrorCode.STORE_CLOSED, "the database is closed", null);
        }
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            if (closed.get() || pool.isClosed()) {
                throw new InternalException(ErrorCode.STORE_CLOSED, "the database is closed", e);
            }
            throw new InternalException(
                    ErrorCode.STORE_UNAVAILABLE, "no connection to the database: " + SqlErrors.describe(e), e);
        }
    }

    private static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            // The pool discards a connection whose rollback failed; the original failure is what counts.
            cause.addSuppressed(e);
        }
    }

    /**
     * Returns a connection to the pool. A failure here cannot undo a commit or a read that succeeded,
     * and the pool discards a connection it cannot reset, so it is not reported.
     *
     * @param c the connection
     */
    static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // See above: nothing the caller could do with it.
        }
    }

    /**
     * Closes the pool. H2 closes its files when the last connection is gone. Idempotent.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            pool.close();
        }
    }

    @Override
    public String toString() {
        return "Database[" + config + ", " + durability + "]";
    }
}
