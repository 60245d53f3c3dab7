package dev.cairn.marker.internal;

import dev.cairn.bytes.Digest;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.marker.Marker;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Group commit: appenders enqueue and wait; one writer thread takes everything queued (up to the
 * writer's batch limit), writes it, forces once, publishes the new head, and completes every waiting
 * append. Concurrent appenders therefore share one force, and the chain is assigned in queue order by
 * a single thread.
 *
 * <p>The wait is bounded. An append whose marker is not durable in time throws {@link
 * ErrorCode#MARKER_APPEND_TIMEOUT}; if the writer had not taken it yet it is withdrawn and never
 * written, otherwise it may still land. A write or force that fails fails its batch with {@link
 * ErrorCode#INTERNAL_IO} and poisons the store: nothing after it is written, and later appends throw
 * {@link ErrorCode#MARKER_STORE_CLOSED}. Nothing is ever acknowledged before its force returned.
 */
public final class GroupCommit {
    private static final int QUEUED = 0;
    private static final int CLAIMED = 1;
    private static final int WITHDRAWN = 2;

    /** One waiting append. */
    private static final class Pending {
        final String kind;
        final Digest payloadDigest;
        final AtomicInteger state = new AtomicInteger(QUEUED);
        final CompletableFuture<Marker> result = new CompletableFuture<>();

        Pending(String kind, Digest payloadDigest) {
            this.kind = kind;
            this.payloadDigest = payloadDigest;
        }
    }

    /** Wakes the writer on close; never claimed. */
    private static final Pending WAKE = new Pending("wake", Marker.GENESIS_PREV_HASH);

    static {
        WAKE.state.set(WITHDRAWN);
    }

    private final ChainWriter writer;
    private final Clock clock;
    private final long timeoutNanos;
    private final Consumer<List<Marker>> publish;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closing;
    private volatile boolean stopped;

    /**
     * Creates and starts the writer thread.
     *
     * @param writer the chain writer; used by the writer thread only from now on
     * @param clock the source of marker times
     * @param timeout how long an append waits for durability
     * @param publish called on the writer thread with each durable batch, before its appends return
     * @param name the writer thread's name
     */
    public GroupCommit(ChainWriter writer, Clock clock, Duration timeout, Consumer<List<Marker>> publish, String name) {
        this.writer = writer;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeoutNanos = timeout.toNanos();
        this.publish = publish;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Appends one marker and waits, bounded, until it is durable.
     *
     * @param kind the kind
     * @param payloadDigest the payload digest
     * @return the durable marker
     */
    public Marker append(String kind, Digest payloadDigest) {
        Marker.checkKind(kind);
        Objects.requireNonNull(payloadDigest, "payloadDigest");
        if (closing || stopped) {
            throw closed(null);
        }
        Pending pending = new Pending(kind, payloadDigest);
        queue.add(pending);
        if (stopped && pending.state.compareAndSet(QUEUED, WITHDRAWN)) {
            throw closed(null);
        }
        try {
            return pending.result.get(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return timedOut(pending, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            boolean withdrawn = pending.state.compareAndSet(QUEUED, WITHDRAWN);
            throw new InternalException(
                    ErrorCode.MARKER_APPEND_TIMEOUT,
                    "interrupted while waiting for durability; " + (withdrawn ? "withdrawn" : "it may still land"),
                    e);
        } catch (ExecutionException e) {
            throw failed(e.getCause());
        }
    }

    private Marker timedOut(Pending pending, TimeoutException e) {
        if (pending.state.compareAndSet(QUEUED, WITHDRAWN)) {
            if (stopped) {
                throw closed(e);
            }
            throw new InternalException(
                    ErrorCode.MARKER_APPEND_TIMEOUT,
                    "not durable within " + Duration.ofNanos(timeoutNanos) + "; withdrawn, not appended",
                    e);
        }
        if (pending.result.isDone() && !pending.result.isCompletedExceptionally()) {
            return pending.result.join();
        }
        throw new InternalException(
                ErrorCode.MARKER_APPEND_TIMEOUT,
                "not durable within " + Duration.ofNanos(timeoutNanos) + "; being written, it may still land",
                e);
    }

    /**
     * Stops taking appends, lets the writer finish what is queued, and waits for it, bounded.
     *
     * @param wait the longest time to wait for the writer
     */
    public void close(Duration wait) {
        closing = true;
        queue.add(WAKE);
        try {
            thread.join(Math.max(1, wait.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<Pending> taken = new ArrayList<>(writer.maxBatch());
        List<Pending> claimed = new ArrayList<>(writer.maxBatch());
        List<ChainWriter.Entry> entries = new ArrayList<>(writer.maxBatch());
        try {
            while (true) {
                taken.clear();
                try {
                    taken.add(queue.take());
                } catch (InterruptedException e) {
                    continue; // Nobody interrupts this thread on purpose; closing uses WAKE.
                }
                queue.drainTo(taken, writer.maxBatch() - 1);
                claimed.clear();
                for (Pending pending : taken) {
                    if (pending.state.compareAndSet(QUEUED, CLAIMED)) {
                        claimed.add(pending);
                    }
                }
                if (!claimed.isEmpty() && !commit(claimed, entries)) {
                    return;
                }
                if (closing && queue.isEmpty()) {
                    return;
                }
            }
        } finally {
            stopped = true;
            for (Pending pending = queue.poll(); pending != null; pending = queue.poll()) {
                if (pending.state.compareAndSet(QUEUED, CLAIMED)) {
                    pending.result.completeExceptionally(closed(null));
                }
            }
        }
    }

    /** Writes one batch; on failure fails it and reports that the store is poisoned. */
    private boolean commit(List<Pending> claimed, List<ChainWriter.Entry> entries) {
        List<Marker> markers;
        try {
            entries.clear();
            for (Pending pending : claimed) {
                entries.add(new ChainWriter.Entry(pending.kind, pending.payloadDigest, clock.millis()));
            }
            markers = writer.write(entries);
            publish.accept(markers);
        } catch (RuntimeException e) {
            InternalException failure = e instanceof InternalException internal
                    ? internal
                    : new InternalException(ErrorCode.INTERNAL_BUG, "marker writer failed: " + e, e);
            stopped = true;
            for (Pending pending : claimed) {
                pending.result.completeExceptionally(failure);
            }
            return false;
        }
        for (int i = 0; i < claimed.size(); i++) {
            claimed.get(i).result.complete(markers.get(i));
        }
        return true;
    }

    private static InternalException failed(Throwable cause) {
        if (cause instanceof InternalException internal) {
            return new InternalException(internal.code(), "append failed: " + internal.getMessage(), internal);
        }
        return new InternalException(ErrorCode.INTERNAL_BUG, "append failed: " + cause, cause);
    }

    private static InternalException closed(Throwable cause) {
        return new InternalException(ErrorCode.MARKER_STORE_CLOSED, "the marker store is closed", cause);
    }
}
