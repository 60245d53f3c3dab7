package dev.cairn.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Creates fresh test databases without JUnit's help, e.g. for a test that needs two at once. Most
 * tests use {@link CairnDatabase} instead.
 *
 * <pre>{@code
 * try (TestDataSource db = TestDatabases.create(TestDatabase.H2_FILE, "replay")) {
 *     ...
 * }
 * }</pre>
 */
public final class TestDatabases {

    /** Environment variable with the JDBC URL of the admin database of the test PostgreSQL server. */
    public static final String PG_URL_ENV = "CAIRN_TEST_PG_URL";

    /** Environment variable with the PostgreSQL user (must be allowed to create databases). */
    public static final String PG_USER_ENV = "CAIRN_TEST_PG_USER";

    /** Optional environment variable with the PostgreSQL password. */
    public static final String PG_PASSWORD_ENV = "CAIRN_TEST_PG_PASSWORD";

    /** Environment variable that, when {@code true}, turns a missing database into a test failure. */
    public static final String CI_ENV = "CI";

    private static final int MAX_LABEL_LENGTH = 40;
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Databases not closed yet. When the JVM is stopped early (Ctrl-C, SIGTERM from a build that is
     * being cancelled), JUnit's after-all callbacks never run: a shutdown hook removes these instead.
     */
    private static final Set<TestDataSource> OPEN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::closeAllOpen, "cairn-test-databases-cleanup"));
    }

    private TestDatabases() {}

    /**
     * Creates a fresh database, reading the PostgreSQL settings from the process environment.
     *
     * @param kind the engine
     * @param label a name for it, usually the test class's simple name; it goes into the database name
     * @return the new database; the caller closes it
     * @throws org.opentest4j.TestAbortedException if PostgreSQL is wanted but not configured or not
     *     reachable, and {@code CI} is not {@code true}
     * @throws org.opentest4j.AssertionFailedError in that case when {@code CI} is {@code true}
     */
    public static TestDataSource create(TestDatabase kind, String label) {
        return create(kind, label, System.getenv());
    }

    /**
     * Creates a fresh database, reading the PostgreSQL settings and {@code CI} from {@code env}.
     *
     * @param kind the engine
     * @param label a name for it, usually the test class's simple name; it goes into the database name
     * @param env the environment to read {@code CAIRN_TEST_PG_*} and {@code CI} from
     * @return the new database; the caller closes it
     * @throws org.opentest4j.TestAbortedException if PostgreSQL is wanted but not configured or not
     *     reachable, and {@code CI} is not {@code true}
     * @throws org.opentest4j.AssertionFailedError in that case when {@code CI} is {@code true}
     */
    public static TestDataSource create(TestDatabase kind, String label, Map<String, String> env) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(env, "env");
        return switch (kind) {
            case H2_FILE -> createH2File(label);
            case POSTGRESQL -> createPostgres(label, env);
        };
    }

    /** Registers a new database for the shutdown hook; its cleanup unregisters it. */
    private static TestDataSource track(
            TestDatabase kind,
            DataSource dataSource,
            String url,
            String user,
            String name,
            Path dir,
            TestDataSource.Cleanup cleanup) {
        TestDataSource[] self = new TestDataSource[1];
        self[0] = new TestDataSource(kind, dataSource, url, user, name, dir, () -> {
            OPEN.remove(self[0]);
            cleanup.run();
        });
        OPEN.add(self[0]);
        return self[0];
    }

    /** Whether the shutdown hook would still remove {@code db}. */
    static boolean isTracked(TestDataSource db) {
        return OPEN.contains(db);
    }

    private static void closeAllOpen() {
        for (TestDataSource db : List.copyOf(OPEN)) {
            try {
                db.close();
            } catch (RuntimeException e) {
                System.err.println("[cairn-test-support] could not remove " + db + " at shutdown: " + e);
            }
        }
    }

    /**
     * Returns whether {@code env} marks a CI run ({@code CI=true}), in which missing databases fail
     * tests instead of skipping them.
     *
     * @param env an environment, e.g. {@code System.getenv()}
     * @return {@code true} if {@code CI} is {@code true}, ignoring case and surrounding blanks
     */
    public static boolean isCi(Map<String, String> env) {
        return CiRule.isCi(env);
    }

    /**
     * A unique database name: {@code cairn_}, the label lower-cased with runs of other characters
     * than {@code [a-z0-9]} made one {@code _} and cut to 40 characters, {@code _} and 12 random hex
     * digits. At most 59 characters, within PostgreSQL's limit of 63.
     */
    static String databaseName(String label) {
        String s = label == null ? "" : label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        s = s.replaceAll("^_+", "");
        if (s.length() > MAX_LABEL_LENGTH) {
            s = s.substring(0, MAX_LABEL_LENGTH);
        }
        s = s.replaceAll("_+$", "");
        if (s.isEmpty()) {
            s = "test";
        }
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        return "cairn_" + s + "_" + HexFormat.of().formatHex(random);
    }

    private static TestDataSource createH2File(String label) {
        Path dir;
        try {
            dir = Files.createTempDirectory(databaseName(label) + "_");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temporary directory for H2", e);
        }
        // No trace file: H2 writes one when a closed connection is used, which would bring the
        // deleted directory back; the exception still reaches the caller.
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("db") + ";TRACE_LEVEL_FILE=0";
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser("sa");
        ds.setPassword("");
        return track(TestDatabase.H2_FILE, ds, url, "sa", dir.getFileName().toString(), dir, () -> removeH2(ds, dir));
    }

    private static void removeH2(JdbcDataSource ds, Path dir) throws IOException, SQLException {
        SQLException shutdownFailure = null;
        if (Files.exists(dir.resolve("db.mv.db"))) {
            // Closes the database even if a test left connections open, so nothing writes afterwards.
            try (Connection c = ds.getConnection();
                    Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException e) {
                shutdownFailure = e;
            }
        }
        deleteRecursively(dir);
        if (shutdownFailure != null) {
            throw shutdownFailure;
        }
    }

    private static TestDataSource createPostgres(String label, Map<String, String> env) {
        PgSettings pg = PgSettings.require(env);
        String name = databaseName(label);
        PGSimpleDataSource admin = pg.adminDataSource();
        try (Connection c = admin.getConnection();
                Statement s = c.createStatement()) {
            // template0 + C collation: the same empty database on any server, byte-order text sorting.
            s.execute("CREATE DATABASE " + quote(name)
                    + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + " with " + pg, e);
        }
        PGSimpleDataSource ds = pg.dataSourceFor(name);
        return track(TestDatabase.POSTGRESQL, ds, ds.getUrl(), pg.user(), name, null, () -> dropPostgres(admin, name));
    }

    private static void dropPostgres(PGSimpleDataSource admin, String name) throws SQLException {
        try (Connection c = admin.getConnection();
                Statement s = c.createStatement()) {
            // WITH (FORCE) (PostgreSQL 13+) terminates connections a test left open.
            s.execute("DROP DATABASE IF EXISTS " + quote(name) + " WITH (FORCE)");
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                if (exc instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw exc;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
