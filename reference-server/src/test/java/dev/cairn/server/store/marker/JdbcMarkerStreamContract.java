package dev.cairn.server.store.marker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.bytes.Digest;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.errors.VerificationException;
import dev.cairn.hash.DomainHash;
import dev.cairn.hash.HashDomain;
import dev.cairn.marker.ChainVerifier;
import dev.cairn.marker.Marker;
import dev.cairn.server.store.Database;
import dev.cairn.server.store.MutableClock;
import dev.cairn.server.store.Stores;
import dev.cairn.testsupport.TestDataSource;
import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * sdk-core's {@link dev.cairn.marker.MarkerStream} contract ({@code spec/marker-stream.md}, section 2)
 * on the JDBC backend, on each engine. Every test gets a fresh database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JdbcMarkerStreamContract {
    private static final long T0 = 1_700_000_000_000L;

    private TestDatabase kind;
    private TestDataSource source;
    private Database db;
    private final MutableClock clock = new MutableClock(T0);

    @BeforeAll
    void engine(TestDataSource classDatabase) {
        this.kind = classDatabase.kind();
    }

    @BeforeEach
    void fresh() {
        source = TestDatabases.create(kind, getClass().getSimpleName());
        db = Stores.open(source);
        clock.set(T0);
    }

    @AfterEach
    void drop() {
        db.close();
        source.close();
    }

    private JdbcMarkerStream open() {
        return JdbcMarkerStream.open(db, clock);
    }

    static Digest payload(long i) {
        return DomainHash.of(HashDomain.STATEMENT, ("payload " + i).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void appendsAreDenseChainedDurableAndReadable() {
        List<Marker> appended = new ArrayList<>();
        try (JdbcMarkerStream stream = open()) {
            assertEquals(0, stream.size());
            assertEquals(Optional.empty(), stream.head());
            for (int i = 0; i < 11; i++) {
                clock.advance(7);
                Marker marker = stream.append("k" + i, payload(i));
                assertEquals(i, marker.seq());
                assertEquals(T0 + 7L * (i + 1), marker.timeMillis());
                assertEquals("k" + i, marker.kind());
                assertEquals(payload(i), marker.payloadDigest());
                assertEquals(
                        i == 0 ? Marker.GENESIS_PREV_HASH : appended.get(i - 1).hash(), marker.prevHash());
                assertEquals(i + 1, stream.size());
                assertEquals(Optional.of(marker), stream.head());
                appended.add(marker);
            }
            for (int i = 0; i < 11; i++) {
                assertEquals(appended.get(i), stream.get(i));
            }
            assertEquals(appended, stream.range(0, 11));
            assertEquals(appended.subList(3, 9), stream.range(3, 9));
            assertEquals(List.of(), stream.range(11, 11));
            assertEquals(11, ChainVerifier.verify(stream).toExclusive());
        }
        // Another pool (a restarted server, or another replica) sees the same stream and continues it.
        db.close();
        db = Stores.open(source);
        try (JdbcMarkerStream stream = open()) {
            assertEquals(appended, stream.range(0, 11));
            Marker next = stream.append("after.reopen", payload(99));
            assertEquals(11, next.seq());
            assertEquals(appended.get(10).hash(), next.prevHash());
            LogHead head = db.read(MarkerTable::readHead);
            assertEquals(new LogHead(12, 0, next.hash(), next.timeMillis()), head);
        }
    }

    @Test
    void timesNeverDecreaseEvenWhenTheClockDoes() {
        try (JdbcMarkerStream stream = open()) {
            Marker first = stream.append("a", payload(0));
            clock.advance(-5000);
            assertEquals(first.timeMillis(), stream.append("b", payload(1)).timeMillis());
            clock.set(-1);
            assertEquals(first.timeMillis(), stream.append("c", payload(2)).timeMillis());
            clock.set(T0 + 10);
            assertEquals(T0 + 10, stream.append("d", payload(3)).timeMillis());
        }
    }

    @Test
    void aNewStreamBeforeTheEpochStartsAtTimeZero() {
        clock.set(-123);
        try (JdbcMarkerStream stream = open()) {
            assertEquals(0, stream.append("a", payload(0)).timeMillis());
        }
    }

    @Test
    void firstAtOrAfterFindsTheEarliestMarkerNotBeforeTheTime() {
        try (JdbcMarkerStream stream = open()) {
            assertEquals(Optional.empty(), stream.firstAtOrAfter(Instant.EPOCH));
            long[] times = {T0, T0, T0 + 5, T0 + 5, T0 + 5, T0 + 9};
            for (long time : times) {
                clock.set(time);
                stream.append("t", payload(time));
            }
            assertEquals(0, stream.firstAtOrAfter(Instant.MIN).orElseThrow().seq());
            assertEquals(
                    0,
                    stream.firstAtOrAfter(Instant.ofEpochMilli(T0))
                            .orElseThrow()
                            .seq());
            assertEquals(
                    2,
                    stream.firstAtOrAfter(Instant.ofEpochMilli(T0).plusNanos(1))
                            .orElseThrow()
                            .seq());
            assertEquals(
                    2,
                    stream.firstAtOrAfter(Instant.ofEpochMilli(T0 + 5))
                            .orElseThrow()
                            .seq());
            assertEquals(
                    5,
                    stream.firstAtOrAfter(Instant.ofEpochMilli(T0 + 6))
                            .orElseThrow()
                            .seq());
            assertEquals(Optional.empty(), stream.firstAtOrAfter(Instant.ofEpochMilli(T0 + 10)));
            assertEquals(Optional.empty(), stream.firstAtOrAfter(Instant.MAX));
        }
    }

    @Test
    void firstAtOrAfterAgreesWithALinearScan() {
        Random random = new Random(7);
        try (JdbcMarkerStream stream = open()) {
            List<Marker> all = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                clock.advance(random.nextInt(4) - 1);
                all.add(stream.append("t", payload(i)));
            }
            for (long t = T0 - 3; t <= all.get(all.size() - 1).timeMillis() + 2; t++) {
                long wanted = t;
                Optional<Marker> linear =
                        all.stream().filter(m -> m.timeMillis() >= wanted).findFirst();
                assertEquals(linear, stream.firstAtOrAfter(Instant.ofEpochMilli(t)), "time " + t);
            }
        }
    }

    @Test
    void readsOutsideTheStreamAreNotFound() {
        try (JdbcMarkerStream stream = open()) {
            stream.append("a", payload(0));
            for (long seq : new long[] {-1, 1, Long.MAX_VALUE, Long.MIN_VALUE}) {
                assertEquals(
                        ErrorCode.MARKER_NOT_FOUND,
                        assertThrows(VerificationException.class, () -> stream.get(seq))
                                .code());
            }
            for (long[] range : new long[][] {{0, 2}, {1, 0}, {-1, 1}, {2, 3}}) {
                assertEquals(
                        ErrorCode.MARKER_NOT_FOUND,
                        assertThrows(VerificationException.class, () -> stream.range(range[0], range[1]))
                                .code());
            }
        }
    }

    @Test
    void aBadKindIsRefusedAndNothingIsAppended() {
        try (JdbcMarkerStream stream = open()) {
            for (String kind : new String[] {"", "\u00e9", "x".repeat(65), "tab\t"}) {
                assertEquals(
                        ErrorCode.MARKER_KIND_INVALID,
                        assertThrows(MalformedInputException.class, () -> stream.append(kind, payload(0)))
                                .code());
            }
            assertEquals(0, stream.size());
            assertEquals(0, stream.append("ok", payload(0)).seq());
        }
    }

    @Test
    void aClosedStreamRefusesEverythingButLeavesTheDatabaseOpen() {
        JdbcMarkerStream stream = open();
        stream.append("a", payload(0));
        stream.close();
        stream.close();
        for (Runnable call : List.<Runnable>of(
                () -> stream.append("b", payload(1)), () -> stream.get(0), stream::size, stream::head)) {
            assertEquals(
                    ErrorCode.MARKER_STORE_CLOSED,
                    assertThrows(InternalException.class, call::run).code());
        }
        try (JdbcMarkerStream again = open()) {
            assertEquals(1, again.size());
        }
    }

    @Test
    void aClosedDatabaseClosesTheStream() {
        JdbcMarkerStream stream = open();
        db.close();
        assertEquals(
                ErrorCode.MARKER_STORE_CLOSED,
                assertThrows(InternalException.class, () -> stream.append("a", payload(0)))
                        .code());
        db = Stores.open(source);
    }

    @Test
    void aDamagedRowIsMalformedNotAWrongMarker() throws Exception {
        try (JdbcMarkerStream stream = open()) {
            stream.append("a", payload(0));
            stream.append("b", payload(1));
            db.inTransaction(c -> {
                try (PreparedStatement s = c.prepareStatement("UPDATE audit_markers SET kind = ? WHERE seq = 1")) {
                    s.setString(1, "c");
                    return s.executeUpdate();
                }
            });
            assertEquals(
                    ErrorCode.MARKER_MALFORMED,
                    assertThrows(MalformedInputException.class, () -> stream.get(1))
                            .code());
            db.inTransaction(c -> {
                try (PreparedStatement s = c.prepareStatement("UPDATE audit_markers SET hash = ? WHERE seq = 0")) {
                    s.setBytes(1, new byte[31]);
                    return s.executeUpdate();
                }
            });
            assertEquals(
                    ErrorCode.MARKER_MALFORMED,
                    assertThrows(MalformedInputException.class, () -> stream.range(0, 1))
                            .code());
        }
    }

    @Test
    void concurrentAppendsFromTwoPoolsAreDenseAndChained() throws Exception {
        int threads = 8;
        int each = 40;
        ConcurrentLinkedQueue<Marker> acknowledged = new ConcurrentLinkedQueue<>();
        try (Database other = Stores.open(source);
                JdbcMarkerStream mine = open();
                JdbcMarkerStream theirs = JdbcMarkerStream.open(other, clock)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                JdbcMarkerStream stream = t % 2 == 0 ? mine : theirs;
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        clock.advance(1);
                        acknowledged.add(stream.append("t" + thread, payload(thread * 1000L + i)));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
            pool.shutdown();
            long total = (long) threads * each;
            assertEquals(total, mine.size());
            assertEquals(total, theirs.size());
            assertEquals(total, ChainVerifier.verify(theirs).toExclusive());
            Set<Long> seqs = new HashSet<>();
            for (Marker m : acknowledged) {
                assertTrue(seqs.add(m.seq()), "sequence assigned twice: " + m.seq());
                assertEquals(m, mine.get(m.seq()));
            }
            assertEquals(total, seqs.size());
        }
    }

    @Test
    void anAppendThatCannotGetTheHeadTimesOutRetryably() throws Exception {
        try (Database quick = Database.open(Stores.config(source).withLockTimeout(java.time.Duration.ofMillis(200)));
                JdbcMarkerStream stream = JdbcMarkerStream.open(quick, clock);
                java.sql.Connection holder = db.connection()) {
            holder.setAutoCommit(false);
            MarkerTable.lockHead(holder);
            CairnException e = assertThrows(CairnException.class, () -> stream.append("a", payload(0)));
            assertEquals(ErrorCode.MARKER_APPEND_TIMEOUT, e.code(), e.getMessage());
            assertTrue(e.retryable());
            holder.rollback();
            assertEquals(0, stream.size());
            assertEquals(0, stream.append("a", payload(0)).seq());
        }
    }
}
