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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs fixture test classes through JUnit (as the build does) and checks that each class got a
 * database of its own, shared by its tests and its {@code @Nested} class, and removed afterwards.
 */
class DistinctDatabasesTest {

    /** What a fixture test saw. */
    record Seen(String fixture, TestDatabase kind, String jdbcUrl, String name, Path directory) {}

    static final List<Seen> SEEN = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void forget() {
        SEEN.clear();
    }

    @Test
    void eachH2ClassGetsItsOwnDirectoryWhichIsDeletedAfterwards() {
        List<Seen> seen = runFixtures(FirstH2.class, SecondH2.class);
        assertOneDatabasePerClass(seen);
        for (Seen s : seen) {
            assertFalse(Files.exists(s.directory()), s.directory() + " still exists");
        }
    }

    @Test
    void eachPostgresClassGetsItsOwnDatabaseWhichIsDroppedAfterwards() throws SQLException {
        PgSettings.require(System.getenv()); // skips, or fails with CI=true, without a server
        List<Seen> seen = runFixtures(FirstPostgres.class, SecondPostgres.class);
        assertOneDatabasePerClass(seen);
        for (Seen s : seen) {
            assertFalse(TestDatabasesTest.PgCatalog.databaseExists(s.name()), s.name() + " still exists");
        }
    }

    private static List<Seen> runFixtures(Class<?> first, Class<?> second) {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(first), selectClass(second))
                .execute()
                .allEvents()
                .assertStatistics(stats -> stats.failed(0).aborted(0).skipped(0))
                .assertThatEvents();
        synchronized (SEEN) {
            return new ArrayList<>(SEEN);
        }
    }

    private static void assertOneDatabasePerClass(List<Seen> seen) {
        // Each fixture class: two tests and one @Nested test.
        assertEquals(6, seen.size(), seen::toString);
        Map<String, List<Seen>> byFixture = seen.stream().collect(Collectors.groupingBy(Seen::fixture));
        assertEquals(2, byFixture.size(), byFixture::toString);
        List<String> urls = new ArrayList<>();
        for (List<Seen> sameClass : byFixture.values()) {
            assertEquals(3, sameClass.size());
            assertEquals(1, sameClass.stream().map(Seen::jdbcUrl).distinct().count(), "one database per class");
            urls.add(sameClass.get(0).jdbcUrl());
        }
        assertNotEquals(urls.get(0), urls.get(1), "two classes, two databases");
    }

    /** The fixture suite: records the database each test is given. */
    abstract static class Fixture {
        void record(TestDataSource db) throws SQLException {
            try (Connection c = db.getConnection();
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS marker (fixture TEXT)");
            }
            SEEN.add(new Seen(
                    getClass().getSimpleName(),
                    db.kind(),
                    db.jdbcUrl(),
                    db.name(),
                    db.directory().orElse(null)));
        }

        @Test
        void one(TestDataSource db) throws SQLException {
            record(db);
        }

        @Test
        void two(TestDataSource db) throws SQLException {
            record(db);
        }

        @Nested
        class Inner {
            @Test
            void nested(TestDataSource db) throws SQLException {
                record(db);
            }
        }
    }

    @CairnDatabase(TestDatabase.H2_FILE)
    static class FirstH2 extends Fixture {}

    @CairnDatabase(TestDatabase.H2_FILE)
    static class SecondH2 extends Fixture {}

    @CairnDatabase(TestDatabase.POSTGRESQL)
    static class FirstPostgres extends Fixture {}

    @CairnDatabase(TestDatabase.POSTGRESQL)
    static class SecondPostgres extends Fixture {}
}
