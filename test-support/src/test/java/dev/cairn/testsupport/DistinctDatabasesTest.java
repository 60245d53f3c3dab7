package dev.cairn.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs two fixture classes through JUnit (as a build would) and checks that each class run got a
 * database of its own, shared by its tests and its {@code @Nested} classes, and removed afterwards.
 */
class DistinctDatabasesTest {

    /** What a fixture test saw. */
    record Seen(String fixture, TestDatabase kind, String jdbcUrl, String name, Path directory) {}

    static final List<Seen> SEEN = Collections.synchronizedList(new ArrayList<>());

    private static EngineExecutionResults results;

    @BeforeAll
    static void runTheFixtures() {
        SEEN.clear();
        results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(FirstFixture.class), selectClass(SecondFixture.class))
                .execute();
    }

    @Test
    void eachH2ClassRunGetsItsOwnDirectoryWhichIsDeletedAfterwards() {
        assertFreshPerClass(TestDatabase.H2_FILE);
        for (Seen seen : seen(TestDatabase.H2_FILE)) {
            assertFalse(Files.exists(seen.directory()), seen.directory() + " still exists");
        }
    }

    @Test
    void eachPostgresClassRunGetsItsOwnDatabaseWhichIsDroppedAfterwards() throws SQLException {
        PgSettings.require(System.getenv()); // skips, or fails on CI, without a server
        assertFreshPerClass(TestDatabase.POSTGRESQL);
        for (Seen seen : seen(TestDatabase.POSTGRESQL)) {
            assertFalse(TestDatabasesTest.PgCatalog.databaseExists(seen.name()), seen.name() + " still exists");
        }
    }

    private static void assertFreshPerClass(TestDatabase kind) {
        results.containerEvents().failed().stream().forEach(e -> System.err.println("fixture failure: " + e));
        results.testEvents().failed().stream().forEach(e -> System.err.println("fixture failure: " + e));
        List<Seen> seen = seen(kind);
        // FirstFixture: 2 tests + 1 nested test; SecondFixture: 1 test.
        assertEquals(4, seen.size(), () -> "fixture tests on " + kind + ": " + seen);
        Map<String, List<Seen>> byFixture = seen.stream().collect(Collectors.groupingBy(Seen::fixture));
        assertEquals(2, byFixture.size(), byFixture::toString);
        for (List<Seen> sameClass : byFixture.values()) {
            assertEquals(1, sameClass.stream().map(Seen::jdbcUrl).distinct().count(), "one database per class run");
        }
        String first = byFixture.get("FirstFixture").get(0).jdbcUrl();
        String second = byFixture.get("SecondFixture").get(0).jdbcUrl();
        assertNotEquals(first, second, "two classes, two databases");
        assertEquals(
                0,
                results.testEvents().failed().count()
                        + results.containerEvents().failed().count()
                        - otherKindFailures(kind));
    }

    /** Failures of the other kind's runs (e.g. PostgreSQL with CI=true and no server) are not ours. */
    private static long otherKindFailures(TestDatabase kind) {
        String other = "[" + (kind == TestDatabase.H2_FILE ? TestDatabase.POSTGRESQL : TestDatabase.H2_FILE).id() + "]";
        return results.containerEvents().failed().stream()
                        .filter(e -> e.getTestDescriptor().getDisplayName().equals(other))
                        .count()
                + results.testEvents().failed().stream()
                        .filter(e ->
                                e.getTestDescriptor().getUniqueId().toString().contains(other))
                        .count();
    }

    private static List<Seen> seen(TestDatabase kind) {
        synchronized (SEEN) {
            return SEEN.stream().filter(s -> s.kind() == kind).collect(Collectors.toList());
        }
    }

    static void record(String fixture, TestDataSource db) throws SQLException {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS marker (fixture TEXT)");
        }
        SEEN.add(new Seen(
                fixture, db.kind(), db.jdbcUrl(), db.name(), db.directory().orElse(null)));
    }

    @CairnDatabases
    static class FirstFixture {
        @Test
        void one(TestDataSource db) throws SQLException {
            record("FirstFixture", db);
        }

        @Test
        void two(TestDataSource db) throws SQLException {
            record("FirstFixture", db);
        }

        @Nested
        class Inner {
            @Test
            void nested(TestDataSource db) throws SQLException {
                record("FirstFixture", db);
            }
        }
    }

    @CairnDatabases
    static class SecondFixture {
        @Test
        void one(TestDataSource db) throws SQLException {
            record("SecondFixture", db);
        }
    }
}
