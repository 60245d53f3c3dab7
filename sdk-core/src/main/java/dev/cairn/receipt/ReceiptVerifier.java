package dev.cairn.receipt;

import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborMap;
import dev.cairn.checkpoint.Checkpoint;
import dev.cairn.checkpoint.CheckpointVerifier;
import dev.cairn.checkpoint.LogId;
import dev.cairn.checkpoint.VerifiedCheckpoint;
import dev.cairn.cose.CoseAlgorithm;
import dev.cairn.cose.CoseVerifier;
import dev.cairn.cose.VerifiedSign1;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.errors.VerificationException;
import dev.cairn.keys.KeySet;
import dev.cairn.mmr.MmrMath;
import dev.cairn.mmr.MmrVerifier;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Verifies full receipts offline, with nothing but trust anchors (see {@code spec/receipts.md}).
 *
 * <p>Every expectation is explicit: the trusted keys and the log id are required; the epoch is
 * expected unless {@link Builder#ignoreEpoch()} is called; time comes from the injected clock and
 * the allowed skew is bounded. The checks run in the order the spec's table gives, and the first
 * failure decides the code. Returns a {@link VerifiedReceipt} or throws a coded {@link
 * dev.cairn.errors.CairnException}; never a boolean. Thread-safe once built.
 */
public final class ReceiptVerifier {
    private final CheckpointVerifier checkpoints;
    private final CoseVerifier statements;
    private final Long epoch;

    private ReceiptVerifier(Builder builder) {
        if (!builder.epochSet) {
            throw new IllegalStateException("call expectEpoch(..) or ignoreEpoch()");
        }
        KeySet keys = Objects.requireNonNull(builder.keys, "trustedKeys is required");
        LogId logId = Objects.requireNonNull(builder.logId, "expectLogId is required");
        this.checkpoints = CheckpointVerifier.builder()
                .trustedKeys(keys)
                .expectLogId(logId)
                .allowAlgorithms(builder.algorithms)
                .clock(builder.clock)
                .maxClockSkew(builder.maxSkew)
                .build();
        this.statements = CoseVerifier.builder()
                .trustedKeys(keys)
                .allowAlgorithms(builder.algorithms)
                .expectContentType(Statement.CONTENT_TYPE)
                .build();
        this.epoch = builder.epoch;
    }

    /**
     * Starts a verifier.
     *
     * @return a builder; trusted keys, the log id and an epoch decision are required
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies an encoded full receipt.
     *
     * @param encoded the receipt bytes
     * @return the verified receipt
     */
    public VerifiedReceipt verify(byte[] encoded) {
        return verify(FullReceipt.decode(encoded));
    }

    /**
     * Verifies a decoded full receipt.
     *
     * @param receipt the receipt
     * @return the verified receipt
     */
    public VerifiedReceipt verify(FullReceipt receipt) {
        VerifiedCheckpoint checkpoint = checkpoints.verify(receipt.checkpoint().toByteArray());
        Checkpoint state = checkpoint.checkpoint();
        VerifiedSign1 signed = statements.verify(receipt.statement().toByteArray());
        if (!(Cbor.decode(signed.payload().toByteArray()) instanceof CborMap map)) {
            throw new MalformedInputException(ErrorCode.RECEIPT_MALFORMED, "statement payload must be a map");
        }
        Statement statement = Statement.fromCbor(map);
        if (!statement.logId().equals(state.logId())) {
            throw VerificationException.mismatch(
                    ErrorCode.RECEIPT_LOG_MISMATCH,
                    state.logId().value(),
                    statement.logId().value());
        }
        if (epoch != null && statement.epoch() != epoch) {
            throw VerificationException.mismatch(
                    ErrorCode.RECEIPT_EPOCH_MISMATCH, epoch.toString(), Long.toString(statement.epoch()));
        }
        if (statement.sequence() != receipt.marker().seq()) {
            throw VerificationException.mismatch(
                    ErrorCode.RECEIPT_NOT_INCLUDED,
                    "statement sequence " + receipt.marker().seq(),
                    Long.toString(statement.sequence()));
        }
        if (statement.time().isAfter(state.time())) {
            throw VerificationException.mismatch(
                    ErrorCode.RECEIPT_TIME_INVALID,
                    "at most " + state.time(),
                    statement.time().toString());
        }
        long leafIndex = MmrMath.leafIndex(receipt.marker().seq());
        if (receipt.proof().index() != leafIndex) {
            throw VerificationException.mismatch(
                    ErrorCode.RECEIPT_NOT_INCLUDED,
                    "MMR index " + leafIndex,
                    Long.toString(receipt.proof().index()));
        }
        MmrVerifier.verifyInclusion(receipt.proof(), receipt.marker().hash(), state.accumulator());
        return new VerifiedReceipt(statement, signed.key(), receipt.marker(), leafIndex, checkpoint);
    }

    /** Sets the expectations; see the class description. */
    public static final class Builder {
        private KeySet keys;
        private LogId logId;
        private Long epoch;
        private boolean epochSet;
        private CoseAlgorithm[] algorithms = CoseAlgorithm.values();
        private Clock clock = Clock.systemUTC();
        private Duration maxSkew = Duration.ofMinutes(5);

        private Builder() {}

        /**
         * The keys allowed to sign statements and checkpoints. Required.
         *
         * @param keys the trust anchors
         * @return this builder
         */
        public Builder trustedKeys(KeySet keys) {
            this.keys = Objects.requireNonNull(keys);
            return this;
        }

        /**
         * The log the receipt must come from. Required.
         *
         * @param logId the expected log
         * @return this builder
         */
        public Builder expectLogId(LogId logId) {
            this.logId = Objects.requireNonNull(logId);
            return this;
        }

        /**
         * The epoch the statement must have been issued in. This or {@link #ignoreEpoch()} is required.
         *
         * @param epoch the expected epoch
         * @return this builder
         */
        public Builder expectEpoch(long epoch) {
            this.epoch = epoch;
            this.epochSet = true;
            return this;
        }

        /**
         * Accepts statements of any epoch. This or {@link #expectEpoch(long)} is required.
         *
         * @return this builder
         */
        public Builder ignoreEpoch() {
            this.epoch = null;
            this.epochSet = true;
            return this;
        }

        /**
         * Restricts the signature algorithms; by default both Cairn algorithms are accepted.
         *
         * @param algorithms the allowed algorithms
         * @return this builder
         */
        public Builder allowAlgorithms(CoseAlgorithm... algorithms) {
            this.algorithms = algorithms.clone();
            return this;
        }

        /**
         * The clock that says what "now" is; the system UTC clock by default.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /**
         * How far in the future a checkpoint's time may lie; five minutes by default.
         *
         * @param skew the allowed skew, not negative
         * @return this builder
         */
        public Builder maxClockSkew(Duration skew) {
            this.maxSkew = Objects.requireNonNull(skew);
            return this;
        }

        /**
         * Builds the verifier.
         *
         * @return the verifier
         * @throws IllegalStateException if a required expectation is missing
         */
        public ReceiptVerifier build() {
            return new ReceiptVerifier(this);
        }
    }
}
