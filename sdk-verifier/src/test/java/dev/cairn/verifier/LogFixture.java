package dev.cairn.verifier;

import dev.cairn.bytes.Digest;
import dev.cairn.checkpoint.LogId;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.marker.SegmentMarkerStream;
import dev.cairn.mmr.ConsistencyProof;
import dev.cairn.mmr.MemoryNodeStore;
import dev.cairn.mmr.Mmr;
import dev.cairn.mmr.file.FileNodeStore;
import dev.cairn.receipt.Action;
import dev.cairn.receipt.IssuedStatement;
import dev.cairn.receipt.ReceiptLog;
import dev.cairn.receipt.SignedCheckpoint;
import dev.cairn.receipt.Statement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A real receipt log over a segment-file marker stream in a test directory, with a mirror MMR of its
 * marker hashes for raw consistency proofs. The clock advances one second per statement.
 */
public final class LogFixture implements AutoCloseable {
    public static final LogId LOG = new LogId("cli.example/audit");
    public static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");
    public static final long EPOCH = 3;

    public final TestClock clock = new TestClock(T0);
    public final SigningKey key;
    public final List<IssuedStatement> issued = new ArrayList<>();
    private final ReceiptLog log;
    private final Mmr mirror = Mmr.open(new MemoryNodeStore());

    public LogFixture(Path dir, SigningKey key) {
        this.key = key;
        this.log = ReceiptLog.open(
                LOG,
                SegmentMarkerStream.open(dir.resolve("markers"), clock),
                FileNodeStore.open(dir.resolve("mmr.nodes")),
                key,
                clock);
    }

    public LogFixture(Path dir) {
        this(dir, SigningKey.generate(KeyType.ED25519, new SecureRandom()));
    }

    /** Issues statements {@code n} more statements. */
    public void issue(int n) {
        for (int i = 0; i < n; i++) {
            clock.advance(Duration.ofSeconds(1));
            int number = issued.size();
            IssuedStatement statement = log.issue(new Action(
                    "node.enroll",
                    "cairn://cli.example/operator/alice",
                    "cairn://cli.example/cluster/c1/node/n-" + number,
                    EPOCH,
                    sha("policy"),
                    sha("request " + number),
                    Statement.OK));
            issued.add(statement);
            mirror.append(statement.marker().hash());
        }
    }

    /** Signs a checkpoint of everything so far, one second later. */
    public SignedCheckpoint checkpoint() {
        clock.advance(Duration.ofSeconds(1));
        return log.checkpoint(EPOCH);
    }

    /** The audit bundle of markers {@code first .. first + count - 1} under a checkpoint. */
    public byte[] auditBundle(long first, long count, SignedCheckpoint checkpoint) {
        return auditBundle(first, count, checkpoint, List.of());
    }

    /** The same, carrying trust material. */
    public byte[] auditBundle(
            long first, long count, SignedCheckpoint checkpoint, List<dev.cairn.audit.TrustMaterial> material) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        dev.cairn.audit.AuditBundleExporter.builder(log)
                .checkpoint(checkpoint)
                .logKeys(List.of(key.verificationKey()))
                .trustMaterial(material)
                .statements(issued)
                .build()
                .export(out, first, count);
        return out.toByteArray();
    }

    public byte[] receipt(int statement, SignedCheckpoint checkpoint) {
        return log.receipt(issued.get(statement), checkpoint).encode();
    }

    public byte[] inclusionReceipt(int statement, SignedCheckpoint checkpoint) {
        return log.inclusionReceipt(issued.get(statement), checkpoint).toByteArray();
    }

    public byte[] consistencyReceipt(SignedCheckpoint from, SignedCheckpoint to) {
        return log.consistencyReceipt(from, to).toByteArray();
    }

    public ConsistencyProof consistency(SignedCheckpoint from, SignedCheckpoint to) {
        return mirror.consistencyProof(from.checkpoint().size(), to.checkpoint().size());
    }

    public Mmr mirror() {
        return mirror;
    }

    public static Digest sha(String text) {
        try {
            return Digest.of(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        log.close();
    }
}
