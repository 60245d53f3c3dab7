package dev.cairn.marker;

import static dev.cairn.marker.MarkerFixtures.T0;
import static dev.cairn.marker.MarkerFixtures.payload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Concurrent appends: all acknowledged, dense, chained, sharing forces; the bounded wait; poisoning. */
class GroupCommitTest {
    @TempDir
    Path dir;

    @Test
    void concurrentAppendsAreDenseChainedAndShareForces() throws Exception {
        int threads = 32;
        int perThread = 150;
        List<Marker> acknowledged = new ArrayList<>();
        long forces;
        try (SegmentMarkerStream stream = SegmentMarkerStream.builder(dir, new MarkerFixtures.TestClock(T0))
                .segmentRecords(1000)
                .open()) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Marker>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    start.await();
                    List<Marker> mine = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        mine.add(stream.append("thread." + thread, payload(thread * 1_000_000L + i)));
                    }
                    return mine;
                }));
            }
            start.countDown();
            for (Future<List<Marker>> result : results) {
                acknowledged.addAll(result.get(60, TimeUnit.SECONDS));
            }
            pool.shutdown();
            forces = stream.forceCount();
            long total = (long) threads * perThread;
            assertEquals(total, stream.size());
            Set<Long> seqs = new HashSet<>();
            for (Marker marker : acknowledged) {
                assertTrue(seqs.add(marker.seq()), "sequence assigned twice: " + marker.seq());
                assertEquals(marker, stream.get(marker.seq()));
            }
            assertEquals(total, seqs.size());
            assertEquals(total, ChainVerifier.verify(stream).toExclusive());
            // Group commit: far fewer forces than appends (segment creations force too, counted apart).
            assertTrue(forces < total / 2, "forces " + forces + " for " + total + " appends");
        }
        try (SegmentMarkerStream reopened = SegmentMarkerStream.open(dir, Clock.systemUTC())) {
            assertEquals((long) threads * perThread, reopened.size());
            assertEquals(RecoveryReport.clean(reopened.size()), reopened.recoveryReport());
        }
    }

    @Test
    void anAppendNotDurableInTimeTimesOutAndAQueuedOneIsWithdrawn() throws Exception {
        BlockingClock clock = new BlockingClock();
        try (SegmentMarkerStream stream = SegmentMarkerStream.builder(dir, clock)
                .appendTimeout(Duration.ofMillis(200))
                .open()) {
            clock.block();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            // The first append is claimed by the writer, which then blocks reading the clock.
            Future<InternalException> claimed =
                    pool.submit(() -> assertThrows(InternalException.class, () -> stream.append("a", payload(1))));
            assertTrue(clock.awaitBlocked());
            // The second is still queued when its wait ends: it is withdrawn and never written.
            InternalException queued = assertThrows(InternalException.class, () -> stream.append("b", payload(2)));
            assertEquals(ErrorCode.MARKER_APPEND_TIMEOUT, queued.code());
            assertTrue(queued.retryable());
            assertEquals(
                    ErrorCode.MARKER_APPEND_TIMEOUT,
                    claimed.get(10, TimeUnit.SECONDS).code());
            clock.release();
            Marker next = stream.append("c", payload(3));
            // "a" landed after its appender gave up; "b" never did.
            assertEquals(1, next.seq());
            assertEquals("a", stream.get(0).kind());
            pool.shutdown();
        }
    }

    @Test
    void aFailingWriterPoisonsTheStore() {
        BlockingClock clock = new BlockingClock();
        try (SegmentMarkerStream stream = SegmentMarkerStream.open(dir, clock)) {
            stream.append("ok", payload(0));
            clock.fail.set(true);
            InternalException failed = assertThrows(InternalException.class, () -> stream.append("x", payload(1)));
            assertEquals(ErrorCode.INTERNAL_BUG, failed.code());
            clock.fail.set(false);
            InternalException closed = assertThrows(InternalException.class, () -> stream.append("y", payload(2)));
            assertEquals(ErrorCode.MARKER_STORE_CLOSED, closed.code());
            assertEquals(1, stream.size());
            assertEquals("ok", stream.get(0).kind());
        }
        try (SegmentMarkerStream reopened = SegmentMarkerStream.open(dir, Clock.systemUTC())) {
            assertEquals(1, reopened.size());
            assertEquals(1, reopened.append("z", payload(3)).seq());
        }
    }

    /** A clock the writer thread reads; a test can make it block or throw. */
    private static final class BlockingClock extends MarkerFixtures.UtcClock {
        private final AtomicBoolean blocking = new AtomicBoolean();
        private final AtomicBoolean fail = new AtomicBoolean();
        private final CountDownLatch blocked = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        void block() {
            blocking.set(true);
        }

        boolean awaitBlocked() throws InterruptedException {
            return blocked.await(10, TimeUnit.SECONDS);
        }

        void release() {
            blocking.set(false);
            released.countDown();
        }

        @Override
        public long millis() {
            if (fail.get()) {
                throw new IllegalStateException("clock failure");
            }
            if (blocking.get()) {
                blocked.countDown();
                try {
                    released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return T0;
        }
    }
}
