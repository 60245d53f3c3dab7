package dev.cairn.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.errors.VerificationException;
import dev.cairn.server.store.marker.LogHead;
import dev.cairn.server.store.marker.MarkerTable;
import dev.cairn.testsupport.TestDataSource;
import dev.cairn.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@link Database} on each engine: migrations, transactions, lock timeouts, durability, closing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DatabaseContract {
    private TestDataSource source;
    private Database db;

    @BeforeAll
    void open(TestDataSource source) throws SQLException {
        this.source = source;
        this.db = Database.open(Stores.config(source).withLockTimeout(Duration.ofMillis(300)));
        db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE db_items (id BIGINT NOT NULL PRIMARY KEY, name TEXT NOT NULL)");
            }
            return null;
        });
    }

    @AfterAll
    void close() {
        db.close();
    }

    @Test
    void migrationsCreateTheAuditTablesAndAnEmptyHead() {
        assertEquals(source.kind() == TestDatabase.H2_FILE ? Engine.H2 : Engine.POSTGRESQL, db.engine());
        LogHead head = db.read(MarkerTable::readHead);
        assertEquals(LogHead.EMPTY, head);
        for (String table :
                new String[] {"audit_markers", "audit_statements", "audit_mmr_nodes", "audit_checkpoints"}) {
            assertEquals(0L, longOf(db, c -> count(c, table)), table);
        }
    }

    @Test
    void openingAgainMigratesNothingAndKeepsTheData() {
        db.inTransaction(c -> insert(c, 900, "kept"));
        long migrations = longOf(db, c -> count(c, "\"flyway_schema_history\""));
        assertTrue(migrations >= 1, "migrations recorded: " + migrations);
        try (Database again = Stores.open(source)) {
            assertEquals(1L, longOf(again, c -> countWhere(c, 900)));
            assertEquals(migrations, longOf(again, c -> count(c, "\"flyway_schema_history\"")));
        }
    }

    @Test
    void durabilityIsWhatTheEngineAndItsSettingsPromise() {
        if (source.kind() == TestDatabase.H2_FILE) {
            assertEquals(Durability.SURVIVES_PROCESS_KILL, db.durability());
            assertTrue(
                    db.config().jdbcUrl().endsWith(";WRITE_DELAY=0"),
                    db.config().jdbcUrl());
        } else {
            String fsync = db.read(c -> show(c, "fsync"));
            String sync = db.read(c -> show(c, "synchronous_commit"));
            Durability want =
                    fsync.equals("on") && !sync.equals("off") ? Durability.FSYNC_EVERY_COMMIT : Durability.NOT_DURABLE;
            assertEquals(want, db.durability(), "fsync=" + fsync + " synchronous_commit=" + sync);
        }
    }

    @Test
    void aTransactionCommitsAllOrRollsBackAll() {
        db.inTransaction(c -> insert(c, 1, "one") + insert(c, 2, "two"));
        assertEquals(1L, longOf(db, c -> countWhere(c, 2)));
        VerificationException refused = assertThrows(
                VerificationException.class,
                () -> db.inTransaction(c -> {
                    insert(c, 3, "three");
                    throw new VerificationException(ErrorCode.TOKEN_SCOPE_MISSING, "refused after writing");
                }));
        assertEquals(ErrorCode.TOKEN_SCOPE_MISSING, refused.code());
        assertEquals(0L, longOf(db, c -> countWhere(c, 3)));
        InternalException failed = assertThrows(
                InternalException.class,
                () -> db.inTransaction(c -> {
                    insert(c, 4, "four");
                    return insert(c, 1, "duplicate key");
                }));
        assertEquals(ErrorCode.STORE_TRANSACTION_FAILED, failed.code());
        assertTrue(failed.retryable());
        assertEquals(0L, longOf(db, c -> countWhere(c, 4)));
    }

    @Test
    void aLockWaitIsBoundedAndRetryable() throws Exception {
        try (Connection holder = db.connection()) {
            holder.setAutoCommit(false);
            MarkerTable.lockHead(holder);
            long start = System.nanoTime();
            InternalException e = assertThrows(InternalException.class, () -> db.inTransaction(MarkerTable::lockHead));
            long waitedMillis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(ErrorCode.STORE_TIMEOUT, e.code(), e.getMessage());
            assertTrue(e.retryable());
            assertTrue(waitedMillis >= 250 && waitedMillis < 5000, "waited " + waitedMillis + " ms");
            holder.rollback();
        }
        // Free again.
        assertEquals(
                LogHead.EMPTY.markerCount(),
                db.inTransaction(MarkerTable::lockHead).markerCount());
    }

    @Test
    void readsSeeCommittedDataWhileTheHeadIsLocked() throws Exception {
        try (Connection holder = db.connection()) {
            holder.setAutoCommit(false);
            MarkerTable.lockHead(holder);
            assertEquals(0, db.read(MarkerTable::readHead).markerCount());
            holder.rollback();
        }
    }

    @Test
    void interruptingACallerInsideTheDatabaseDoesNotCloseIt() throws Exception {
        AtomicLong next = new AtomicLong(10_000);
        Thread worker = new Thread(() -> {
            while (next.get() < 10_400) {
                try {
                    db.inTransaction(c -> insert(c, next.getAndIncrement(), "interrupted"));
                } catch (RuntimeException e) {
                    // An interrupted call may fail; the database must not.
                }
            }
        });
        worker.start();
        for (int i = 0; i < 50 && worker.isAlive(); i++) {
            worker.interrupt();
            Thread.sleep(2);
        }
        worker.join(60_000);
        db.inTransaction(c -> insert(c, 99_999, "after the interrupts"));
        assertEquals(1L, longOf(db, c -> countWhere(c, 99_999)));
        try (Database again = Stores.open(source)) {
            assertEquals(1L, longOf(again, c -> countWhere(c, 99_999)));
        }
    }

    @Test
    void aClosedDatabaseSaysSo() {
        Database other = Stores.open(source);
        other.close();
        other.close();
        assertEquals(
                ErrorCode.STORE_CLOSED,
                assertThrows(InternalException.class, () -> other.read(MarkerTable::readHead))
                        .code());
    }

    private static long longOf(Database on, SqlWork<Long> work) {
        return on.read(work);
    }

    private static int insert(Connection c, long id, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO db_items (id, name) VALUES (?, ?)")) {
            s.setLong(1, id);
            s.setString(2, name);
            return s.executeUpdate();
        }
    }

    private static long countWhere(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM db_items WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String show(Connection c, String setting) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
