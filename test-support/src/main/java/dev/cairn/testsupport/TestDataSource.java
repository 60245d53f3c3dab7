package dev.cairn.testsupport;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * A fresh database for one test class: a {@link DataSource} and what it points at.
 *
 * <p>{@link #close()} drops the PostgreSQL database (terminating connections still open) or shuts
 * H2 down and deletes its directory. With {@link CairnDatabase} that happens after the class; a
 * {@code TestDataSource} made with {@link TestDatabases#create(TestDatabase, String)} is closed by its
 * owner.
 */
public final class TestDataSource implements AutoCloseable {

    /** What {@link #close()} does. */
    @FunctionalInterface
    interface Cleanup {
        void run() throws Exception;
    }

    private final TestDatabase kind;
    private final DataSource dataSource;
    private final String jdbcUrl;
    private final String user;
    private final String name;
    private final Path directory;
    private final Cleanup cleanup;
    private final AtomicBoolean closed = new AtomicBoolean();

    TestDataSource(
            TestDatabase kind,
            DataSource dataSource,
            String jdbcUrl,
            String user,
            String name,
            Path directory,
            Cleanup cleanup) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        this.user = user;
        this.name = Objects.requireNonNull(name, "name");
        this.directory = directory;
        this.cleanup = Objects.requireNonNull(cleanup, "cleanup");
    }

    /**
     * Returns which engine this database runs on.
     *
     * @return the engine
     */
    public TestDatabase kind() {
        return kind;
    }

    /**
     * Returns a data source for this database. It does not pool: every call to {@code getConnection}
     * opens a new connection, which the caller closes.
     *
     * @return an {@code org.h2.jdbcx.JdbcDataSource} or an {@code org.postgresql.ds.PGSimpleDataSource}
     */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Returns the JDBC URL of this database, e.g. for code under test that takes a URL.
     *
     * @return the URL, without user or password
     */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /**
     * Returns the user that {@link #dataSource()} connects as.
     *
     * @return the user name, or {@code null} when the driver's default is used
     */
    public String user() {
        return user;
    }

    /**
     * Returns the unique name of this database: the PostgreSQL database name, or the name of H2's
     * temporary directory. It has the form {@code cairn_<test class name>_<random hex>}.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the directory that holds an H2 database's files.
     *
     * @return the directory for {@link TestDatabase#H2_FILE}, empty for PostgreSQL
     */
    public Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    /**
     * Opens a new connection to this database.
     *
     * @return a connection the caller closes
     * @throws SQLException if the database cannot be reached
     */
    public Connection getConnection() throws SQLException {
        return dataSource.getConnection();
    }

    /**
     * Returns whether {@link #close()} has been called.
     *
     * @return {@code true} once closed
     */
    public boolean isClosed() {
        return closed.get();
    }

    /**
     * Drops the database (PostgreSQL) or shuts it down and deletes its directory (H2). Connections
     * still open are cut. Calling it again does nothing.
     *
     * @throws IllegalStateException if the database could not be removed
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            cleanup.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not remove test database " + this, e);
        }
    }

    @Override
    public String toString() {
        return kind.id() + " " + jdbcUrl;
    }
}
