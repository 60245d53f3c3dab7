package dev.cairn.server.store.audit;

import dev.cairn.audit.AuditBundleExporter;
import dev.cairn.audit.AuditBundleTrailer;
import dev.cairn.bytes.Bytes;
import dev.cairn.checkpoint.LogId;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.keys.VerificationKey;
import dev.cairn.marker.Marker;
import dev.cairn.marker.MarkerReader;
import dev.cairn.marker.ReadOnlyMarkers;
import dev.cairn.mmr.ConsistencyProof;
import dev.cairn.mmr.InclusionProof;
import dev.cairn.mmr.MmrMath;
import dev.cairn.mmr.MmrProofs;
import dev.cairn.receipt.FullReceipt;
import dev.cairn.receipt.IssuedStatement;
import dev.cairn.receipt.SignedCheckpoint;
import dev.cairn.server.store.Database;
import dev.cairn.server.store.marker.JdbcMarkerStream;
import dev.cairn.server.store.marker.LogHead;
import dev.cairn.server.store.marker.MarkerTable;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The reference server's audit log in its database ({@code spec/server-storage.md}): every mutation
 * runs in the transaction that appends its signed statement as a marker, and yields an execution
 * receipt; the MMR, checkpoints, receipts, proofs and audit bundles come from the same tables.
 *
 * <p>Lifecycle, in the verbs of sdk-core: {@link #execute} <em>sequences</em> a mutation's statement
 * and <em>integrates</em> its marker into the MMR in one transaction, and returns only once that
 * transaction committed (as durable as the engine makes a commit: {@link Database#durability()});
 * {@link #publishCheckpoint} and the schedule <em>publish</em> signed checkpoints of the committed log.
 * A checkpoint is never ahead of the committed log.
 *
 * <p>Guarantees: a mutation's state change and its marker, statement and MMR nodes commit together
 * or not at all. Mutations are grouped: one writer thread per instance runs up to {@link
 * AuditLogConfig#batchSize()} of them in one transaction under the lock of the log head, so a
 * refusal rolls back only its own mutation (savepoint), and several instances (replicas) on one
 * PostgreSQL database produce one dense, correctly chained log. Every read is served from the
 * committed tables, so any replica serves receipts and proofs for the whole log.
 *
 * <p>Not guaranteed: that a mutation whose call failed with {@link ErrorCode#STORE_TIMEOUT} (after
 * the writer took it) or {@link ErrorCode#STORE_COMMIT_UNKNOWN} did not land; read the log, or retry
 * with an idempotency key. Mutations are not idempotent by themselves. Thread-safe.
 */
public final class AuditLog implements AutoCloseable {
    private static final long CATCH_UP_CHUNK = 65_536;

    private final Database db;
    private final AuditLogConfig config;
    private final JdbcMarkerStream stream;
    private final MarkerReader markerView;
    private final StoredProofs proofs;
    private final GroupCommitWriter writer;
    private final CheckpointPublisher checkpoints;
    private final LogReader reader;
    private final ScheduledExecutorService schedule;
    private volatile AuditRecovery recovery;

    private AuditLog(Database db, AuditLogConfig config) {
        this.db = db;
        this.config = config;
        this.stream = JdbcMarkerStream.open(db, config.clock());
        this.markerView = ReadOnlyMarkers.of(stream);
        this.proofs = new StoredProofs(db);
        this.writer = new GroupCommitWriter(db, config);
        this.checkpoints = new CheckpointPublisher(db, config);
        this.reader = new LogReader(db, config, markerView, proofs);
        this.schedule = config.checkpointInterval().isZero()
                ? null
                : Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "cairn-audit-checkpoints-" + config.logId());
                    t.setDaemon(true);
                    return t;
                });
    }

    /**
     * Opens the audit log of a migrated database: claims the database for the log id (or checks it),
     * rebuilds the MMR nodes from the marker stream if they do not match the head, integrates markers
     * the MMR lacks, checks the newest checkpoint against the MMR, then starts the writer and the
     * checkpoint schedule.
     *
     * @param db the database; it stays the caller's to close, after this log
     * @param config the log's settings
     * @return the open log
     * @throws CairnException {@link ErrorCode#STORE_LOG_MISMATCH} for a database of another log, {@link
     *     ErrorCode#STORE_INCONSISTENT} when the tables contradict each other, or a storage code when the
     *     database fails
     */
    public static AuditLog open(Database db, AuditLogConfig config) {
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(config, "config");
        AuditLog log = new AuditLog(db, config);
        try {
            log.recovery = new Recovery(db, config.logId(), log.writer.view()).run(CATCH_UP_CHUNK);
        } catch (RuntimeException e) {
            log.close();
            throw e;
        }
        log.writer.start();
        if (log.schedule != null) {
            long every = config.checkpointInterval().toMillis();
            log.schedule.scheduleWithFixedDelay(
                    () -> log.checkpoints.publishScheduled(config.epoch().getAsLong()),
                    every,
                    every,
                    TimeUnit.MILLISECONDS);
        }
        return log;
    }

    /**
     * Runs a mutation and waits, at most the configured timeout, until it is durable.
     *
     * @param mutation the state change and the action it records
     * @param <T> its result type
     * @return its result and its execution receipt (signed statement and marker)
     * @throws CairnException what the mutation refused with; {@link ErrorCode#STORE_MUTATION_FAILED} if
     *     its SQL failed; {@link ErrorCode#STORE_TIMEOUT} if it was not durable in time (details in the
     *     message: never run, or taken and possibly landing); {@link ErrorCode#STORE_TRANSACTION_FAILED},
     *     {@link ErrorCode#STORE_UNAVAILABLE} or {@link ErrorCode#STORE_COMMIT_UNKNOWN} when its batch's
     *     transaction failed; {@link ErrorCode#STORE_OVERLOADED} or {@link ErrorCode#STORE_CLOSED}
     */
    public <T> Audited<T> execute(Mutation<T> mutation) {
        Submission<T> s = writer.submit(Objects.requireNonNull(mutation, "mutation"));
        long wait = config.timeout().toNanos();
        try {
            return s.future.get(wait, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw timedOut(s, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw timedOut(s, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CairnException ce) {
                throw ce;
            }
            throw new InternalException(ErrorCode.INTERNAL_BUG, "audited mutation failed: " + e.getCause(), e);
        }
    }

    /**
     * Queues a mutation without waiting, for callers that wait their own way (an asynchronous HTTP
     * handler). Cancelling the future before the writer takes the mutation withdraws it; after that
     * it may still land.
     *
     * @param mutation the state change and the action it records
     * @param <T> its result type
     * @return completes once durable, or exceptionally with the codes of {@link #execute}
     * @throws CairnException {@link ErrorCode#STORE_OVERLOADED} or {@link ErrorCode#STORE_CLOSED}
     */
    public <T> CompletableFuture<Audited<T>> submit(Mutation<T> mutation) {
        return writer.submit(Objects.requireNonNull(mutation, "mutation")).future;
    }

    private static InternalException timedOut(Submission<?> s, Exception cause) {
        boolean withdrawn = s.withdraw();
        return new InternalException(
                ErrorCode.STORE_TIMEOUT,
                withdrawn
                        ? "not durable within the wait; it was withdrawn and never ran"
                        : "not durable within the wait; the writer had taken it, so it may still land",
                cause);
    }

    /**
     * Publishes a checkpoint of the committed log now, unless the newest checkpoint has the same size
     * and epoch (then that one is returned).
     *
     * @param epoch the control epoch to state, not negative
     * @return the checkpoint
     * @throws CairnException a storage code when the database fails
     */
    public SignedCheckpoint publishCheckpoint(long epoch) {
        return checkpoints.publish(epoch, false).orElseThrow();
    }

    /**
     * The newest published checkpoint.
     *
     * @return the checkpoint, or empty before the first
     */
    public Optional<SignedCheckpoint> latestCheckpoint() {
        return reader.latestCheckpoint();
    }

    /**
     * The newest checkpoint of an MMR size.
     *
     * @param mmrSize the MMR size in nodes
     * @return the checkpoint, or empty when none has that size
     */
    public Optional<SignedCheckpoint> checkpointOfSize(long mmrSize) {
        return reader.checkpointOfSize(mmrSize);
    }

    /**
     * The marker at a sequence.
     *
     * @param seq the sequence
     * @return the marker
     * @throws CairnException {@link ErrorCode#MARKER_NOT_FOUND} outside the log
     */
    public Marker marker(long seq) {
        return markerView.get(seq);
    }

    /**
     * The execution receipt at a sequence: the signed statement and its marker.
     *
     * @param seq the sequence
     * @return the statement as it was issued
     * @throws CairnException {@link ErrorCode#MARKER_NOT_FOUND} outside the log, {@link
     *     ErrorCode#STORE_NOT_FOUND} for a marker appended without a statement
     */
    public IssuedStatement statement(long seq) {
        return reader.issued(seq);
    }

    /**
     * The full receipt of the statement at a sequence, under the newest checkpoint (which covers it
     * when any does).
     *
     * @param seq the sequence
     * @return the receipt; {@link dev.cairn.receipt.ReceiptVerifier} checks it offline
     * @throws CairnException {@link ErrorCode#STORE_RECEIPT_PENDING} (retryable) when no checkpoint covers
     *     it yet, and the codes of {@link #statement(long)}
     */
    public FullReceipt receipt(long seq) {
        return reader.receipt(seq).receipt();
    }

    /**
     * The COSE Receipt of inclusion (RFC 9942, MMR profile) of the marker at a sequence, under the
     * newest checkpoint.
     *
     * @param seq the sequence
     * @return the tagged COSE_Sign1, payload detached
     * @throws CairnException as {@link #receipt(long)}
     */
    public Bytes inclusionReceipt(long seq) {
        return reader.inclusionReceipt(seq);
    }

    /**
     * The COSE Receipt of consistency between two committed MMR sizes.
     *
     * @param fromSize the earlier MMR size
     * @param toSize the later MMR size, larger
     * @return the tagged COSE_Sign1, payload detached
     * @throws CairnException {@code MMR_SIZE_INVALID} or {@code MMR_PROOF_MALFORMED} for sizes that allow
     *     no proof
     */
    public Bytes consistencyReceipt(long fromSize, long toSize) {
        return reader.consistencyReceipt(fromSize, toSize);
    }

    /**
     * The inclusion proof of the marker at a sequence in the MMR of a committed size.
     *
     * @param seq the sequence
     * @param mmrSize a valid, committed MMR size that includes it
     * @return the proof
     * @throws CairnException {@code MMR_SIZE_INVALID} for a size that does not include it
     */
    public InclusionProof inclusionProof(long seq, long mmrSize) {
        if (seq < 0) {
            throw new MalformedInputException(ErrorCode.MMR_SIZE_INVALID, "sequence " + seq + " is negative");
        }
        return proofs.inclusionProof(MmrMath.leafIndex(seq), mmrSize);
    }

    /**
     * The consistency proof between two committed MMR sizes.
     *
     * @param size1 the earlier size, possibly 0
     * @param size2 the later size
     * @return the proof
     * @throws CairnException {@code MMR_SIZE_INVALID} or {@code MMR_PROOF_MALFORMED}
     */
    public ConsistencyProof consistencyProof(long size1, long size2) {
        return proofs.consistencyProof(size1, size2);
    }

    /**
     * Exports markers {@code [first, first + count)} with their statements as an audit bundle ({@code
     * spec/audit-bundle.md}) under the newest checkpoint, streaming it.
     *
     * @param out where the bundle goes; flushed, not closed
     * @param first the first sequence
     * @param count the number of markers, at least 1
     * @return the trailer written
     * @throws CairnException {@link ErrorCode#STORE_NOT_FOUND} for a range outside the log, {@link
     *     ErrorCode#STORE_RECEIPT_PENDING} when the newest checkpoint does not cover it
     */
    public AuditBundleTrailer exportBundle(OutputStream out, long first, long count) {
        return reader.export(out, first, count);
    }

    /**
     * An exporter over this log's tables with a chosen covering checkpoint, its keys and statements
     * set, for bundles with older checkpoints or extra trust material.
     *
     * @param covering a checkpoint of this log
     * @return a builder
     */
    public AuditBundleExporter.Builder bundleExporter(SignedCheckpoint covering) {
        return reader.exporter(covering);
    }

    /**
     * Read access to the marker stream (every replica's committed markers).
     *
     * @return a view that cannot append
     */
    public MarkerReader markers() {
        return markerView;
    }

    /**
     * Read access to the committed MMR: accumulators and proofs up to the integrated size.
     *
     * @return the proofs view
     */
    public MmrProofs proofs() {
        return proofs;
    }

    /**
     * The committed head, read from the database now.
     *
     * @return the head
     */
    public LogHead head() {
        return db.read(MarkerTable::readHead);
    }

    /**
     * The log's id.
     *
     * @return the id
     */
    public LogId logId() {
        return config.logId();
    }

    /**
     * The log's verification keys, current first.
     *
     * @return the keys
     */
    public List<VerificationKey> logKeys() {
        return config.logKeys();
    }

    /**
     * What opening found and repaired.
     *
     * @return the recovery report
     */
    public AuditRecovery recovery() {
        return recovery;
    }

    /**
     * This instance's counters.
     *
     * @return the counters now
     */
    public AuditStats stats() {
        return new AuditStats(
                writer.transactions(),
                writer.audited(),
                writer.refused(),
                writer.failedBatches(),
                writer.reloads(),
                checkpoints.published(),
                checkpoints.failures());
    }

    /**
     * Stops the schedule, stops taking mutations, lets the writer finish the queued ones (bounded by the
     * timeout; the rest fail with {@link ErrorCode#STORE_CLOSED}). Reads keep working while the
     * database is open: it stays the caller's to close. Idempotent.
     */
    @Override
    public synchronized void close() {
        // Never interrupt: a thread interrupted inside JDBC I/O can break its connection.
        if (schedule != null) {
            schedule.shutdown();
            try {
                schedule.awaitTermination(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        writer.close(config.timeout());
    }
}
