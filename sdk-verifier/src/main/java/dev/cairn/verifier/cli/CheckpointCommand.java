package dev.cairn.verifier.cli;

import dev.cairn.checkpoint.Checkpoint;
import dev.cairn.checkpoint.VerifiedCheckpoint;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.mmr.ConsistencyProof;
import dev.cairn.verifier.CheckpointChainVerifier;
import dev.cairn.verifier.TrustAnchors;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cairn-verify checkpoint}: one signed checkpoint, or a chain of them in which each is
 * consistent with the one before. The {@code --consistency} proofs are taken in order, one for each
 * step whose size grows; a step whose size stays the same needs none.
 */
@Command(
        name = "checkpoint",
        description = {
            "Verifies a signed checkpoint, or a chain of them.",
            "Checkpoints per spec/receipts.md. With several, each checkpoint must be consistent with the one"
                    + " before it.",
            "Give one --consistency proof (CBOR, spec/mmr.md) per step whose size grows, in order."
        })
final class CheckpointCommand extends VerifyCommand {
    @Parameters(
            arity = "1..*",
            paramLabel = "CHECKPOINT",
            description = "Signed checkpoints (COSE_Sign1, binary or hex), oldest first.")
    List<String> checkpoints = new ArrayList<>();

    @Option(
            names = "--consistency",
            paramLabel = "FILE",
            description = "An MMR consistency proof (CBOR, binary or hex) for the next step that grows. Repeatable.")
    List<String> proofs = new ArrayList<>();

    @Mixin
    LogKeyOptions log;

    @Mixin
    TimeOptions time;

    @Override
    String what() {
        return checkpoints.size() == 1 ? "checkpoint" : "checkpoint-chain";
    }

    @Override
    int verify(Output results) {
        if (log.keys.isEmpty()) {
            throw usage("checkpoints need the log's key (--key)");
        }
        if (checkpoints.size() == 1 && !proofs.isEmpty()) {
            throw usage("--consistency needs two or more checkpoints");
        }
        Inputs inputs = inputs();
        TrustAnchors.Builder builder = TrustAnchors.builder().clock(time.clock());
        log.addTo(builder, inputs);
        CheckpointChainVerifier verifier = CheckpointChainVerifier.builder(builder.build())
                .expectLogId(log.logId)
                .maxClockSkew(time.maxSkew)
                .build();
        Deque<ConsistencyProof> queue = new ArrayDeque<>();
        for (int i = 0; i < proofs.size(); i++) {
            try {
                queue.add(ConsistencyProof.decode(inputs.binary(proofs.get(i))));
            } catch (CairnException e) {
                return results.failure(what(), e, where("consistency", i, proofs.get(i)));
            }
        }
        List<VerifiedCheckpoint> verified = new ArrayList<>();
        try (ProgressBar bar =
                ProgressBar.start(console(), output.progress, "checkpoints", checkpoints.size(), "checkpoints")) {
            results.showingProgress(bar);
            for (int i = 0; i < checkpoints.size(); i++) {
                try {
                    verified.add(next(verifier, verified, inputs.binary(checkpoints.get(i)), queue));
                } catch (CairnException e) {
                    return results.failure(what(), e, where("checkpoint", i, checkpoints.get(i)));
                }
                bar.update(i + 1, i + 1);
            }
        }
        if (!queue.isEmpty()) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("expected", (proofs.size() - queue.size()) + " consistency proofs, one per step that grows");
            details.put("found", Integer.toString(proofs.size()));
            return results.failure(
                    what(),
                    new MalformedInputException(
                            ErrorCode.MMR_PROOF_MALFORMED, "more consistency proofs than steps", -1, details, null),
                    Output.ALONE);
        }
        return results.valid(verified.size() == 1 ? single(verified.get(0)) : chain(verified), Output.ALONE);
    }

    private static VerifiedCheckpoint next(
            CheckpointChainVerifier verifier,
            List<VerifiedCheckpoint> verified,
            byte[] signed,
            Deque<ConsistencyProof> proofs) {
        VerifiedCheckpoint checkpoint = verifier.verify(signed);
        if (verified.isEmpty()) {
            return checkpoint;
        }
        VerifiedCheckpoint previous = verified.get(verified.size() - 1);
        boolean grows = previous.checkpoint().size() != checkpoint.checkpoint().size();
        return verifier.verifyConsistent(
                previous, checkpoint, grows ? Optional.ofNullable(proofs.poll()) : Optional.empty());
    }

    private static Map<String, String> where(String what, int position, String file) {
        Map<String, String> where = new LinkedHashMap<>();
        where.put(what, Integer.toString(position));
        where.put("file", file);
        return where;
    }

    private static Report single(VerifiedCheckpoint verified) {
        Checkpoint checkpoint = verified.checkpoint();
        return Report.of(
                        "checkpoint",
                        "log " + checkpoint.logId() + " at size " + checkpoint.size() + " ("
                                + checkpoint.accumulator().leafCount() + " leaves), epoch " + checkpoint.epoch()
                                + ", signed at " + checkpoint.time())
                .with("log_id", checkpoint.logId().value())
                .with("size", checkpoint.size())
                .with("leaves", checkpoint.accumulator().leafCount())
                .with("peaks", peaks(checkpoint))
                .with("epoch", checkpoint.epoch())
                .with("time", checkpoint.time().toString())
                .with("signer_kid", verified.signer().kid().toHex());
    }

    private static Report chain(List<VerifiedCheckpoint> verified) {
        Checkpoint first = verified.get(0).checkpoint();
        Checkpoint last = verified.get(verified.size() - 1).checkpoint();
        return Report.of(
                        "checkpoint-chain",
                        verified.size() + " checkpoints of log " + last.logId()
                                + ", each consistent with the one before: size " + first.size() + " -> "
                                + last.size())
                .with("log_id", last.logId().value())
                .with("checkpoints", verified.size())
                .with("first_size", first.size())
                .with("last_size", last.size())
                .with("last_peaks", peaks(last))
                .with("last_epoch", last.epoch())
                .with("last_time", last.time().toString());
    }

    private static List<String> peaks(Checkpoint checkpoint) {
        List<String> peaks = new ArrayList<>();
        checkpoint.accumulator().peaks().forEach(p -> peaks.add(p.toHex()));
        return peaks;
    }
}
