package dev.cairn.benchmarks;

import dev.cairn.bytes.Digest;
import dev.cairn.checkpoint.LogId;
import dev.cairn.hash.DomainHash;
import dev.cairn.hash.HashDomain;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.receipt.Action;
import dev.cairn.server.store.Database;
import dev.cairn.server.store.DatabaseConfig;
import dev.cairn.server.store.audit.AuditLog;
import dev.cairn.server.store.audit.AuditLogConfig;
import dev.cairn.server.store.audit.AuditStats;
import dev.cairn.server.store.audit.Mutation;
import dev.cairn.server.store.audit.Recorded;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Audited mutations per second through the reference server's {@link AuditLog}: each operation is
 * one {@code execute} from one of 64 caller threads that inserts a row into a domain table and
 * records its action, i.e. a signed statement, a marker, its MMR nodes and the head update in the
 * same transaction, and returns once that transaction committed. {@code batch=64} is group commit;
 * {@code batch=1} is the single-transaction path (one transaction per mutation behind the serialised
 * head), measured in the same run.
 *
 * <p>{@code engine=h2}: the default store, {@link DatabaseConfig#h2File} in a temporary directory
 * ({@code -Dcairn.bench.dir} to choose its parent). {@code engine=postgresql}: a fresh database on
 * the server of {@code CAIRN_TEST_PG_URL} / {@code CAIRN_TEST_PG_USER} / {@code CAIRN_TEST_PG_PASSWORD},
 * dropped afterwards; {@code CAIRN_PG_DURABLE=1 scripts/with-postgres.sh java -jar ...} starts one
 * with fsync on, and the trial prints the durability the store found. Without those variables the
 * PostgreSQL trials stop at set-up with a one-line message (run {@code -p engine=h2} to avoid them).
 * A checkpoint is published every second during the run, as a server would. Warm-up is long (2 x 10
 * s): on a 2-core machine Bouncy Castle's Ed25519 and H2 reach full speed only after about 15 s of
 * this load.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 5)
@Threads(64)
public class AuditLogBenchmark {
    private static final LogId LOG = new LogId("bench.example/audit");

    /** One log per trial, shared by all caller threads. */
    @State(Scope.Benchmark)
    public static class Log {
        /** The store. */
        @Param({"h2", "postgresql"})
        public String engine;

        /** Mutations per transaction: 64 (group commit) or 1 (single transaction). */
        @Param({"64", "1"})
        public int batch;

        Path dir;
        String pgDatabase;
        Database db;
        AuditLog log;
        final AtomicLong ids = new AtomicLong();
        final Digest policy = DomainHash.of(HashDomain.STATEMENT, "policy".getBytes(StandardCharsets.UTF_8));

        /** Opens a fresh database and audit log, with the domain table. */
        @Setup(Level.Trial)
        public void open() throws IOException, SQLException {
            DatabaseConfig config;
            if (engine.equals("h2")) {
                String parent = System.getProperty("cairn.bench.dir", System.getProperty("java.io.tmpdir"));
                dir = Files.createTempDirectory(Path.of(parent), "cairn-audit-bench-");
                config = DatabaseConfig.h2File(dir);
            } else {
                config = freshPostgres();
            }
            db = Database.open(config.withPoolSize(8));
            db.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE bench_nodes (id BIGINT NOT NULL PRIMARY KEY, cluster TEXT NOT NULL,"
                            + " status TEXT NOT NULL, audit_seq BIGINT NOT NULL, updated_ms BIGINT NOT NULL)");
                }
                return null;
            });
            log = AuditLog.open(
                    db,
                    AuditLogConfig.builder(LOG, SigningKey.generate(KeyType.ED25519, new SecureRandom()))
                            .batchSize(batch)
                            .checkpointInterval(Duration.ofSeconds(1))
                            .build());
            System.out.println("\n[" + engine + ", batch " + batch + ": " + db.durability() + "]");
        }

        private DatabaseConfig freshPostgres() throws SQLException {
            String url = System.getenv("CAIRN_TEST_PG_URL");
            if (url == null || url.isBlank()) {
                throw new NotConfigured();
            }
            String user = System.getenv("CAIRN_TEST_PG_USER");
            String password = System.getenv("CAIRN_TEST_PG_PASSWORD");
            byte[] random = new byte[6];
            new SecureRandom().nextBytes(random);
            pgDatabase = "cairn_bench_" + HexFormat.of().formatHex(random);
            try (Connection c = DriverManager.getConnection(url, user, password);
                    Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + pgDatabase);
            }
            int slash = url.lastIndexOf('/');
            int query = url.indexOf('?', slash);
            String base = url.substring(0, slash + 1) + pgDatabase + (query < 0 ? "" : url.substring(query));
            return DatabaseConfig.jdbc(base, user, password);
        }

        /** Prints what the trial committed, closes the log and removes the database. */
        @TearDown(Level.Trial)
        public void close() throws IOException, SQLException {
            AuditStats stats = log.stats();
            System.out.printf(
                    "%n[%s, batch %d: %d audited in %d transactions, %.1f per transaction, %d checkpoints]%n",
                    engine,
                    batch,
                    stats.audited(),
                    stats.transactions(),
                    stats.audited() / (double) Math.max(1, stats.transactions()),
                    stats.checkpoints());
            log.close();
            db.close();
            if (dir != null) {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            if (pgDatabase != null) {
                try (Connection c = DriverManager.getConnection(
                                System.getenv("CAIRN_TEST_PG_URL"),
                                System.getenv("CAIRN_TEST_PG_USER"),
                                System.getenv("CAIRN_TEST_PG_PASSWORD"));
                        Statement s = c.createStatement()) {
                    s.execute("DROP DATABASE " + pgDatabase + " WITH (FORCE)");
                }
            }
        }

        Mutation<Long> registerNode(long id) {
            return ctx -> {
                try (PreparedStatement s = ctx.connection()
                        .prepareStatement("INSERT INTO bench_nodes (id, cluster, status, audit_seq, updated_ms)"
                                + " VALUES (?, ?, ?, ?, ?)")) {
                    s.setLong(1, id);
                    s.setString(2, "c1");
                    s.setString(3, "pending");
                    s.setLong(4, ctx.sequence());
                    s.setLong(5, ctx.time().toEpochMilli());
                    s.executeUpdate();
                }
                return Recorded.of(
                        id,
                        new Action(
                                "node.register",
                                "cairn://bench.example/operator/admin",
                                "cairn://bench.example/cluster/c1/node/n-" + id,
                                1,
                                policy,
                                DomainHash.of(
                                        HashDomain.STATEMENT, Long.toString(id).getBytes(StandardCharsets.UTF_8)),
                                dev.cairn.receipt.Statement.OK));
            };
        }
    }

    /** Thrown at set-up when PostgreSQL is asked for but not configured; no stack trace to read. */
    static final class NotConfigured extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        NotConfigured() {
            super("engine=postgresql skipped: CAIRN_TEST_PG_URL is not set (run under scripts/with-postgres.sh,"
                    + " CAIRN_PG_DURABLE=1 for fsync on, or pass -p engine=h2)");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /** One audited mutation: insert a row and record its action; returns once durable. */
    @Benchmark
    public long auditedInsert(Log state) {
        return state.log
                .execute(state.registerNode(state.ids.incrementAndGet()))
                .sequence();
    }
}
