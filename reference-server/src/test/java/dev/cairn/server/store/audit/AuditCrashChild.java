package dev.cairn.server.store.audit;

import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.server.store.Database;
import dev.cairn.server.store.DatabaseConfig;
import dev.cairn.testsupport.TestDatabases;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;

/**
 * The process {@link AuditCrashContract} kills: opens the audit log (the default H2 file database in
 * a directory, or a PostgreSQL URL), publishes checkpoints every 25 ms, and runs audited mutations
 * from several threads, printing {@code ACK <seq> <id>} once each is durable.
 *
 * <p>Arguments: {@code h2 <dir>} or {@code pg <url> <user>}, then the log key (hex), the number of
 * threads and the run number (which makes item ids unique across runs).
 */
public final class AuditCrashChild {
    private AuditCrashChild() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.US_ASCII);
        int at = 0;
        DatabaseConfig config;
        if (args[at++].equals("h2")) {
            config = DatabaseConfig.h2File(Path.of(args[at++]));
        } else {
            String url = args[at++];
            String user = args[at++];
            config = DatabaseConfig.jdbc(url, user, System.getenv(TestDatabases.PG_PASSWORD_ENV));
        }
        SigningKey key = SigningKey.fromPrivateKeyBytes(
                KeyType.ED25519, HexFormat.of().parseHex(args[at++]), InsecureSecretKeyAccess.get());
        int threads = Integer.parseInt(args[at++]);
        long run = Long.parseLong(args[at]);
        Database db = Database.open(config);
        AuditFixture.createItems(db);
        AuditLog log = AuditLog.open(
                db,
                AuditLogConfig.builder(AuditFixture.LOG, key)
                        .checkpointInterval(Duration.ofMillis(25))
                        .epoch(() -> AuditFixture.EPOCH)
                        .build());
        out.println("READY " + log.head().markerCount());
        for (int t = 0; t < threads; t++) {
            long base = run * 1_000_000_000L + t * 10_000_000L;
            Thread worker = new Thread(() -> {
                for (long i = 0; ; i++) {
                    long id = base + i;
                    Audited<Long> audited = log.execute(AuditFixture.create(id));
                    out.println("ACK " + audited.sequence() + " " + id);
                }
            });
            worker.start();
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
