package dev.cairn.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the whole annotated test class once per database, each time against a fresh, empty database
 * of its own.
 *
 * <p>The class is a JUnit {@link ClassTemplate}: for every {@link TestDatabase} in {@link #value()}
 * its lifecycle ({@code @BeforeAll}, tests, {@code @AfterAll}) runs once, shown as
 * {@code [h2-file]} and {@code [postgresql]}. Before the first {@code @BeforeAll} method a new
 * database is created for that run (an H2 file database in a new temporary directory, or a new
 * PostgreSQL database with a unique name); after the last {@code @AfterAll} method it is dropped or
 * deleted. Every constructor, lifecycle method and test method can take a {@link TestDataSource}
 * or a plain {@link javax.sql.DataSource} parameter. {@code @Nested} classes share the database of
 * their enclosing class run.
 *
 * <pre>{@code
 * @CairnDatabases
 * class MarkerStoreTest {
 *     @BeforeAll
 *     static void migrate(TestDataSource db) throws SQLException { ... }
 *
 *     @Test
 *     void appendsAndReads(TestDataSource db) throws SQLException {
 *         try (Connection c = db.getConnection()) { ... }
 *     }
 * }
 * }</pre>
 *
 * <p>PostgreSQL comes from {@code CAIRN_TEST_PG_URL}, {@code CAIRN_TEST_PG_USER} and the optional
 * {@code CAIRN_TEST_PG_PASSWORD}. When they are missing or the server cannot be reached, the
 * PostgreSQL run is skipped with a message saying how to run it ({@code ./cairn test}), unless the
 * environment variable {@code CI} is {@code true}: then it fails.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ClassTemplate
@ExtendWith(CairnDatabasesExtension.class)
public @interface CairnDatabases {
    /**
     * The databases to run the class against, in this order.
     *
     * @return by default H2 (file mode) and PostgreSQL
     */
    TestDatabase[] value() default {TestDatabase.H2_FILE, TestDatabase.POSTGRESQL};
}
