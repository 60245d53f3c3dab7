package dev.cairn.server.store;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the server's database is and how to pool connections to it. Build one with {@link
 * #h2File(Path)} (the zero-configuration default) or {@link #jdbc(String, String, String)}.
 *
 * <p>H2 URLs are made durable across a process kill: {@code ;WRITE_DELAY=0} is appended (H2's
 * default, 500 ms, loses the last half second of acknowledged commits when the process is killed,
 * measured in {@code spec/server-storage.md}); a URL that sets another write delay is refused. And
 * they use H2's {@code retry:} file system ({@code jdbc:h2:file:} becomes {@code jdbc:h2:retry:}):
 * with the default one, interrupting any thread while it reads or writes through H2 (a cancelled
 * request) closes the file channel and with it the whole database.
 * {@link #toString()} never shows the password.
 *
 * @param jdbcUrl a {@code jdbc:postgresql:} URL, or an H2 file URL (kept as {@code jdbc:h2:retry:...;WRITE_DELAY=0})
 * @param user the database user, or {@code null} for the driver's default
 * @param password the password, or {@code null} for none
 * @param poolSize the most connections the pool opens, 1 to 1000
 * @param connectionTimeout how long a caller waits for a pooled connection, at least 250 ms
 * @param lockTimeout how long a statement waits for a row lock (the log head), at least 1 ms
 */
public record DatabaseConfig(
        String jdbcUrl, String user, String password, int poolSize, Duration connectionTimeout, Duration lockTimeout) {
    /** Connections the pool opens by default. */
    public static final int DEFAULT_POOL_SIZE = 10;

    /** How long a caller waits for a pooled connection by default. */
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(10);

    /** How long a statement waits for a row lock by default. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(10);

    /** The file name (without H2's {@code .mv.db}) of the default database in its directory. */
    public static final String H2_FILE_NAME = "cairn";

    private static final int MAX_POOL_SIZE = 1000;

    /**
     * Validates the settings and makes an H2 URL durable across a process kill and safe from
     * interrupts.
     *
     * @param jdbcUrl a {@code jdbc:h2:file:}, {@code jdbc:h2:retry:} or {@code jdbc:postgresql:} URL
     * @param user the database user, or {@code null}
     * @param password the password, or {@code null}
     * @param poolSize the most connections, 1 to 1000
     * @param connectionTimeout the wait for a pooled connection, at least 250 ms
     * @param lockTimeout the wait for a row lock, at least 1 ms
     * @throws MalformedInputException {@link ErrorCode#STORE_CONFIG_INVALID} for another URL, an H2 URL
     *     with a non-zero {@code WRITE_DELAY}, a pool size outside 1-1000 or timeouts out of range
     */
    public DatabaseConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        if (Engine.of(jdbcUrl) == Engine.H2) {
            jdbcUrl = durableH2(Engine.H2.urlPrefix()
                    + jdbcUrl.substring(Engine.H2.prefixOf(jdbcUrl).length()));
        }
        if (poolSize < 1 || poolSize > MAX_POOL_SIZE) {
            throw invalid("pool size: got " + poolSize + ", want 1-" + MAX_POOL_SIZE);
        }
        if (connectionTimeout.toMillis() < 250) {
            throw invalid("connection timeout: got " + connectionTimeout + ", want >= 250 ms");
        }
        if (lockTimeout.toMillis() < 1 || lockTimeout.toMillis() > Integer.MAX_VALUE) {
            throw invalid("lock timeout: got " + lockTimeout + ", want 1 ms to 24 days");
        }
    }

    /**
     * The default store: an embedded H2 database {@code cairn.mv.db} in a directory, created when absent.
     *
     * @param directory the directory; made absolute
     * @return the configuration, default pool
     * @throws MalformedInputException {@link ErrorCode#STORE_CONFIG_INVALID} when the path holds a
     *     character H2 would read as URL syntax ({@code ;}) or a control character
     */
    public static DatabaseConfig h2File(Path directory) {
        String dir = directory.toAbsolutePath().normalize().toString();
        for (int i = 0; i < dir.length(); i++) {
            char c = dir.charAt(i);
            if (c == ';' || c < 0x20 || c == 0x7f) {
                throw invalid("H2 directory: " + dir + " holds ';' or a control character at " + i);
            }
        }
        String file = Path.of(dir, H2_FILE_NAME).toString();
        return new DatabaseConfig(
                Engine.H2.urlPrefix() + file,
                "sa",
                "",
                DEFAULT_POOL_SIZE,
                DEFAULT_CONNECTION_TIMEOUT,
                DEFAULT_LOCK_TIMEOUT);
    }

    /**
     * A database given by its JDBC URL, with the default pool.
     *
     * @param jdbcUrl a {@code jdbc:postgresql:} (or {@code jdbc:h2:file:}) URL
     * @param user the user, or {@code null}
     * @param password the password, or {@code null}
     * @return the configuration
     * @throws MalformedInputException {@link ErrorCode#STORE_CONFIG_INVALID} for another URL
     */
    public static DatabaseConfig jdbc(String jdbcUrl, String user, String password) {
        return new DatabaseConfig(
                jdbcUrl, user, password, DEFAULT_POOL_SIZE, DEFAULT_CONNECTION_TIMEOUT, DEFAULT_LOCK_TIMEOUT);
    }

    /**
     * This configuration with another pool size.
     *
     * @param size the most connections, 1 to 1000
     * @return the new configuration
     */
    public DatabaseConfig withPoolSize(int size) {
        return new DatabaseConfig(jdbcUrl, user, password, size, connectionTimeout, lockTimeout);
    }

    /**
     * This configuration with another lock timeout.
     *
     * @param timeout how long a statement waits for a row lock
     * @return the new configuration
     */
    public DatabaseConfig withLockTimeout(Duration timeout) {
        return new DatabaseConfig(jdbcUrl, user, password, poolSize, connectionTimeout, timeout);
    }

    /**
     * The engine the URL names.
     *
     * @return H2 or PostgreSQL
     */
    public Engine engine() {
        return Engine.of(jdbcUrl);
    }

    /** Renders the settings without the password and without URL parameters. */
    @Override
    public String toString() {
        return "DatabaseConfig[" + Engine.redact(jdbcUrl) + ", user=" + user + ", password="
                + (password == null || password.isEmpty() ? "none" : "***") + ", pool=" + poolSize + "]";
    }

    private static String durableH2(String url) {
        String upper = url.toUpperCase(Locale.ROOT);
        int at = upper.indexOf(";WRITE_DELAY=");
        if (at < 0) {
            return url + ";WRITE_DELAY=0";
        }
        int from = at + ";WRITE_DELAY=".length();
        int end = upper.indexOf(';', from);
        String value = upper.substring(from, end < 0 ? upper.length() : end).strip();
        if (!value.equals("0")) {
            throw invalid("H2 WRITE_DELAY: got " + value + ", want 0 (a later write loses acknowledged commits when"
                    + " the process is killed)");
        }
        return url;
    }

    private static MalformedInputException invalid(String message) {
        return new MalformedInputException(ErrorCode.STORE_CONFIG_INVALID, message);
    }
}
