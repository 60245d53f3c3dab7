package dev.cairn.server.store;

import dev.cairn.testsupport.TestDataSource;
import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;

/** Test helpers: the store configuration of a test database. */
public final class Stores {
    private Stores() {}

    /** The configuration of a test database (H2 file or PostgreSQL). */
    public static DatabaseConfig config(TestDataSource db) {
        String password = db.kind() == TestDatabase.POSTGRESQL ? System.getenv(TestDatabases.PG_PASSWORD_ENV) : "";
        return DatabaseConfig.jdbc(db.jdbcUrl(), db.user(), password).withPoolSize(8);
    }

    /** Opens (and migrates) a test database. */
    public static Database open(TestDataSource db) {
        return Database.open(config(db));
    }
}
