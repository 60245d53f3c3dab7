package dev.cairn.checkpoint;

import dev.cairn.bytes.Bytes;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborMap;
import dev.cairn.cbor.CborValue;
import dev.cairn.cose.CoseAlgorithm;
import dev.cairn.cose.CoseVerifier;
import dev.cairn.cose.VerifiedSign1;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.errors.VerificationException;
import dev.cairn.keys.KeySet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Verifies signed checkpoints offline against trust anchors (see {@code spec/receipts.md}).
 *
 * <p>Checks, in order: the COSE_Sign1 under the trusted keys with the checkpoint content type; the
 * payload's strict decoding; the expected log id; a time no later than now plus the allowed skew.
 * Returns a {@link VerifiedCheckpoint} or throws a coded {@link dev.cairn.errors.CairnException}.
 * Thread-safe once built.
 */
public final class CheckpointVerifier {
    private final CoseVerifier cose;
    private final LogId logId;
    private final Clock clock;
    private final Duration maxSkew;

    private CheckpointVerifier(Builder builder) {
        this.logId = Objects.requireNonNull(builder.logId, "expectLogId is required");
        this.cose = CoseVerifier.builder()
                .trustedKeys(Objects.requireNonNull(builder.keys, "trustedKeys is required"))
                .allowAlgorithms(builder.algorithms)
                .expectContentType(Checkpoint.CONTENT_TYPE)
                .build();
        this.clock = builder.clock;
        this.maxSkew = builder.maxSkew;
    }

    /**
     * Starts a verifier.
     *
     * @return a builder; trusted keys and the log id are required
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies a signed checkpoint.
     *
     * @param encoded the tagged COSE_Sign1 bytes
     * @return the verified checkpoint
     */
    public VerifiedCheckpoint verify(byte[] encoded) {
        VerifiedSign1 signed = cose.verify(encoded);
        CborValue payload = Cbor.decode(signed.payload().toByteArray());
        if (!(payload instanceof CborMap map)) {
            throw new MalformedInputException(ErrorCode.RECEIPT_MALFORMED, "checkpoint payload must be a map");
        }
        Checkpoint checkpoint = Checkpoint.fromCbor(map);
        if (!checkpoint.logId().equals(logId)) {
            throw VerificationException.mismatch(
                    ErrorCode.RECEIPT_LOG_MISMATCH,
                    logId.value(),
                    checkpoint.logId().value());
        }
        Instant latest = clock.instant().plus(maxSkew);
        if (checkpoint.time().isAfter(latest)) {
            throw VerificationException.mismatch(
                    ErrorCode.RECEIPT_TIME_INVALID,
                    "at most " + latest,
                    checkpoint.time().toString());
        }
        return new VerifiedCheckpoint(checkpoint, signed.key(), Bytes.copyOf(encoded));
    }

    /** Sets the rules. */
    public static final class Builder {
        private KeySet keys;
        private LogId logId;
        private CoseAlgorithm[] algorithms = CoseAlgorithm.values();
        private Clock clock = Clock.systemUTC();
        private Duration maxSkew = Duration.ofMinutes(5);

        private Builder() {}

        /**
         * The keys allowed to sign checkpoints. Required.
         *
         * @param keys the trust anchors
         * @return this builder
         */
        public Builder trustedKeys(KeySet keys) {
            this.keys = Objects.requireNonNull(keys);
            return this;
        }

        /**
         * The log the checkpoint must be for. Required.
         *
         * @param logId the expected log
         * @return this builder
         */
        public Builder expectLogId(LogId logId) {
            this.logId = Objects.requireNonNull(logId);
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
         */
        public CheckpointVerifier build() {
            return new CheckpointVerifier(this);
        }
    }
}
