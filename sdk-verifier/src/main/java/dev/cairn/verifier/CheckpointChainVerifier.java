package dev.cairn.verifier;

import dev.cairn.checkpoint.Checkpoint;
import dev.cairn.checkpoint.CheckpointVerifier;
import dev.cairn.checkpoint.LogId;
import dev.cairn.checkpoint.VerifiedCheckpoint;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.errors.VerificationException;
import dev.cairn.keys.KeySet;
import dev.cairn.mmr.Accumulator;
import dev.cairn.mmr.ConsistencyProof;
import dev.cairn.mmr.MmrVerifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Verifies signed checkpoints ({@code spec/receipts.md}, "Checkpoint") and chains of them, each
 * consistent with the one before it.
 *
 * <p>A checkpoint is checked by sdk-core's {@link CheckpointVerifier} under the anchors' log keys:
 * signature by a trusted key chosen by kid, content type, strict payload, expected log id, a time no
 * later than now plus the skew. A checkpoint that follows another is then checked, in order:
 *
 * <ol>
 *   <li>its time is not before the previous checkpoint's ({@link ErrorCode#RECEIPT_TIME_INVALID});
 *   <li>with a consistency proof: the proof leads from the previous accumulator to exactly this one
 *       ({@link MmrVerifier#verifyConsistency}: {@code MMR_*} codes);
 *   <li>without one: its size and accumulator are the previous checkpoint's ({@link
 *       ErrorCode#MMR_PROOF_MALFORMED} if the size differs, a proof being needed; {@link
 *       ErrorCode#MMR_PROOF_INVALID} if the same size has other peaks, which is a fork).
 * </ol>
 *
 * <p>Epochs are reported, not compared. A failure in a chain carries the detail {@code checkpoint}:
 * the position of the checkpoint that failed. Thread-safe once built.
 */
public final class CheckpointChainVerifier {
    private final CheckpointVerifier checkpoints;

    private CheckpointChainVerifier(Builder builder) {
        KeySet keys = builder.anchors
                .logKeys()
                .orElseThrow(() -> new IllegalStateException("verifying checkpoints needs log keys in the anchors"));
        this.checkpoints = CheckpointVerifier.builder()
                .trustedKeys(keys)
                .expectLogId(Objects.requireNonNull(builder.logId, "expectLogId is required"))
                .clock(builder.anchors.clock())
                .maxClockSkew(builder.maxSkew)
                .build();
    }

    /**
     * Starts a verifier.
     *
     * @param anchors the trust anchors; their log keys sign checkpoints
     * @return a builder; the log id is required
     */
    public static Builder builder(TrustAnchors anchors) {
        return new Builder(anchors);
    }

    /**
     * Verifies one signed checkpoint.
     *
     * @param signedCheckpoint the tagged COSE_Sign1 bytes
     * @return the verified checkpoint
     * @throws dev.cairn.errors.CairnException the codes of {@link CheckpointVerifier}
     */
    public VerifiedCheckpoint verify(byte[] signedCheckpoint) {
        return checkpoints.verify(signedCheckpoint);
    }

    /**
     * Verifies a checkpoint that follows a verified one.
     *
     * @param previous the verified checkpoint before it
     * @param signedCheckpoint the tagged COSE_Sign1 bytes of the next checkpoint
     * @param fromPrevious the consistency proof from the previous size, or empty if the size is the same
     * @return the verified next checkpoint
     * @throws dev.cairn.errors.CairnException the codes of {@link #verify(byte[])}, then those of the
     *     class description
     */
    public VerifiedCheckpoint verifyNext(
            VerifiedCheckpoint previous, byte[] signedCheckpoint, Optional<ConsistencyProof> fromPrevious) {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(fromPrevious, "fromPrevious");
        return verifyConsistent(previous, verify(signedCheckpoint), fromPrevious);
    }

    /**
     * Verifies that one verified checkpoint follows another: the checks of the class description
     * without the signature checks, which {@link #verify(byte[])} already made.
     *
     * @param previous the earlier verified checkpoint
     * @param next the later verified checkpoint
     * @param fromPrevious the consistency proof from the earlier size, or empty if the size is the same
     * @return {@code next}
     * @throws dev.cairn.errors.CairnException {@link ErrorCode#RECEIPT_TIME_INVALID}, {@code MMR_*}
     *     codes
     */
    public VerifiedCheckpoint verifyConsistent(
            VerifiedCheckpoint previous, VerifiedCheckpoint next, Optional<ConsistencyProof> fromPrevious) {
        Objects.requireNonNull(fromPrevious, "fromPrevious");
        Checkpoint before = previous.checkpoint();
        Checkpoint after = next.checkpoint();
        if (after.time().isBefore(before.time())) {
            throw VerificationException.mismatch(
                    ErrorCode.RECEIPT_TIME_INVALID,
                    "at or after " + before.time(),
                    after.time().toString());
        }
        Accumulator from = before.accumulator();
        Accumulator to = after.accumulator();
        if (fromPrevious.isPresent()) {
            MmrVerifier.verifyConsistency(fromPrevious.get(), from, to);
        } else if (from.size() != to.size()) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("expected", "a consistency proof from size " + from.size() + " to " + to.size());
            details.put("found", "none");
            throw new MalformedInputException(
                    ErrorCode.MMR_PROOF_MALFORMED,
                    "size " + from.size() + " -> " + to.size() + " without a consistency proof",
                    -1,
                    details,
                    null);
        } else if (!from.peaks().equals(to.peaks())) {
            throw VerificationException.mismatch(ErrorCode.MMR_PROOF_INVALID, hex(from), hex(to));
        }
        return next;
    }

    /**
     * Verifies a chain of checkpoints.
     *
     * @param links the checkpoints in order; the first has no proof
     * @return the verified chain
     * @throws IllegalArgumentException if {@code links} is empty or the first link has a proof
     * @throws dev.cairn.errors.CairnException as {@link #verifyNext}, with the detail {@code checkpoint}
     */
    public VerifiedCheckpointChain verifyChain(List<CheckpointLink> links) {
        return verifyChain(links, verified -> {});
    }

    /**
     * Verifies a chain of checkpoints, telling a listener about each one as it is verified (for
     * progress on long chains).
     *
     * @param links the checkpoints in order; the first has no proof
     * @param onVerified called with each verified checkpoint, in order
     * @return the verified chain
     * @throws IllegalArgumentException if {@code links} is empty or the first link has a proof
     * @throws dev.cairn.errors.CairnException as {@link #verifyNext}, with the detail {@code checkpoint}
     */
    public VerifiedCheckpointChain verifyChain(List<CheckpointLink> links, Consumer<VerifiedCheckpoint> onVerified) {
        if (links.isEmpty() || links.get(0).fromPrevious().isPresent()) {
            throw new IllegalArgumentException("a chain starts with one checkpoint without a proof");
        }
        List<VerifiedCheckpoint> verified = new ArrayList<>(links.size());
        for (int i = 0; i < links.size(); i++) {
            CheckpointLink link = links.get(i);
            byte[] signed = link.signedCheckpoint().toByteArray();
            VerifiedCheckpoint checkpoint = i == 0
                    ? Failures.at("checkpoint", 0, () -> verify(signed))
                    : Failures.at(
                            "checkpoint",
                            i,
                            () -> verifyNext(verified.get(verified.size() - 1), signed, link.fromPrevious()));
            verified.add(checkpoint);
            onVerified.accept(checkpoint);
        }
        return new VerifiedCheckpointChain(verified);
    }

    private static String hex(Accumulator accumulator) {
        List<String> peaks = new ArrayList<>();
        accumulator.peaks().forEach(p -> peaks.add(p.toHex()));
        return "size " + accumulator.size() + " peaks " + peaks;
    }

    /** Sets the expectations. */
    public static final class Builder {
        private final TrustAnchors anchors;
        private LogId logId;
        private Duration maxSkew = Duration.ofMinutes(5);

        private Builder(TrustAnchors anchors) {
            this.anchors = Objects.requireNonNull(anchors, "anchors");
        }

        /**
         * The log the checkpoints must be for. Required.
         *
         * @param logId the log
         * @return this builder
         */
        public Builder expectLogId(LogId logId) {
            this.logId = Objects.requireNonNull(logId, "logId");
            return this;
        }

        /**
         * How far in the future a checkpoint's time may lie; five minutes unless set.
         *
         * @param skew the allowed skew, not negative
         * @return this builder
         */
        public Builder maxClockSkew(Duration skew) {
            if (skew.isNegative()) {
                throw new IllegalArgumentException("skew must not be negative");
            }
            this.maxSkew = skew;
            return this;
        }

        /**
         * Builds the verifier.
         *
         * @return the verifier
         * @throws IllegalStateException if the anchors hold no log keys
         * @throws NullPointerException if the log id is missing
         */
        public CheckpointChainVerifier build() {
            return new CheckpointChainVerifier(this);
        }
    }
}
