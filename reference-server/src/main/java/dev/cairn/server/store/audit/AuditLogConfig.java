package dev.cairn.server.store.audit;

import dev.cairn.checkpoint.LogId;
import dev.cairn.keys.SigningKey;
import dev.cairn.keys.VerificationKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * How an {@link AuditLog} runs: its id and key, group commit, the bounded wait, and checkpointing.
 * Build one with {@link #builder(LogId, SigningKey)}.
 */
public final class AuditLogConfig {
    /** The most mutations one transaction carries by default. */
    public static final int DEFAULT_BATCH_SIZE = 64;

    /** The largest batch allowed. PostgreSQL keeps 64 subtransactions per transaction in memory. */
    public static final int MAX_BATCH_SIZE = 1024;

    /** How many mutations may wait for the writer by default. */
    public static final int DEFAULT_QUEUE_CAPACITY = 65_536;

    /** How long {@link AuditLog#execute} waits for durability by default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** How often a checkpoint is published by default (when the log grew). */
    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(5);

    private final LogId logId;
    private final SigningKey key;
    private final List<VerificationKey> logKeys;
    private final Clock clock;
    private final int batchSize;
    private final int queueCapacity;
    private final Duration timeout;
    private final Duration checkpointInterval;
    private final LongSupplier epoch;

    private AuditLogConfig(Builder b) {
        this.logId = b.logId;
        this.key = b.key;
        List<VerificationKey> keys = new ArrayList<>();
        keys.add(b.key.verificationKey());
        for (VerificationKey k : b.olderKeys) {
            if (!keys.contains(k)) {
                keys.add(k);
            }
        }
        this.logKeys = List.copyOf(keys);
        this.clock = b.clock;
        this.batchSize = b.batchSize;
        this.queueCapacity = b.queueCapacity;
        this.timeout = b.timeout;
        this.checkpointInterval = b.checkpointInterval;
        this.epoch = b.epoch;
    }

    /**
     * Starts a configuration.
     *
     * @param logId the log's id, bound into every statement and checkpoint
     * @param key the log's signing key
     * @return a builder with the defaults
     */
    public static Builder builder(LogId logId, SigningKey key) {
        return new Builder(logId, key);
    }

    /**
     * The log's id.
     *
     * @return the id
     */
    public LogId logId() {
        return logId;
    }

    /**
     * The key that signs statements and checkpoints.
     *
     * @return the signing key
     */
    public SigningKey key() {
        return key;
    }

    /**
     * The log's verification keys, the current one first: what audit bundles carry.
     *
     * @return the keys
     */
    public List<VerificationKey> logKeys() {
        return logKeys;
    }

    /**
     * Where statement, marker and checkpoint times come from.
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    /**
     * The most mutations one transaction carries; 1 is the plain single-transaction path.
     *
     * @return the batch size
     */
    public int batchSize() {
        return batchSize;
    }

    /**
     * How many mutations may wait for the writer before submissions are refused.
     *
     * @return the queue capacity
     */
    public int queueCapacity() {
        return queueCapacity;
    }

    /**
     * How long {@link AuditLog#execute} waits for durability.
     *
     * @return the bounded wait
     */
    public Duration timeout() {
        return timeout;
    }

    /**
     * How often a checkpoint is published when the log grew; zero for never (on demand only).
     *
     * @return the interval
     */
    public Duration checkpointInterval() {
        return checkpointInterval;
    }

    /**
     * Where the epoch of scheduled checkpoints comes from.
     *
     * @return the epoch source
     */
    public LongSupplier epoch() {
        return epoch;
    }

    /** Settings of an {@link AuditLogConfig}. */
    public static final class Builder {
        private final LogId logId;
        private final SigningKey key;
        private List<VerificationKey> olderKeys = List.of();
        private Clock clock = Clock.systemUTC();
        private int batchSize = DEFAULT_BATCH_SIZE;
        private int queueCapacity = DEFAULT_QUEUE_CAPACITY;
        private Duration timeout = DEFAULT_TIMEOUT;
        private Duration checkpointInterval = DEFAULT_CHECKPOINT_INTERVAL;
        private LongSupplier epoch = () -> 0;

        private Builder(LogId logId, SigningKey key) {
            this.logId = Objects.requireNonNull(logId, "logId");
            this.key = Objects.requireNonNull(key, "key");
        }

        /**
         * Earlier keys of the log, carried in audit bundles after the current one; none by default.
         *
         * @param keys the keys that signed earlier statements and checkpoints
         * @return this builder
         */
        public Builder olderKeys(List<VerificationKey> keys) {
            this.olderKeys = List.copyOf(keys);
            return this;
        }

        /**
         * Sets the clock; {@link Clock#systemUTC()} by default.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets the most mutations per transaction; 64 by default.
         *
         * @param size 1 (one transaction per mutation) to {@link #MAX_BATCH_SIZE}
         * @return this builder
         */
        public Builder batchSize(int size) {
            if (size < 1 || size > MAX_BATCH_SIZE) {
                throw new IllegalArgumentException("batch size: got " + size + ", want 1-" + MAX_BATCH_SIZE);
            }
            this.batchSize = size;
            return this;
        }

        /**
         * Sets how many mutations may wait; 65,536 by default.
         *
         * @param capacity at least 1
         * @return this builder
         */
        public Builder queueCapacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("queue capacity: got " + capacity + ", want >= 1");
            }
            this.queueCapacity = capacity;
            return this;
        }

        /**
         * Sets the bounded wait of {@link AuditLog#execute}; 10 s by default.
         *
         * @param wait a positive duration
         * @return this builder
         */
        public Builder timeout(Duration wait) {
            if (wait.isNegative() || wait.isZero()) {
                throw new IllegalArgumentException("timeout must be positive: " + wait);
            }
            this.timeout = wait;
            return this;
        }

        /**
         * Sets how often a checkpoint is published when the log grew; 5 s by default.
         *
         * @param interval a positive duration, or zero for on-demand checkpoints only
         * @return this builder
         */
        public Builder checkpointInterval(Duration interval) {
            if (interval.isNegative()) {
                throw new IllegalArgumentException("checkpoint interval must not be negative: " + interval);
            }
            this.checkpointInterval = interval;
            return this;
        }

        /**
         * Sets where scheduled checkpoints take their epoch from; always 0 by default.
         *
         * @param epoch returns the current control epoch, not negative
         * @return this builder
         */
        public Builder epoch(LongSupplier epoch) {
            this.epoch = Objects.requireNonNull(epoch, "epoch");
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the configuration
         */
        public AuditLogConfig build() {
            return new AuditLogConfig(this);
        }
    }
}
