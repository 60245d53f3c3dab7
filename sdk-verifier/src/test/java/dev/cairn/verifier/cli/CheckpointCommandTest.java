package dev.cairn.verifier.cli;

import static dev.cairn.verifier.cli.Cli.flip;
import static dev.cairn.verifier.cli.Cli.run;
import static dev.cairn.verifier.cli.Cli.write;
import static dev.cairn.verifier.cli.Cli.writeHex;
import static dev.cairn.verifier.cli.Cli.writeKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.bytes.Digest;
import dev.cairn.mmr.ConsistencyProof;
import dev.cairn.receipt.SignedCheckpoint;
import dev.cairn.verifier.LogFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointCommandTest {
    @TempDir
    Path dir;

    private LogFixture log;
    private final List<SignedCheckpoint> checkpoints = new ArrayList<>();
    private final List<String> files = new ArrayList<>();
    private String key;

    /** Checkpoints of 2, 5, 5 (the log idle) and 9 statements. */
    @BeforeEach
    void log() {
        log = new LogFixture(dir.resolve("log"));
        for (int statements : new int[] {2, 3, 0, 4}) {
            log.issue(statements);
            SignedCheckpoint checkpoint = log.checkpoint();
            checkpoints.add(checkpoint);
            files.add(write(
                    dir, "cp" + files.size() + ".cose", checkpoint.signed().toByteArray()));
        }
        key = writeKey(dir, "log.cose", log.key.verificationKey());
    }

    @AfterEach
    void close() {
        log.close();
    }

    private List<String> args(String... more) {
        List<String> args = new ArrayList<>(List.of(
                "checkpoint",
                "--json",
                "--key",
                key,
                "--log-id",
                LogFixture.LOG.value(),
                "--at",
                log.clock.instant().toString()));
        args.addAll(List.of(more));
        return args;
    }

    private static Cli.Run cli(List<String> args) {
        return run(args.toArray(String[]::new));
    }

    private String proof(int from, int to) {
        ConsistencyProof proof = log.consistency(checkpoints.get(from), checkpoints.get(to));
        return write(dir, "p" + from + to + ".cbor", proof.encode());
    }

    @Test
    void aSignedCheckpointVerifies() {
        JsonNode result = cli(args(files.get(3))).expect(0).only();
        assertEquals("checkpoint", result.path("what").asText());
        assertEquals(checkpoints.get(3).checkpoint().size(), result.path("size").asLong());
        assertEquals(9, result.path("leaves").asLong());
        assertEquals(LogFixture.EPOCH, result.path("epoch").asLong());
        cli(args(writeHex(dir, "cp.hex", checkpoints.get(0).signed().toByteArray())))
                .expect(0);
    }

    @Test
    void aChainVerifiesWithOneProofPerStepThatGrows() {
        List<String> args = args("--consistency", proof(0, 1), "--consistency", proof(2, 3));
        args.addAll(files);
        JsonNode result = cli(args).expect(0).only();
        assertEquals("checkpoint-chain", result.path("what").asText());
        assertEquals(4, result.path("checkpoints").asInt());
        assertEquals(
                checkpoints.get(0).checkpoint().size(),
                result.path("first_size").asLong());
        assertEquals(
                checkpoints.get(3).checkpoint().size(), result.path("last_size").asLong());
    }

    @Test
    void aMissingOrExtraProofIsMalformed() {
        List<String> missing = args("--consistency", proof(0, 1));
        missing.addAll(files);
        JsonNode result = cli(missing).expect(2, "MMR_PROOF_MALFORMED").only();
        assertEquals("3", result.path("details").path("checkpoint").asText());
        List<String> extra = args("--consistency", proof(0, 1));
        extra.addAll(files.subList(0, 3));
        extra.addAll(List.of("--consistency", proof(2, 3)));
        cli(extra).expect(2, "MMR_PROOF_MALFORMED");
    }

    @Test
    void aProofForOtherSizesIsMalformedAndATamperedOneInvalid() {
        List<String> wrong = args("--consistency", proof(0, 3));
        wrong.addAll(files.subList(0, 2));
        cli(wrong).expect(2, "MMR_PROOF_MALFORMED");
        ConsistencyProof good = log.consistency(checkpoints.get(0), checkpoints.get(1));
        List<Digest> right = new ArrayList<>(good.rightPeaks());
        right.set(0, Digest.of(flip(right.get(0).toByteArray(), 0)));
        String tampered = write(
                dir, "tampered.cbor", new ConsistencyProof(good.size1(), good.size2(), good.paths(), right).encode());
        List<String> args = args("--consistency", tampered);
        args.addAll(files.subList(0, 2));
        cli(args).expect(1, "MMR_PROOF_INVALID");
        List<String> garbage = args("--consistency", write(dir, "garbage.cbor", new byte[] {(byte) 0x82}));
        garbage.addAll(files.subList(0, 2));
        JsonNode result = cli(garbage).expect(2, "CBOR_TRUNCATED").only();
        assertEquals("0", result.path("details").path("consistency").asText());
    }

    @Test
    void aForkAtTheSameSizeIsInvalid() {
        try (LogFixture fork = new LogFixture(dir.resolve("fork"), log.key)) {
            fork.clock.advance(Duration.ofMinutes(1));
            fork.issue(5);
            String forked = write(dir, "fork.cose", fork.checkpoint().signed().toByteArray());
            List<String> args = args("--consistency", proof(0, 1));
            args.addAll(List.of(files.get(0), files.get(1), forked));
            cli(args).expect(1, "MMR_PROOF_INVALID");
        }
    }

    @Test
    void aCheckpointOlderThanTheOneBeforeIsInvalid() {
        List<String> args = args();
        args.addAll(List.of(files.get(2), files.get(1)));
        JsonNode result = cli(args).expect(1, "RECEIPT_TIME_INVALID").only();
        assertEquals("1", result.path("details").path("checkpoint").asText());
        assertTrue(result.path("details").path("file").asText().endsWith("cp1.cose"));
    }

    @Test
    void signatureLogAndTimeFailuresAreRejections() {
        byte[] signed = checkpoints.get(1).signed().toByteArray();
        cli(args(write(dir, "flipped", flip(signed, signed.length - 1)))).expect(1, "COSE_BAD_SIGNATURE");
        List<String> other = args(files.get(1));
        other.set(other.indexOf("--log-id") + 1, "other.example/audit");
        cli(other).expect(1, "RECEIPT_LOG_MISMATCH");
        List<String> early = args(files.get(1));
        early.set(
                early.indexOf("--at") + 1,
                LogFixture.T0.minus(Duration.ofMinutes(10)).toString());
        cli(early).expect(1, "RECEIPT_TIME_INVALID");
        List<String> skewed = new ArrayList<>(early);
        skewed.addAll(skewed.size() - 1, List.of("--max-skew", "PT1H"));
        cli(skewed).expect(0);
    }

    @Test
    void usageErrorsExitTwo() {
        cli(args()).expect(2);
        cli(args("--consistency", proof(0, 1), files.get(0))).expect(2);
        run("checkpoint", "--log-id", LogFixture.LOG.value(), files.get(0)).expect(2);
        run("checkpoint", "--key", key, files.get(0)).expect(2);
    }
}
