package dev.cairn.audit;

import dev.cairn.bytes.Digest;
import dev.cairn.checkpoint.LogId;
import dev.cairn.hash.DomainHash;
import dev.cairn.hash.HashDomain;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.marker.SegmentMarkerStream;
import dev.cairn.mmr.MemoryNodeStore;
import dev.cairn.receipt.Action;
import dev.cairn.receipt.IssuedStatement;
import dev.cairn.receipt.ReceiptLog;
import dev.cairn.receipt.SignedCheckpoint;
import dev.cairn.receipt.Statement;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A receipt log over a segment-file stream in a test directory, and what the audit tests export from it. */
final class AuditFixtures implements AutoCloseable {
    static final LogId LOG = new LogId("test.example/audit");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);

    final SigningKey key = SigningKey.generate(KeyType.ED25519, new SecureRandom());
    final ReceiptLog log;
    final List<IssuedStatement> issued = new ArrayList<>();

    AuditFixtures(Path dir) {
        this.log = ReceiptLog.open(
                LOG,
                SegmentMarkerStream.builder(dir.resolve("markers"), CLOCK)
                        .segmentRecords(8)
                        .open(),
                new MemoryNodeStore(),
                key,
                CLOCK);
    }

    AuditFixtures grow(int size) {
        while (issued.size() < size) {
            int i = issued.size();
            issued.add(log.issue(new Action(
                    "node.enroll",
                    "cairn://test.example/operator/alice",
                    "cairn://test.example/node/n-" + i,
                    3,
                    digest("policy"),
                    digest("request " + i),
                    Statement.OK)));
        }
        return this;
    }

    static Digest digest(String text) {
        return DomainHash.of(HashDomain.STATEMENT, text.getBytes(StandardCharsets.UTF_8));
    }

    SignedCheckpoint checkpoint() {
        return log.checkpoint(3);
    }

    AuditBundleExporter.Builder exporter(SignedCheckpoint covering) {
        return AuditBundleExporter.builder(log)
                .checkpoint(covering)
                .logKeys(List.of(key.verificationKey()))
                .statements(issued);
    }

    static byte[] export(AuditBundleExporter exporter, long first, long count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.export(out, first, count);
        return out.toByteArray();
    }

    @Override
    public void close() {
        log.close();
    }
}
