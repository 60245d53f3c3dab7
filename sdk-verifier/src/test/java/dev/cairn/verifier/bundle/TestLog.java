package dev.cairn.verifier.bundle;

import dev.cairn.audit.AuditBundleExporter;
import dev.cairn.audit.TrustMaterial;
import dev.cairn.bytes.Digest;
import dev.cairn.checkpoint.LogId;
import dev.cairn.hash.DomainHash;
import dev.cairn.hash.HashDomain;
import dev.cairn.keys.KeySet;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.marker.SegmentMarkerStream;
import dev.cairn.mmr.file.FileNodeStore;
import dev.cairn.receipt.Action;
import dev.cairn.receipt.IssuedStatement;
import dev.cairn.receipt.ReceiptLog;
import dev.cairn.receipt.SignedCheckpoint;
import dev.cairn.receipt.Statement;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** A real receipt log (segment-file markers, file MMR) in a test directory, and bundles exported from it. */
final class TestLog implements AutoCloseable {
    static final LogId LOG = new LogId("test.example/audit");
    static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    /** What "now" is for the verifiers: an hour after the log started. */
    static final Clock NOW = Clock.fixed(T0.plusSeconds(3600), ZoneId.of("UTC"));

    private static final SecureRandom RANDOM = new SecureRandom();

    final SigningKey key;
    final ReceiptLog log;
    final List<IssuedStatement> issued = new ArrayList<>();
    final List<SignedCheckpoint> checkpoints = new ArrayList<>();
    private final AtomicLong millis = new AtomicLong(T0.toEpochMilli());
    final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.addAndGet(3));
        }
    };

    private TestLog(Path dir, SigningKey key) {
        this.key = key;
        this.log = ReceiptLog.open(
                LOG,
                SegmentMarkerStream.builder(dir.resolve("markers"), clock)
                        .segmentRecords(16)
                        .open(),
                FileNodeStore.open(dir.resolve("mmr.nodes")),
                key,
                clock);
    }

    static TestLog open(Path dir) {
        return new TestLog(dir, SigningKey.generate(KeyType.ED25519, RANDOM));
    }

    static TestLog open(Path dir, SigningKey key) {
        return new TestLog(dir, key);
    }

    static Action action(int i) {
        return new Action(
                i % 3 == 0 ? "node.enroll" : "node.heartbeat",
                "cairn://test.example/operator/alice",
                "cairn://test.example/cluster/c1/node/n-" + i,
                7,
                digest("policy"),
                digest("request " + i),
                Statement.OK);
    }

    static Digest digest(String text) {
        return DomainHash.of(HashDomain.STATEMENT, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Moves the log's clock forward. */
    TestLog advance(java.time.Duration by) {
        millis.addAndGet(by.toMillis());
        return this;
    }

    /** Issues statements until the log holds {@code size} markers. */
    TestLog grow(int size) {
        while (issued.size() < size) {
            issued.add(log.issue(action(issued.size())));
        }
        return this;
    }

    /** Signs a checkpoint of everything issued so far and keeps it. */
    SignedCheckpoint checkpoint() {
        SignedCheckpoint c = log.checkpoint(7);
        checkpoints.add(c);
        return c;
    }

    AuditBundleExporter.Builder exporter(SignedCheckpoint covering) {
        return AuditBundleExporter.builder(log)
                .checkpoint(covering)
                .logKeys(List.of(key.verificationKey()))
                .statements(issued);
    }

    byte[] export(long first, long count, SignedCheckpoint covering) {
        return export(exporter(covering).build(), first, count);
    }

    byte[] export(long first, long count, SignedCheckpoint covering, List<SignedCheckpoint> older) {
        return export(exporter(covering).olderCheckpoints(older).build(), first, count);
    }

    byte[] export(long first, long count, SignedCheckpoint covering, TrustMaterial material) {
        return export(exporter(covering).trustMaterial(List.of(material)).build(), first, count);
    }

    static byte[] export(AuditBundleExporter exporter, long first, long count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.export(out, first, count);
        return out.toByteArray();
    }

    AuditBundleVerifier.Builder verifier() {
        return AuditBundleVerifier.builder()
                .trustedLogKeys(KeySet.of(key.verificationKey()))
                .expectLogId(LOG)
                .clock(NOW);
    }

    @Override
    public void close() {
        log.close();
    }
}
