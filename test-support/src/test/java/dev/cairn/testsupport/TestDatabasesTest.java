package dev.cairn.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The programmatic API: naming, and removal even with connections left open. */
class TestDatabasesTest {

    @Test
    void namesAreSanitisedBoundedAndUnique() {
        String a = TestDatabases.databaseName("RoundTripTest");
        assertTrue(a.matches("cairn_roundtriptest_[0-9a-f]{12}"), a);
        assertNotEquals(a, TestDatabases.databaseName("RoundTripTest"));

        assertTrue(
                TestDatabases.databaseName("My Weird$Class--Name_").matches("cairn_my_weird_class_name_[0-9a-f]{12}"));
        assertTrue(TestDatabases.databaseName("").matches("cairn_test_[0-9a-f]{12}"));
        assertTrue(TestDatabases.databaseName(null).matches("cairn_test_[0-9a-f]{12}"));

        String longName = TestDatabases.databaseName("A".repeat(200));
        assertEquals("cairn_".length() + 40 + 1 + 12, longName.length());
        assertTrue(longName.length() <= 63, "PostgreSQL's identifier limit");
    }

    @Test
    void closingH2DeletesItsDirectoryEvenWithAConnectionLeftOpen() throws SQLException {
        TestDataSource db = TestDatabases.create(TestDatabase.H2_FILE, "Leaky");
        Path dir = db.directory().orElseThrow();
        assertTrue(TestDatabases.isTracked(db), "removed by the shutdown hook if the JVM is stopped early");
        Connection leaked = db.getConnection();
        try (Statement s = leaked.createStatement()) {
            s.execute("CREATE TABLE t (x TEXT)");
        }
        assertTrue(Files.isDirectory(dir));

        db.close();
        assertTrue(db.isClosed());
        assertFalse(TestDatabases.isTracked(db));
        assertFalse(Files.exists(dir), dir + " is gone");
        assertThrows(SQLException.class, () -> leaked.createStatement().execute("SELECT 1"));
        assertFalse(Files.exists(dir), "using the dead connection does not bring " + dir + " back");
        db.close(); // idempotent
    }

    @Test
    void closingPostgresDropsTheDatabaseEvenWithAConnectionLeftOpen() throws SQLException {
        TestDataSource db = TestDatabases.create(TestDatabase.POSTGRESQL, "Leaky");
        Connection leaked = db.getConnection();
        try (Statement s = leaked.createStatement()) {
            s.execute("CREATE TABLE t (x TEXT)");
        }
        assertTrue(PgCatalog.databaseExists(db.name()));

        db.close();
        assertFalse(PgCatalog.databaseExists(db.name()), db.name() + " is dropped");
        assertThrows(SQLException.class, () -> leaked.createStatement().execute("SELECT 1"));
        db.close(); // idempotent
    }

    /** Looks into the test server's catalog through the admin connection. */
    static final class PgCatalog {
        private PgCatalog() {}

        static boolean databaseExists(String name) throws SQLException {
            PgSettings pg = PgSettings.require(System.getenv());
            try (Connection c = pg.adminDataSource().getConnection();
                    PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        }
    }
}
