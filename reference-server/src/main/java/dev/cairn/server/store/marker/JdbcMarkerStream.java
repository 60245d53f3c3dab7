package dev.cairn.server.store.marker;

import dev.cairn.bytes.Digest;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.errors.VerificationException;
import dev.cairn.marker.Marker;
import dev.cairn.marker.MarkerStream;
import dev.cairn.server.store.Database;
import dev.cairn.server.store.SqlWork;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A marker stream in a database table ({@code spec/server-storage.md}, "Marker stream"), the JDBC
 * backend of sdk-core's {@link MarkerStream} contract.
 *
 * <p>Guarantees: {@link #append} returns only after the transaction that inserted the marker and
 * moved the head committed, which is as durable as the engine makes a commit ({@link
 * Database#durability()}: fsync per commit on PostgreSQL; on H2, a process kill but not necessarily a
 * power loss). Sequences are assigned under the lock of the head row, so they are dense and never
 * assigned twice, also when several replicas append to the same PostgreSQL database. Readers see
 * committed markers only, and a committed marker never changes. Times come from the injected clock,
 * raised to the head's time, so they never decrease along the stream.
 *
 * <p>Differences from the segment-file backend: appends are not grouped (each is one transaction;
 * the audit log groups its own); an append's wait is bounded by the pool's connection timeout and the
 * lock timeout, not by one deadline; and a failed append does not close the stream, because the
 * database, not this object, owns durability, and a failed transaction leaves nothing behind. An
 * append that fails with {@link ErrorCode#INTERNAL_IO} may still have committed (the commit's answer
 * was lost): read the head to find out. The stream does not own the database: {@link #close()}
 * leaves it open. Thread-safe.
 */
public final class JdbcMarkerStream implements MarkerStream {
    private final Database db;
    private final Clock clock;
    private volatile boolean closed;

    private JdbcMarkerStream(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Opens the stream of a migrated database.
     *
     * @param db the database; it stays the caller's to close
     * @param clock where marker times come from
     * @return the stream
     */
    public static JdbcMarkerStream open(Database db, Clock clock) {
        return new JdbcMarkerStream(Objects.requireNonNull(db, "db"), Objects.requireNonNull(clock, "clock"));
    }

    @Override
    public Marker append(String kind, Digest payloadDigest) {
        Marker.checkKind(kind);
        Objects.requireNonNull(payloadDigest, "payloadDigest");
        checkOpen();
        try {
            return db.inTransaction(c -> {
                LogHead head = MarkerTable.lockHead(c);
                Marker marker = head.next(clock.millis(), kind, payloadDigest);
                MarkerTable.insert(c, List.of(marker));
                MarkerTable.updateHead(c, head.after(marker));
                return marker;
            });
        } catch (InternalException e) {
            throw translate(e);
        }
    }

    @Override
    public long size() {
        return read(c -> MarkerTable.readHead(c).markerCount());
    }

    @Override
    public Optional<Marker> head() {
        return read(c -> {
            long count = MarkerTable.readHead(c).markerCount();
            return count == 0 ? Optional.<Marker>empty() : MarkerTable.get(c, count - 1);
        });
    }

    @Override
    public Marker get(long seq) {
        if (seq < 0) {
            throw notFound("a sequence >= 0", Long.toString(seq));
        }
        return read(c -> MarkerTable.get(c, seq))
                .orElseThrow(() -> notFound("a sequence below the stream's size", Long.toString(seq)));
    }

    @Override
    public List<Marker> range(long from, long toExclusive) {
        if (from < 0 || from > toExclusive) {
            throw notFound("a range within [0, size)", "[" + from + ", " + toExclusive + ")");
        }
        List<Marker> markers = read(c -> MarkerTable.range(c, from, toExclusive));
        if (markers.size() != toExclusive - from) {
            throw notFound(
                    "a range within [0, " + (from + markers.size()) + ")", "[" + from + ", " + toExclusive + ")");
        }
        return markers;
    }

    @Override
    public Optional<Marker> firstAtOrAfter(Instant time) {
        long wanted = ceilMillis(time);
        return read(c -> {
            long lo = 0;
            long hi = MarkerTable.readHead(c).markerCount();
            long size = hi;
            while (lo < hi) {
                long mid = lo + (hi - lo) / 2;
                OptionalLong at = MarkerTable.timeAt(c, mid);
                if (at.isEmpty()) {
                    throw new InternalException(
                            ErrorCode.STORE_INCONSISTENT, "no marker " + mid + " below " + size, null);
                }
                if (at.getAsLong() >= wanted) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return lo < size ? MarkerTable.get(c, lo) : Optional.<Marker>empty();
        });
    }

    /** Refuses further calls; the database stays open. Idempotent. */
    @Override
    public void close() {
        closed = true;
    }

    private <T> T read(SqlWork<T> work) {
        checkOpen();
        try {
            return db.read(work);
        } catch (InternalException e) {
            throw translate(e);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new InternalException(ErrorCode.MARKER_STORE_CLOSED, "the marker stream is closed", null);
        }
    }

    /** The contract's codes: timeouts, a closed database, and other storage failures. */
    private static CairnException translate(InternalException e) {
        return switch (e.code()) {
            case STORE_TIMEOUT ->
                new InternalException(
                        ErrorCode.MARKER_APPEND_TIMEOUT, "the head was not free in time: " + e.getMessage(), e);
            case STORE_CLOSED -> new InternalException(ErrorCode.MARKER_STORE_CLOSED, e.getMessage(), e);
            case STORE_INCONSISTENT, MARKER_STORE_CLOSED -> e;
            default -> new InternalException(ErrorCode.INTERNAL_IO, e.getMessage(), e);
        };
    }

    private static VerificationException notFound(String expected, String found) {
        return VerificationException.mismatch(ErrorCode.MARKER_NOT_FOUND, expected, found);
    }

    /** The smallest whole millisecond not before {@code time}, saturated at the long range. */
    static long ceilMillis(Instant time) {
        try {
            return Math.addExact(
                    Math.multiplyExact(time.getEpochSecond(), 1000L), (time.getNano() + 999_999L) / 1_000_000L);
        } catch (ArithmeticException e) {
            return time.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
