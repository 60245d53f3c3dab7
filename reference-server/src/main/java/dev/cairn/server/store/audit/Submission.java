package dev.cairn.server.store.audit;

import dev.cairn.errors.CairnException;
import dev.cairn.receipt.IssuedStatement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One submitted mutation on its way through the writer: queued, then taken (from then on it may
 * land), or withdrawn by a caller that stopped waiting before the writer took it (it never runs).
 */
final class Submission<T> {
    private static final int QUEUED = 0;
    private static final int TAKEN = 1;
    private static final int WITHDRAWN = 2;

    final Mutation<T> mutation;
    final CompletableFuture<Audited<T>> future = new CompletableFuture<>();
    private final AtomicInteger state = new AtomicInteger(QUEUED);

    /** The outcome within the current batch, published when the batch's transaction ends. */
    private T result;

    private IssuedStatement issued;
    private CairnException refusal;

    Submission(Mutation<T> mutation) {
        this.mutation = mutation;
    }

    /** The writer takes it, unless it was withdrawn or cancelled. */
    boolean take() {
        return !future.isDone() && state.compareAndSet(QUEUED, TAKEN);
    }

    /** The caller stops waiting: true if the writer had not taken it (it will never run). */
    boolean withdraw() {
        return state.compareAndSet(QUEUED, WITHDRAWN);
    }

    void accepted(T value, IssuedStatement statement) {
        this.result = value;
        this.issued = statement;
        this.refusal = null;
    }

    void refused(CairnException e) {
        this.refusal = e;
        this.issued = null;
        this.result = null;
    }

    boolean isAccepted() {
        return issued != null;
    }

    /** The batch committed: completes with the outcome recorded in it. */
    void complete() {
        if (refusal != null) {
            future.completeExceptionally(refusal);
        } else {
            future.complete(new Audited<>(result, issued));
        }
    }

    /** The batch failed, or the log closed: completes exceptionally whatever happened inside it. */
    void fail(CairnException e) {
        future.completeExceptionally(e);
    }
}
