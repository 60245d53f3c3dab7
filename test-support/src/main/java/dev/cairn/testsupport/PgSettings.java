package dev.cairn.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import org.postgresql.ds.PGSimpleDataSource;

/** Where the test PostgreSQL server is, read from the environment. */
record PgSettings(String url, String user, String password) {

    /** Seconds to wait for a TCP connection to the server. */
    static final int CONNECT_TIMEOUT_SECONDS = 10;

    /** Reads the settings; empty when {@code CAIRN_TEST_PG_URL} is unset or blank. */
    static Optional<PgSettings> fromEnvironment(Map<String, String> env) {
        String url = blankToNull(env.get(TestDatabases.PG_URL_ENV));
        if (url == null) {
            return Optional.empty();
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException(
                    TestDatabases.PG_URL_ENV + " must be a jdbc:postgresql: URL, but is " + url);
        }
        return Optional.of(new PgSettings(
                url,
                blankToNull(env.get(TestDatabases.PG_USER_ENV)),
                blankToNull(env.get(TestDatabases.PG_PASSWORD_ENV))));
    }

    /**
     * The settings from {@code env}, checked by connecting; aborts or fails by {@link CiRule} when
     * they are missing or the server cannot be reached.
     */
    static PgSettings require(Map<String, String> env) {
        Optional<PgSettings> settings = fromEnvironment(env);
        if (settings.isEmpty()) {
            CiRule.abortOrFail(TestDatabase.POSTGRESQL, TestDatabases.PG_URL_ENV + " is not set", env, null);
            throw new AssertionError("unreachable");
        }
        PgSettings pg = settings.get();
        try (Connection c = pg.adminDataSource().getConnection()) {
            c.isValid(CONNECT_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            CiRule.abortOrFail(
                    TestDatabase.POSTGRESQL,
                    "PostgreSQL at " + pg.url() + " (user " + pg.user() + ") cannot be reached: " + e.getMessage(),
                    env,
                    e);
        }
        return pg;
    }

    /** A data source for the database named in the URL (the admin database, usually {@code postgres}). */
    PGSimpleDataSource adminDataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        if (user != null) {
            ds.setUser(user);
        }
        if (password != null) {
            ds.setPassword(password);
        }
        ds.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
        ds.setApplicationName("cairn-test-support");
        return ds;
    }

    /** A data source for database {@code name} on the same server. */
    PGSimpleDataSource dataSourceFor(String name) {
        PGSimpleDataSource ds = adminDataSource();
        ds.setDatabaseName(name);
        return ds;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Override
    public String toString() {
        return "PgSettings[url=" + url + ", user=" + user + ", password=" + (password == null ? "none" : "***") + "]";
    }
}
