package dev.cairn.server.store.audit;

import dev.cairn.bytes.Bytes;
import dev.cairn.cbor.Cbor;
import dev.cairn.checkpoint.LogId;
import dev.cairn.cose.CoseSigner;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.marker.Marker;
import dev.cairn.receipt.Action;
import dev.cairn.receipt.FullReceipt;
import dev.cairn.receipt.IssuedStatement;
import dev.cairn.receipt.Statement;
import dev.cairn.server.store.Database;
import dev.cairn.server.store.SqlErrors;
import dev.cairn.server.store.marker.LogHead;
import dev.cairn.server.store.marker.MarkerTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The audit log's single writer thread: group commit of audited mutations ({@code
 * spec/server-storage.md}, "Group commit").
 *
 * <p>Per batch of up to {@code batchSize} queued mutations: one transaction locks the head row,
 * brings the {@link WriterView} up to it, runs each mutation under a savepoint (a refusal rolls back
 * to it), signs each accepted mutation's statement with the next sequence (on a small pool, while
 * the next mutation runs), chains the markers in order, inserts the markers,
 * statements and new MMR nodes, moves the head, and commits. Only then are the callers completed:
 * accepted ones with their statement, refused ones with their refusal. If the transaction fails,
 * every mutation of the batch fails with a retryable code, and the view is reloaded from the tables
 * before the next batch.
 */
final class GroupCommitWriter implements Runnable {
    private static final Duration POLL = Duration.ofMillis(50);

    private final Database db;
    private final LogId logId;
    private final CoseSigner statementSigner;
    private final Clock clock;
    private final int batchSize;
    private final BlockingQueue<Submission<?>> queue;
    private final WriterView view = new WriterView();
    private final Thread thread;
    private final ExecutorService signers;

    private final AtomicLong transactions = new AtomicLong();
    private final AtomicLong audited = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong failedBatches = new AtomicLong();

    private volatile boolean accepting = true;
    private volatile boolean stopped;

