package dev.cairn.tools.demo;

import dev.cairn.bytes.Digest;
import dev.cairn.checkpoint.CheckpointFile;
import dev.cairn.checkpoint.LogId;
import dev.cairn.errors.CairnException;
import dev.cairn.hash.DomainHash;
import dev.cairn.hash.HashDomain;
import dev.cairn.keys.KeySet;
import dev.cairn.keys.SigningKey;
import dev.cairn.marker.Marker;
import dev.cairn.marker.SegmentMarkerStream;
import dev.cairn.mmr.file.FileNodeStore;
import dev.cairn.receipt.Action;
import dev.cairn.receipt.CoseReceiptVerifier;
import dev.cairn.receipt.FullReceipt;
import dev.cairn.receipt.IssuedStatement;
import dev.cairn.receipt.ReceiptLog;
import dev.cairn.receipt.ReceiptVerifier;
import dev.cairn.receipt.SignedCheckpoint;
import dev.cairn.receipt.Statement;
import dev.cairn.receipt.VerifiedInclusionReceipt;
import dev.cairn.receipt.VerifiedReceipt;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The log part of the demo: statements appended as markers, a checkpoint, a receipt checked offline. */
final class LogDemo {
    static final LogId LOG = new LogId("demo.example/audit");
    private static final long EPOCH = 1;

    private final PrintStream out;

    LogDemo(PrintStream out) {
        this.out = out;
    }

    /** Runs the steps; returns whether every one behaved as specified. */
    boolean run(Path dir, SigningKey key) {
        Clock clock = Clock.systemUTC();
        List<IssuedStatement> issued = new ArrayList<>();
        SignedCheckpoint checkpoint;
        try (ReceiptLog log = ReceiptLog.open(
                LOG,
                SegmentMarkerStream.open(dir.resolve("markers"), clock),
                FileNodeStore.open(dir.resolve("mmr.nodes")),
                key,
                clock)) {
            String[] nodes = {"n-1", "n-2", "n-3", "n-4", "n-5"};
            for (String node : nodes) {
                issued.add(log.issue(new Action(
                        "node.enroll",
                        "cairn://demo.example/operator/alice",
                        "cairn://demo.example/cluster/c1/node/" + node,
                        EPOCH,
                        digest("policy v1"),
                        digest("enroll " + node),
                        Statement.OK)));
            }
            for (IssuedStatement s : issued) {
                Marker m = s.marker();
                out.println("  marker " + m.seq() + "  " + m.kind() + "  "
                        + s.statement().subject() + "  hash " + m.hash().toHex().substring(0, 16) + "...  prev "
                        + m.prevHash().toHex().substring(0, 16) + "...");
            }
            out.println("  each append returned only after fsync; the MMR integrated each marker hash as a leaf");
            checkpoint = log.checkpoint(EPOCH);
            new CheckpointFile(dir)
                    .publish(checkpoint.checkpoint(), checkpoint.signed().toByteArray());
            out.println("  checkpoint: log " + LOG + ", MMR size "
                    + checkpoint.checkpoint().size() + ", "
                    + checkpoint.checkpoint().accumulator().peaks().size() + " peaks, epoch " + EPOCH
                    + ", published to "
                    + dir.resolve(CheckpointFile.NAME) + " (temp + fsync + rename + fsync dir)");
            FullReceipt receipt = log.receipt(issued.get(2), checkpoint);
            byte[] encoded = receipt.encode();
            ReceiptVerifier verifier = ReceiptVerifier.builder()
                    .trustedKeys(KeySet.of(key.verificationKey()))
                    .expectLogId(LOG)
                    .expectEpoch(EPOCH)
                    .build();
            VerifiedReceipt verified = verifier.verify(encoded);
            out.println("  receipt for marker " + verified.marker().seq() + " (" + encoded.length
                    + " bytes) verified offline with only the log's public key: "
                    + verified.statement().subject());
            byte[] cose = log.inclusionReceipt(issued.get(2), checkpoint).toByteArray();
            VerifiedInclusionReceipt standard = CoseReceiptVerifier.builder()
                    .trustedKeys(KeySet.of(key.verificationKey()))
                    .expectLogId(LOG)
                    .build()
                    .verifyInclusion(cose, issued.get(2).marker().hash());
            out.println("  the same inclusion as a COSE Receipt (RFC 9942, MMR profile, " + cose.length
                    + " bytes, detached payload): verified, MMR index " + standard.index() + " under peak "
                    + standard.peak().toHex().substring(0, 16) + "...");
            AuditDemo.export(log, issued, checkpoint, key.verificationKey(), dir);
            AuditDemo.write(dir.resolve("receipt-2.cbor"), encoded);
            return verified.marker().seq() == 2 && rejectsTampering(verifier, encoded);
        }
    }

    private boolean rejectsTampering(ReceiptVerifier verifier, byte[] encoded) {
        byte[] tampered = encoded.clone();
        int at = indexOf(tampered, "n-3".getBytes(StandardCharsets.US_ASCII));
        tampered[at + 2] = '9';
        try {
            verifier.verify(tampered);
            out.println("  a receipt naming node n-9 instead of n-3 was ACCEPTED: this is a bug");
            return false;
        } catch (CairnException e) {
            out.println("  the same receipt rewritten to name node n-9 -> " + e.code() + " ("
                    + e.code().family() + ")");
            return true;
        }
    }

    private static Digest digest(String text) {
        return DomainHash.of(HashDomain.STATEMENT, text.getBytes(StandardCharsets.UTF_8));
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not found");
    }
}
