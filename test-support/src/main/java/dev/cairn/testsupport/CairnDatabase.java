package dev.cairn.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the annotated test class a fresh, empty database of its own.
 *
 * <p>Before the class's first {@code @BeforeAll} method a new database is created: an H2 file
 * database in a new temporary directory, or a new PostgreSQL database with a unique name. After its
 * last {@code @AfterAll} method the database is dropped or its directory deleted, even if a test left
 * connections open. Constructors, lifecycle methods and test methods can take a {@link
 * TestDataSource} or a plain {@link javax.sql.DataSource} parameter. {@code @Nested} classes share the
 * database of their enclosing class.
 *
 * <p>To write a storage suite once and run it on both engines, put the tests in an abstract class
 * and annotate one small subclass per engine:
 *
 * <pre>{@code
 * abstract class MarkerStoreContract {
 *     @BeforeAll
 *     static void migrate(TestDataSource db) throws SQLException { ... }
 *
 *     @Test
 *     void appendsAndReads(TestDataSource db) throws SQLException {
 *         try (Connection c = db.getConnection()) { ... }
 *     }
 * }
 *
 * @CairnDatabase(TestDatabase.H2_FILE)
 * class MarkerStoreH2Test extends MarkerStoreContract {}
 *
 * @CairnDatabase(TestDatabase.POSTGRESQL)
 * class MarkerStorePostgresTest extends MarkerStoreContract {}
 * }</pre>
 *
 * <p>PostgreSQL comes from {@code CAIRN_TEST_PG_URL}, {@code CAIRN_TEST_PG_USER} and the optional
 * {@code CAIRN_TEST_PG_PASSWORD}. When they are missing or the server cannot be reached, the class is
 * skipped with a message saying how to run it ({@code ./cairn test}), unless the environment variable
 * {@code CI} is {@code true}: then it fails.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(CairnDatabaseExtension.class)
public @interface CairnDatabase {
    /**
     * The engine of the database.
     *
     * @return the engine
     */
    TestDatabase value();
}
