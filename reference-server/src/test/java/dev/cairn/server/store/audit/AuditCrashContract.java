package dev.cairn.server.store.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.checkpoint.CheckpointVerifier;
import dev.cairn.keys.KeySet;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.marker.ChainVerifier;
import dev.cairn.mmr.Accumulator;
import dev.cairn.mmr.MmrMath;
import dev.cairn.mmr.MmrVerifier;
import dev.cairn.receipt.IssuedStatement;
import dev.cairn.receipt.ReceiptVerifier;
import dev.cairn.receipt.SignedCheckpoint;
import dev.cairn.server.store.Database;
import dev.cairn.server.store.DatabaseConfig;
import dev.cairn.server.store.Stores;
import dev.cairn.server.store.marker.LogHead;
import dev.cairn.testsupport.TestDataSource;
import dev.cairn.testsupport.TestDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Kills (SIGKILL) a child JVM that runs audited mutations from several threads while checkpoints are
 * published every 25 ms, at random moments (mostly mid-batch, sometimes during start-up and
 * recovery), and after every kill reopens the log and checks: every acknowledged mutation is there
 * with its row, marker and statement; state rows, markers, statements and MMR nodes agree in number
 * (a change and its marker never land apart); nothing needed rebuilding; the chain verifies; the
 * newest checkpoint is not ahead of the log, verifies, and is consistent with a new one; receipts of
 * acknowledged mutations verify offline.
 *
 * <p>6 kills by default; {@code CAIRN_AUDIT_CRASH_KILLS} sets another number.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AuditCrashContract {
    private static final int THREADS = 6;

    @Test
    void everyAcknowledgedMutationSurvivesAKillWithItsStateAndItsProofs(TestDataSource source) throws Exception {
        int kills = kills();
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        byte[] keyBytes = new byte[32];
        random.nextBytes(keyBytes);
        SigningKey key = SigningKey.fromPrivateKeyBytes(KeyType.ED25519, keyBytes, InsecureSecretKeyAccess.get());
        Map<Long, Long> acknowledged = new HashMap<>();
        SignedCheckpoint previous = null;
        long checked = 0;
        int killedBeforeReady = 0;
        int waited = 0;
        for (int kill = 0; kill < kills; kill++) {
            String context = "seed " + seed + ", kill " + kill;
            boolean anyMoment = kill % 3 == 2;
            waited += anyMoment ? 0 : 1;
            List<String> lines = runAndKill(source, keyBytes, kill, random, anyMoment, context);
            if (lines.stream().noneMatch(l -> l.startsWith("READY"))) {
                killedBeforeReady++;
            }
            for (String line : lines) {
                if (line.startsWith("ACK ")) {
                    String[] f = line.split(" ");
                    Long earlier = acknowledged.put(Long.parseLong(f[1]), Long.parseLong(f[2]));
                    assertNull(earlier, context + ": sequence " + f[1] + " acknowledged twice");
                }
            }
            previous = check(source, key, acknowledged, previous, random, context);
            checked += acknowledged.size();
        }
        System.out.printf(
                "audit-crash-test (%s): kills=%d acknowledged=%d checks=%d killed-before-ready=%d seed=%d%n",
                getClass().getSimpleName(), kills, acknowledged.size(), checked, killedBeforeReady, seed);
        assertTrue(
                acknowledged.size() >= waited,
                "each run killed after an acknowledgement adds at least one: " + acknowledged.size());
    }

    private static int kills() {
        String value = System.getenv("CAIRN_AUDIT_CRASH_KILLS");
        return value == null || value.isBlank() ? 6 : Integer.parseInt(value.trim());
    }

    private static DatabaseConfig config(TestDataSource source) {
        return source.kind() == TestDatabase.H2_FILE
                ? DatabaseConfig.h2File(source.directory().orElseThrow())
                : Stores.config(source);
    }

    private List<String> runAndKill(
            TestDataSource source, byte[] key, int run, Random random, boolean anyMoment, String context)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                AuditCrashChild.class.getName()));
        if (source.kind() == TestDatabase.H2_FILE) {
            command.addAll(List.of("h2", source.directory().orElseThrow().toString()));
        } else {
            command.addAll(List.of("pg", source.jdbcUrl(), source.user()));
        }
        command.addAll(List.of(HexFormat.of().formatHex(key), Integer.toString(THREADS), Integer.toString(run + 1)));
        Path stderr = Files.createTempFile("audit-crash-child", ".txt");
        Process child =
                new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("IO " + e);
            }
        });
        reader.start();
        List<String> seen = new ArrayList<>();
        if (anyMoment) {
            Thread.sleep(random.nextInt(2000));
        } else {
            String first = lines.poll(120, TimeUnit.SECONDS);
            if (first == null || !first.startsWith("READY ")) {
                child.destroyForcibly().waitFor();
                fail(context + ": the child did not start: " + first + "\n" + Files.readString(stderr));
            }
            seen.add(first);
            // Kill only once the child acknowledged something, however loaded the machine is: a
            // kill before the first acknowledgement tests recovery of nothing.
            for (String line = lines.poll(120, TimeUnit.SECONDS); ; line = lines.poll(120, TimeUnit.SECONDS)) {
                if (line == null) {
                    child.destroyForcibly().waitFor();
                    fail(context + ": no acknowledgement within 120 s\n" + seen + "\n" + Files.readString(stderr));
                }
                seen.add(line);
                if (line.startsWith("ACK ")) {
                    break;
                }
            }
            Thread.sleep(200 + random.nextInt(600));
        }
        if (!child.isAlive()) {
            reader.join();
            fail(context + ": the child exited with " + child.exitValue() + " before the kill\n" + lines + "\n"
                    + Files.readString(stderr));
        }
        // SIGKILL through the handle: Process.destroyForcibly() would also close the pipe.
        child.toHandle().destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), context + ": the child survived SIGKILL");
        reader.join(30_000);
        lines.drainTo(seen);
        Files.deleteIfExists(stderr);
        return seen;
    }

    private SignedCheckpoint check(
            TestDataSource source,
            SigningKey key,
            Map<Long, Long> acknowledged,
            SignedCheckpoint previous,
            Random random,
            String context) {
        try (Database db = Database.open(config(source));
                AuditLog log = AuditLog.open(
                        db,
                        AuditLogConfig.builder(AuditFixture.LOG, key)
                                .checkpointInterval(Duration.ZERO)
                                .build())) {
            assertEquals(0, log.recovery().markersIntegrated(), context + ": " + log.recovery());
            assertFalse(log.recovery().nodesRebuilt(), context);
            LogHead head = log.head();
            long n = head.markerCount();
            assertEquals(MmrMath.sizeForLeafCount(n), head.mmrSize(), context);
            assertEquals(head.mmrSize(), count(db, "audit_mmr_nodes"), context);
            assertEquals(n, count(db, "audit_markers"), context);
            assertEquals(n, count(db, "audit_statements"), context);
            assertEquals(n, count(db, "test_items"), context + ": state rows and markers disagree");
            for (Map.Entry<Long, Long> ack : acknowledged.entrySet()) {
                long seq = ack.getKey();
                assertTrue(seq < n, context + ": acknowledged " + seq + " lost (log of " + n + ")");
                IssuedStatement issued = log.statement(seq);
                assertEquals("item/" + ack.getValue(), issued.statement().subject(), context);
                assertEquals(seq, itemSeq(db, ack.getValue()), context);
            }
            ChainVerifier.verify(log.markers());
            KeySet keys = KeySet.of(key.verificationKey());
            CheckpointVerifier checkpoints = CheckpointVerifier.builder()
                    .trustedKeys(keys)
                    .expectLogId(AuditFixture.LOG)
                    .build();
            SignedCheckpoint now = log.publishCheckpoint(AuditFixture.EPOCH);
            Accumulator to =
                    checkpoints.verify(now.signed().toByteArray()).checkpoint().accumulator();
            assertEquals(head.mmrSize(), to.size());
            List<SignedCheckpoint> earlier = new ArrayList<>();
            log.latestCheckpoint().ifPresent(earlier::add);
            if (previous != null) {
                earlier.add(previous);
            }
            for (SignedCheckpoint e : earlier) {
                Accumulator from = checkpoints
                        .verify(e.signed().toByteArray())
                        .checkpoint()
                        .accumulator();
                assertTrue(from.size() <= to.size(), context + ": a checkpoint ahead of the log");
                if (from.size() < to.size()) {
                    MmrVerifier.verifyConsistency(log.consistencyProof(from.size(), to.size()), from, to);
                } else {
                    assertEquals(from, to);
                }
            }
            ReceiptVerifier receipts = ReceiptVerifier.builder()
                    .trustedKeys(keys)
                    .expectLogId(AuditFixture.LOG)
                    .expectEpoch(AuditFixture.EPOCH)
                    .build();
            List<Long> seqs = new ArrayList<>(acknowledged.keySet());
            for (int i = 0; i < Math.min(20, seqs.size()); i++) {
                long seq = seqs.get(random.nextInt(seqs.size()));
                assertEquals(
                        seq, receipts.verify(log.receipt(seq).encode()).marker().seq());
            }
            return now;
        }
    }

    private static long count(Database db, String table) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + table);
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static long itemSeq(Database db, long id) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT audit_seq FROM test_items WHERE id = ?")) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    assertTrue(rs.next(), "no row for item " + id);
                    return rs.getLong(1);
                }
            }
        });
    }
}
