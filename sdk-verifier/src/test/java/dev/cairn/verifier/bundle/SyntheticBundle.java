package dev.cairn.verifier.bundle;

import dev.cairn.audit.AuditBundleEntry;
import dev.cairn.audit.AuditBundleHeader;
import dev.cairn.audit.AuditBundleWriter;
import dev.cairn.bytes.Bytes;
import dev.cairn.bytes.Digest;
import dev.cairn.cbor.Cbor;
import dev.cairn.checkpoint.Checkpoint;
import dev.cairn.checkpoint.CheckpointSigner;
import dev.cairn.cose.CoseSigner;
import dev.cairn.hash.DomainHash;
import dev.cairn.hash.HashDomain;
import dev.cairn.keys.SigningKey;
import dev.cairn.marker.Marker;
import dev.cairn.mmr.Accumulator;
import dev.cairn.mmr.CompactMmr;
import dev.cairn.receipt.Statement;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A bundle of many real receipts, made faster than a durable log can issue them: the statements are
 * signed in parallel and the markers, the MMR accumulator and the checkpoint computed as a {@code
 * ReceiptLog} would, then the whole log is written as one range with the sdk-core writer.
 */
final class SyntheticBundle {
    private SyntheticBundle() {}

    static void write(Path file, SigningKey key, int count) {
        CoseSigner signer =
                CoseSigner.builder(key).contentType(Statement.CONTENT_TYPE).build();
        byte[][] statements = new byte[count][];
        IntStream.range(0, count)
                .parallel()
                .forEach(seq -> statements[seq] = signer.sign(Cbor.encode(new Statement(
                                        TestLog.LOG,
                                        "node.heartbeat",
                                        "cairn://test.example/node/n-" + (seq % 97),
                                        "cairn://test.example/service/s-" + seq,
                                        7,
                                        seq,
                                        TestLog.T0.plusMillis(seq / 4),
                                        TestLog.digest("policy"),
                                        TestLog.digest("request " + seq),
                                        Statement.OK)
                                .toCbor()))
                        .encode());
        Marker[] markers = new Marker[count];
        CompactMmr mmr = CompactMmr.from(Accumulator.empty());
        Digest prev = Marker.GENESIS_PREV_HASH;
        for (int seq = 0; seq < count; seq++) {
            markers[seq] = Marker.of(
                    seq,
                    TestLog.T0.toEpochMilli() + seq / 4,
                    "node.heartbeat",
                    DomainHash.of(HashDomain.STATEMENT, statements[seq]),
                    prev);
            prev = markers[seq].hash();
            mmr.append(prev);
        }
        Checkpoint checkpoint = new Checkpoint(TestLog.LOG, mmr.accumulator(), 7, TestLog.T0.plusMillis(count / 4 + 1));
        AuditBundleHeader header = new AuditBundleHeader(
                TestLog.LOG,
                0,
                count,
                List.of(key.verificationKey()),
                List.of(),
                Bytes.copyOf(new CheckpointSigner(key).sign(checkpoint)),
                Accumulator.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            AuditBundleWriter writer = AuditBundleWriter.start(out, header);
            for (int seq = 0; seq < count; seq++) {
                writer.write(AuditBundleEntry.receipt(markers[seq], Bytes.copyOf(statements[seq])));
            }
            writer.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