    GroupCommitWriter(Database db, AuditLogConfig config) {
        this.db = db;
        this.logId = config.logId();
        this.statementSigner = CoseSigner.builder(config.key())
                .contentType(Statement.CONTENT_TYPE)
                .build();
        this.clock = config.clock();
        this.batchSize = config.batchSize();
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
        this.thread = new Thread(this, "cairn-audit-writer-" + logId);
        thread.setDaemon(true);
        AtomicInteger signerCount = new AtomicInteger();
        this.signers =
                Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
                    Thread t = new Thread(r, "cairn-audit-signer-" + signerCount.incrementAndGet() + "-" + logId);
                    t.setDaemon(true);
                    return t;
                });
    }

    /** The view, for the catch-up at open (before {@link #start()}, on the opening thread). */
    WriterView view() {
        return view;
    }

    void start() {
        thread.start();
    }

    /** Queues a mutation. */
    <T> Submission<T> submit(Mutation<T> mutation) {
        Submission<T> s = new Submission<>(mutation);
        if (!accepting) {
            throw closed();
        }
        if (!queue.offer(s)) {
            throw new InternalException(
                    ErrorCode.STORE_OVERLOADED, queue.size() + " mutations are waiting for the audit log", null);
        }
        if (!accepting && s.withdraw()) {
            // Raced with close(): the writer may be gone; fail it rather than leave it queued.
            queue.remove(s);
            throw closed();
        }
        return s;
    }

    @Override
    public void run() {
        List<Submission<?>> batch = new ArrayList<>(batchSize);
        try {
            while (true) {
                Submission<?> first = queue.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (!accepting) {
                        break;
                    }
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - 1);
                batch.removeIf(s -> !s.take());
                if (!batch.isEmpty()) {
                    commit(batch);
                }
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            CairnException failure = e instanceof CairnException ce
                    ? ce
                    : new InternalException(ErrorCode.INTERNAL_BUG, "the audit writer failed: " + e, e);
            batch.forEach(s -> s.fail(failure));
            throw e;
        } finally {
            stopped = true;
            accepting = false;
            for (Submission<?> s; (s = queue.poll()) != null; ) {
                s.fail(closed());
            }
        }
    }

    private void commit(List<Submission<?>> batch) {
        Connection c;
        try {
            c = db.connection();
        } catch (CairnException e) {
            failedBatches.incrementAndGet();
            batch.forEach(s -> s.fail(e));
            return;
        }
        try {
            LogHead head;
            try {
                c.setAutoCommit(false);
                head = apply(c, batch);
                if (head == null) {
                    // The batch's only mutation refused and the whole transaction was rolled back.
                    view.invalidate();
                    refused.incrementAndGet();
                    batch.get(0).complete();
                    return;
                }
            } catch (SQLException e) {
                rollbackQuietly(c, e);
                view.invalidate();
                fail(batch, SqlErrors.rolledBack("audit batch", e));
                return;
            } catch (RuntimeException e) {
                rollbackQuietly(c, e);
                view.invalidate();
                fail(batch, wrap(e));
                return;
            }
            try {
                c.commit();
            } catch (SQLException e) {
                view.invalidate();
                fail(batch, SqlErrors.commitUnknown("audit batch", e));
                return;
            }
            view.committed(head);
        } finally {
            closeQuietly(c);
        }
        transactions.incrementAndGet();
        for (Submission<?> s : batch) {
            (s.isAccepted() ? audited : refused).incrementAndGet();
            s.complete();
        }
    }

    /**
     * Runs the batch in the transaction and writes its rows; returns the new head, or null when the
     * batch was a single mutation that refused (the transaction is then rolled back already).
     */
    private LogHead apply(Connection c, List<Submission<?>> batch) throws SQLException {
        LogHead locked = MarkerTable.lockHead(c);
        LogHead head = view.prepare(c, locked, Long.MAX_VALUE);
        Connection guarded = GuardedConnection.wrap(c);
        // Run the mutations in order; accepted statements are signed meanwhile, off this thread, while
        // the next mutation's round trips to the database run.
        List<Accepted<?>> accepted = new ArrayList<>(batch.size());
        long seq = head.markerCount();
        long time = head.headTimeMillis();
        boolean alone = batch.size() == 1;
        for (Submission<?> s : batch) {
            time = Math.max(clock.millis(), time);
            Accepted<?> a = runOne(c, guarded, s, seq, time, alone);
            if (a != null) {
                accepted.add(a);
                seq++;
            } else if (alone) {
                return null;
            }
        }
        // Then chain them: each marker carries its statement's digest and links to the one before.
        List<Marker> markers = new ArrayList<>(accepted.size());
        List<StatementTable.Row> statements = new ArrayList<>(accepted.size());
        for (Accepted<?> a : accepted) {
            Bytes signed = a.signed().join();
            Marker marker = head.next(
                    a.statement().time().toEpochMilli(), a.statement().kind(), FullReceipt.statementDigest(signed));
            view.append(marker);
            head = head.after(marker);
            markers.add(marker);
            statements.add(new StatementTable.Row(marker.seq(), signed));
            a.issue(new IssuedStatement(signed, a.statement(), marker));
        }
        head = head.withMmrSize(view.mmrSize());
        MarkerTable.insert(c, markers);
        StatementTable.insert(c, statements);
        NodeTable.insert(c, view.pendingFrom(), view.pending());
        if (!head.equals(locked)) {
            MarkerTable.updateHead(c, head);
        }
        return head;
    }

    /** An accepted mutation whose statement is being signed. */
    private record Accepted<T>(
            Submission<T> submission, T result, Statement statement, CompletableFuture<Bytes> signed) {
        void issue(IssuedStatement issued) {
            submission.accepted(result, issued);
        }
    }

    /**
     * Runs one mutation under a savepoint: its statement, being signed, or null when it was refused.
     * The savepoint is not released: rolling back to it is only ever needed while it is the newest, and
     * a release would cost PostgreSQL a round trip per mutation. A mutation alone in its batch needs
     * none: if it refuses, the whole transaction is rolled back.
     */
    private <T> Accepted<T> runOne(
            Connection c, Connection guarded, Submission<T> s, long seq, long time, boolean alone) throws SQLException {
        Savepoint savepoint = alone ? null : c.setSavepoint();
        Recorded<T> recorded;
        try {
            recorded = s.mutation.apply(new MutationContext(guarded, seq, Instant.ofEpochMilli(time)));
            if (recorded == null) {
                throw new IllegalStateException("the mutation returned null");
            }
        } catch (CairnException e) {
            undo(c, savepoint);
            s.refused(e);
            return null;
        } catch (SQLException e) {
            undo(c, savepoint);
            s.refused(new InternalException(
                    ErrorCode.STORE_MUTATION_FAILED, "the mutation's SQL failed: " + SqlErrors.describe(e), e));
            return null;
        } catch (RuntimeException e) {
            undo(c, savepoint);
            s.refused(new InternalException(ErrorCode.STORE_MUTATION_FAILED, "the mutation threw " + e, e));
            return null;
        }
        Action a = recorded.action();
        Statement statement = new Statement(
                logId,
                a.kind(),
                a.actor(),
                a.subject(),
                a.epoch(),
                seq,
                Instant.ofEpochMilli(time),
                a.policyHash(),
                a.requestHash(),
                a.outcome());
        CompletableFuture<Bytes> signed = alone
                ? CompletableFuture.completedFuture(sign(statement))
                : CompletableFuture.supplyAsync(() -> sign(statement), signers);
        return new Accepted<>(s, recorded.result(), statement, signed);
    }

    private static void undo(Connection c, Savepoint savepoint) throws SQLException {
        if (savepoint == null) {
            c.rollback();
        } else {
            c.rollback(savepoint);
        }
    }

    private Bytes sign(Statement statement) {
        return Bytes.copyOf(
                statementSigner.sign(Cbor.encode(statement.toCbor())).encode());
    }

    private void fail(List<Submission<?>> batch, CairnException e) {
        failedBatches.incrementAndGet();
        batch.forEach(s -> s.fail(e));
    }

    private static CairnException wrap(RuntimeException e) {
        return e instanceof CairnException ce
                ? ce
                : new InternalException(ErrorCode.STORE_TRANSACTION_FAILED, "audit batch failed: " + e, e);
    }

    /**
     * Stops taking submissions, lets the writer finish what is queued, and waits for it.
     *
     * @param wait how long to wait for the writer
     */
    void close(Duration wait) {
        accepting = false;
        try {
            thread.join(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // The writer is not interrupted even if it is still in a batch: an interrupt inside JDBC I/O
        // can break the connection (and, on H2's default file system, close the database).
        signers.shutdown();
        if (!thread.isAlive() || stopped) {
            for (Submission<?> s; (s = queue.poll()) != null; ) {
                s.fail(closed());
            }
        }
    }

    boolean accepting() {
        return accepting;
    }

    long transactions() {
        return transactions.get();
    }

    long audited() {
        return audited.get();
    }

    long refused() {
        return refused.get();
    }

    long failedBatches() {
        return failedBatches.get();
    }

    long reloads() {
        return view.reloads();
    }

    private static InternalException closed() {
        return new InternalException(ErrorCode.STORE_CLOSED, "the audit log is closed", null);
    }

    private static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // The pool discards a connection it cannot reset; the batch's outcome is already known.
        }
    }
}
