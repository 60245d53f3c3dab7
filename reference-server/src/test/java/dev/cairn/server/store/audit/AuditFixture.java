package dev.cairn.server.store.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.bytes.Digest;
import dev.cairn.checkpoint.CheckpointVerifier;
import dev.cairn.checkpoint.LogId;
import dev.cairn.checkpoint.VerifiedCheckpoint;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.VerificationException;
import dev.cairn.hash.DomainHash;
import dev.cairn.hash.HashDomain;
import dev.cairn.keys.KeySet;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.receipt.Action;
import dev.cairn.receipt.ReceiptVerifier;
import dev.cairn.receipt.SignedCheckpoint;
import dev.cairn.receipt.Statement;
import dev.cairn.receipt.VerifiedReceipt;
import dev.cairn.server.store.Database;
import dev.cairn.server.store.SqlWork;
import dev.cairn.server.store.Stores;
import dev.cairn.testsupport.TestDataSource;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A migrated database with a domain table ({@code test_items}) and an open audit log over it, shared
 * by the tests of one class; and the mutations the tests run: each inserts one row and records one
 * action. Tests work relative to the head they find, so they do not depend on each other's order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AuditFixture {
    static final LogId LOG = new LogId("test.example/audit");
    static final long EPOCH = 7;
    static final SecureRandom RANDOM = new SecureRandom();

    final SigningKey key = SigningKey.generate(KeyType.ED25519, RANDOM);
    private final AtomicLong ids = new AtomicLong(1);
    TestDataSource source;
    Database db;
    AuditLog log;

    @BeforeAll
    void openLog(TestDataSource source) throws SQLException {
        this.source = source;
        this.db = Stores.open(source);
        createItems(db);
        this.log = AuditLog.open(db, config().build());
    }

    @AfterAll
    void closeLog() {
        log.close();
        db.close();
    }

    /** The tests' configuration: checkpoints on demand only, so that the tests decide when. */
    AuditLogConfig.Builder config() {
        return AuditLogConfig.builder(LOG, key)
                .checkpointInterval(Duration.ZERO)
                .timeout(Duration.ofSeconds(60));
    }

    static void createItems(Database on) {
        on.inTransaction(c -> {
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS test_items (id BIGINT NOT NULL PRIMARY KEY,"
                        + " name TEXT NOT NULL, audit_seq BIGINT NOT NULL)");
            }
            return null;
        });
    }

    long nextId() {
        return ids.getAndIncrement();
    }

    static Digest digest(String text) {
        return DomainHash.of(HashDomain.STATEMENT, text.getBytes(StandardCharsets.UTF_8));
    }

    static Action action(String kind, long id) {
        return new Action(
                kind,
                "cairn://test.example/operator/alice",
                "item/" + id,
                EPOCH,
                digest("policy"),
                digest("request " + id),
                Statement.OK);
    }

    static void insertItem(Connection c, long id, long seq) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("INSERT INTO test_items (id, name, audit_seq) VALUES (?, ?, ?)")) {
            s.setLong(1, id);
            s.setString(2, "item " + id);
            s.setLong(3, seq);
            s.executeUpdate();
        }
    }

    /** Inserts item {@code id} and records {@code item.create}. */
    static Mutation<Long> create(long id) {
        return ctx -> {
            insertItem(ctx.connection(), id, ctx.sequence());
            return Recorded.of(id, action("item.create", id));
        };
    }

    /** Inserts item {@code id}, then refuses: the insert must not survive. */
    static Mutation<Long> refuseAfterWriting(long id) {
        return ctx -> {
            insertItem(ctx.connection(), id, ctx.sequence());
            throw new VerificationException(ErrorCode.TOKEN_SCOPE_MISSING, "operator may not create item " + id);
        };
    }

    /** A mutation that holds the writer until released: what is submitted meanwhile forms the next batch. */
    static final class Gate {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        Mutation<Long> mutation(long id) {
            return ctx -> {
                entered.countDown();
                try {
                    if (!release.await(60, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("gate never released");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                return create(id).apply(ctx);
            };
        }

        void awaitEntered() throws InterruptedException {
            if (!entered.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError("the gate mutation never ran");
            }
        }
    }

    boolean itemExists(long id) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM test_items WHERE id = ?")) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1) == 1;
                }
            }
        });
    }

    long itemSeq(long id) {
        return longOf(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT audit_seq FROM test_items WHERE id = ?")) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    long rows(String table) {
        return longOf(c -> {
            try (java.sql.Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    long longOf(SqlWork<Long> work) {
        return db.read(work);
    }

    KeySet keys() {
        return KeySet.of(key.verificationKey());
    }

    ReceiptVerifier receiptVerifier() {
        return ReceiptVerifier.builder()
                .trustedKeys(keys())
                .expectLogId(LOG)
                .expectEpoch(EPOCH)
                .build();
    }

    VerifiedReceipt verifyReceipt(long seq) {
        VerifiedReceipt verified = receiptVerifier().verify(log.receipt(seq).encode());
        assertEquals(seq, verified.marker().seq());
        return verified;
    }

    VerifiedCheckpoint verifyCheckpoint(SignedCheckpoint checkpoint) {
        return CheckpointVerifier.builder()
                .trustedKeys(keys())
                .expectLogId(LOG)
                .build()
                .verify(checkpoint.signed().toByteArray());
    }
}
