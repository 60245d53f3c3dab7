package dev.cairn.verifier.bundle;

import dev.cairn.audit.AuditBundleFormat;
import dev.cairn.audit.AuditBundleReader;
import dev.cairn.bytes.Digest;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.mmr.Accumulator;
import dev.cairn.mmr.CompactMmr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Streams a bundle's entries through the checks with bounded memory and every core busy.
 *
 * <p>The calling thread reads the stream straight into chunks taken from a fixed pool (two per
 * worker and two spare), the frames found in place, and queues them; when the pool is empty it waits, so at most the pool is ever in memory.
 * Workers scan chunks in parallel ({@link EntryScanner}: decoding, statement checks, statement and
 * marker hashes) and deposit them in a ring by number. Whoever deposits then takes the sequencing
 * lock if it is free and integrates, in order, every chunk that is ready: the first entry's link to
 * the chunk before, and the marker hashes appended to the compact MMR, about one hash per entry.
 * The first failure in entry order stops everything and is the one reported.
 */
final class Pipeline {
    private static final HexFormat HEX = HexFormat.of();
    private static final Chunk POISON = Chunk.terminal(-1, null);

    /** What the range proved: the accumulator after it, its last marker, and the counts. */
    record Result(Accumulator end, Digest head, long receipts, long signatures) {}

    private final AuditBundleReader reader;
    private final long first;
    private final long count;
    private final StatementContext ctx;
    private final int workers;
    private final ProgressListener listener;
    private final BlockingQueue<Chunk> free;
    private final BlockingQueue<Chunk> work = new LinkedBlockingQueue<>();
    private final AtomicReferenceArray<Chunk> ring;
    private final ReentrantLock sequencing = new ReentrantLock();
    private volatile long next;
    private volatile boolean stop;
    private volatile CairnException failure;

    // Sequencer state, guarded by the lock.
    private final CompactMmr mmr;
    private final byte[] head = new byte[Digest.LENGTH];
    private long headTime;
    private long done;
    private long receipts;
    private long signatures;

    Pipeline(AuditBundleReader reader, HeaderCheck.Plan plan, StatementContext ctx, Rules rules) {
        this.reader = reader;
        this.first = plan.first();
        this.count = plan.count();
        this.ctx = ctx;
        this.workers = rules.parallelism();
        this.listener = rules.listener();
        int pool = 2 * workers + 2;
        this.free = new ArrayBlockingQueue<>(pool);
        for (int k = 0; k < pool; k++) {
            free.add(Chunk.pooled());
        }
        this.ring = new AtomicReferenceArray<>(pool + 1);
        this.mmr = CompactMmr.from(plan.start());
        plan.anchorHash().bytes().copyTo(head, 0);
        this.headTime = plan.anchorTime();
    }

    Result run() {
        List<Thread> threads = new ArrayList<>(workers);
        for (int k = 0; k < workers; k++) {
            EntryScanner scanner = new EntryScanner(first, count, ctx);
            Thread thread = new Thread(() -> work(scanner), "cairn-audit-verify-" + k);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        boolean interrupted = false;
        try {
            read();
        } catch (InterruptedException e) {
            interrupted = true;
            fail(new InternalException(ErrorCode.INTERNAL_IO, "interrupted while verifying", e));
        } finally {
            threads.forEach(t -> work.add(POISON));
            for (Thread thread : threads) {
                interrupted |= join(thread);
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (failure != null) {
            throw failure;
        }
        if (done != count) {
            throw new InternalException(ErrorCode.INTERNAL_BUG, "integrated " + done + " of " + count, null);
        }
        return new Result(mmr.accumulator(), Digest.of(head), receipts, signatures);
    }

    /** The calling thread: frames into chunks, a pool's worth at a time. */
    private void read() throws InterruptedException {
        long index = 0;
        long number = 0;
        while (index < count && !stop) {
            Chunk c = free.take();
            if (stop) {
                free.add(c);
                return;
            }
            c.reset(number, index);
            CairnException readFailure = null;
            int max = (int) Math.min(Chunk.ENTRIES, count - index);
            try {
                int frames = reader.readFrames(
                        c.data, 0, c.data.length, max, AuditBundleFormat.MAX_ENTRY_BYTES, c.starts, c.lengths);
                if (frames < 0) {
                    readFailure = Failures.incomplete(
                            "the bundle ends after " + index + " of " + count + " entries", first + index);
                } else {
                    c.entries = frames;
                    index += frames;
                }
            } catch (CairnException e) {
                readFailure = Failures.at(e, first + index);
            }
            if (c.entries > 0) {
                work.add(c);
                number++;
            } else {
                free.add(c);
            }
            if (readFailure != null) {
                work.add(Chunk.terminal(number, readFailure));
                return;
            }
        }
    }

    private void work(EntryScanner scanner) {
        while (true) {
            Chunk c;
            try {
                c = work.take();
            } catch (InterruptedException e) {
                fail(new InternalException(ErrorCode.INTERNAL_IO, "interrupted while verifying", e));
                return;
            }
            if (c == POISON) {
                return;
            }
            try {
                if (!stop && c.terminal == null) {
                    scanner.scan(c);
                }
            } finally {
                deposit(c);
            }
        }
    }

    /** Puts a scanned chunk in its place, then integrates whatever is ready unless another thread is at it. */
    private void deposit(Chunk c) {
        ring.set(slot(c.number), c);
        while (sequencing.tryLock()) {
            try {
                for (Chunk ready = ready(); ready != null; ready = ready()) {
                    ring.set(slot(ready.number), null);
                    next = ready.number + 1;
                    if (!stop) {
                        integrate(ready);
                    }
                    release(ready);
                }
            } finally {
                sequencing.unlock();
            }
            if (ready() == null) {
                return;
            }
        }
    }

    private Chunk ready() {
        Chunk c = ring.get(slot(next));
        return c != null && c.number == next ? c : null;
    }

    private int slot(long number) {
        return (int) (number % ring.length());
    }

    /** The sequential stage: entry steps 5 and 6 for the chunk's first entry, then step 7 for all. */
    private void integrate(Chunk c) {
        try {
            if (c.terminal != null) {
                throw c.terminal;
            }
            long seq = first + c.firstIndex;
            if (c.failedAt == 0) {
                throw c.failure;
            }
            if (!Arrays.equals(c.firstPrev, head)) {
                throw Failures.chain(seq, "prev_hash", HEX.formatHex(head), HEX.formatHex(c.firstPrev));
            }
            if (c.firstTime < headTime) {
                throw Failures.chain(seq, "time", "at least " + headTime, Long.toString(c.firstTime));
            }
            if (c.failure != null) {
                throw c.failure;
            }
            for (int i = 0; i < c.entries; i++) {
                mmr.append(c.hashes, i * Digest.LENGTH);
            }
            System.arraycopy(c.hashes, (c.entries - 1) * Digest.LENGTH, head, 0, Digest.LENGTH);
            headTime = c.lastTime;
            done += c.entries;
            receipts += c.receipts;
            signatures += c.signatures;
            if (listener != null) {
                listener.progress(done, count);
            }
        } catch (CairnException e) {
            fail(e);
        } catch (RuntimeException e) {
            fail(new InternalException(ErrorCode.INTERNAL_BUG, "integrating: " + e, e));
        }
    }

    private synchronized void fail(CairnException e) {
        if (failure == null) {
            failure = e;
        }
        stop = true;
    }

    private void release(Chunk c) {
        if (c.pooledBuffers()) {
            free.add(c);
        }
    }

    private static boolean join(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                return interrupted;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
    }
}
