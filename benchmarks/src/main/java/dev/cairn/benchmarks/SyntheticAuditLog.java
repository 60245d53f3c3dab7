package dev.cairn.benchmarks;

import dev.cairn.audit.AuditBundleExporter;
import dev.cairn.bytes.Bytes;
import dev.cairn.bytes.Digest;
import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.cbor.Cbor;
import dev.cairn.checkpoint.Checkpoint;
import dev.cairn.checkpoint.CheckpointSigner;
import dev.cairn.checkpoint.LogId;
import dev.cairn.cose.CoseSigner;
import dev.cairn.hash.DomainHash;
import dev.cairn.hash.HashDomain;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.marker.Marker;
import dev.cairn.marker.MarkerReader;
import dev.cairn.mmr.MemoryNodeStore;
import dev.cairn.mmr.Mmr;
import dev.cairn.receipt.SignedCheckpoint;
import dev.cairn.receipt.Statement;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A log of real signed statements built in memory as fast as this machine allows, for the audit
 * bundle benchmark: statements signed in parallel, the marker chain and the MMR computed directly
 * (the same values a {@code ReceiptLog} would produce, without a durable append per statement), and
 * a bundle of its range written with the sdk-core exporter. The key is derived from a fixed label,
 * so that a bundle written once can be reused by every fork.
 */
final class SyntheticAuditLog {
    static final LogId LOG = new LogId("bench.example/audit");
    static final Instant T0 = Instant.parse("2026-11-24T00:00:00Z");
    static final SigningKey KEY = SigningKey.fromPrivateKeyBytes(
            KeyType.ED25519,
            DomainHash.of(HashDomain.KEY_ID, "cairn audit bundle benchmark key".getBytes(StandardCharsets.US_ASCII))
                    .toByteArray(),
            InsecureSecretKeyAccess.get());

    final byte[][] statements;
    final Marker[] markers;
    final Mmr mmr;
    final SignedCheckpoint checkpoint;

    private SyntheticAuditLog(int size) {
        CoseSigner signer =
                CoseSigner.builder(KEY).contentType(Statement.CONTENT_TYPE).build();
        Digest policy = DomainHash.of(HashDomain.STATEMENT, "policy v1".getBytes(StandardCharsets.US_ASCII));
        statements = new byte[size][];
        IntStream.range(0, size).parallel().forEach(seq -> {
            Statement s = new Statement(
                    LOG,
                    seq % 5 == 0 ? "node.enroll" : "node.heartbeat",
                    "cairn://bench.example/operator/alice",
                    "cairn://bench.example/cluster/c1/node/n-" + seq,
                    1,
                    seq,
                    T0.plusMillis(seq),
                    policy,
                    DomainHash.of(HashDomain.STATEMENT, ("request " + seq).getBytes(StandardCharsets.US_ASCII)),
                    Statement.OK);
            statements[seq] = signer.sign(Cbor.encode(s.toCbor())).encode();
        });
        markers = new Marker[size];
        mmr = Mmr.open(new MemoryNodeStore());
        Digest prev = Marker.GENESIS_PREV_HASH;
        for (int seq = 0; seq < size; seq++) {
            String kind = seq % 5 == 0 ? "node.enroll" : "node.heartbeat";
            markers[seq] = Marker.of(
                    seq, T0.toEpochMilli() + seq, kind, DomainHash.of(HashDomain.STATEMENT, statements[seq]), prev);
            prev = markers[seq].hash();
            mmr.append(prev);
        }
        Checkpoint c = new Checkpoint(LOG, mmr.accumulator(), 1, T0.plusMillis(size));
        checkpoint = new SignedCheckpoint(c, Bytes.copyOf(new CheckpointSigner(KEY).sign(c)));
    }

    /**
     * Builds a log of {@code size} statements whose checkpoint covers all of them.
     *
     * @param size the number of statements
     * @return the log
     */
    static SyntheticAuditLog of(int size) {
        return new SyntheticAuditLog(size);
    }

    /** Writes the bundle of the range {@code [first, first + count)}. */
    void export(Path file, long first, long count) {
        AuditBundleExporter exporter = AuditBundleExporter.builder(LOG, reader(), mmr)
                .checkpoint(checkpoint)
                .logKeys(List.of(KEY.verificationKey()))
                .statements(seq -> Optional.of(Bytes.copyOf(statements[(int) seq])))
                .build();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            exporter.export(out, first, count);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private MarkerReader reader() {
        return new MarkerReader() {
            @Override
            public long size() {
                return markers.length;
            }

            @Override
            public Optional<Marker> head() {
                return Optional.of(markers[markers.length - 1]);
            }

            @Override
            public Marker get(long seq) {
                return markers[(int) seq];
            }

            @Override
            public List<Marker> range(long from, long toExclusive) {
                return Arrays.asList(markers).subList((int) from, (int) toExclusive);
            }

            @Override
            public Optional<Marker> firstAtOrAfter(Instant time) {
                int lo = 0;
                int hi = markers.length;
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if (markers[mid].time().isBefore(time)) {
                        lo = mid + 1;
                    } else {
                        hi = mid;
                    }
                }
                return lo < markers.length ? Optional.of(markers[lo]) : Optional.empty();
            }
        };
    }
}
