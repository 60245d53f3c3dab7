package dev.cairn.marker;

import dev.cairn.bytes.Digest;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.errors.VerificationException;
import dev.cairn.marker.internal.ChainWriter;
import dev.cairn.marker.internal.GroupCommit;
import dev.cairn.marker.internal.Recovery;
import dev.cairn.marker.internal.SegmentFiles;
import dev.cairn.marker.internal.SegmentReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A marker stream in a directory of segment files: fixed-size 256-byte records, segments of a fixed
 * number of records named by their first sequence, appends made durable by group commit (see {@code
 * spec/marker-stream.md}, "Segment-file backend").
 *
 * <p>Guarantees: {@link #append} returns only after {@code fdatasync} of every record it wrote;
 * concurrent appenders share forces; a failed force closes the store rather than acknowledge anything
 * not durable. Opening recovers: a torn tail that was never acknowledged is cut and described by
 * {@link #recoveryReport()}, while damage to acknowledged markers fails the open with a coded error.
 * Lookup by sequence reads one record; lookup by time is a binary search over record times. One process
 * at a time may open a directory (an OS file lock enforces it).
 *
 * <p>Not guaranteed: survival of data the device acknowledges falsely (disabled write barriers), or
 * detection of damage in sealed segments before they are read ({@link ChainVerifier} reads them all).
 */
public final class SegmentMarkerStream implements MarkerStream {
    /** Records per segment file for a new stream: 65,536 records, 16 MiB. */
    public static final int DEFAULT_SEGMENT_RECORDS = 1 << 16;

    /** How long an append waits for durability by default. */
    public static final Duration DEFAULT_APPEND_TIMEOUT = Duration.ofSeconds(5);

    /** The most appends one force covers. */
    static final int MAX_BATCH = 4096;

    /** The size and head, published together after each durable batch. */
    private record State(long size, Optional<Marker> head) {}

    private final SegmentFiles files;
    private final SegmentReader reader;
    private final int capacity;
    private final RecoveryReport report;
    private final GroupCommit commit;
    private final Duration appendTimeout;
    private volatile State state;
    private volatile boolean closed;

    private SegmentMarkerStream(Path directory, Clock clock, Duration appendTimeout, int segmentRecords) {
        this.files = SegmentFiles.open(directory);
        try {
            Recovery.Result recovered = Recovery.run(files, segmentRecords);
            this.capacity = recovered.capacity();
            this.reader = new SegmentReader(files, capacity);
            this.report = recovered.report();
            this.appendTimeout = appendTimeout;
            this.state = new State(recovered.size(), recovered.head());
            ChainWriter writer = new ChainWriter(files, recovered, MAX_BATCH);
            this.commit = new GroupCommit(
                    writer, clock, appendTimeout, this::publish, "cairn-marker-writer-" + directory.getFileName());
        } catch (RuntimeException e) {
            files.close();
            throw e;
        }
    }

    /**
     * Opens (creating if absent) the stream in a directory with default settings.
     *
     * @param directory the stream's directory
     * @param clock the source of marker times
     * @return the open stream, recovered
     * @throws InternalException {@link ErrorCode#INTERNAL_IO} when the directory cannot be used, or
     *     {@link ErrorCode#INTERNAL_STORE_LOCKED} when it is open elsewhere
     * @throws MalformedInputException {@link ErrorCode#MARKER_MALFORMED} when acknowledged markers or a
     *     sealed segment are damaged
     * @throws VerificationException {@link ErrorCode#MARKER_CHAIN_BROKEN} when an acknowledged marker
     *     does not link to its predecessor
     */
    public static SegmentMarkerStream open(Path directory, Clock clock) {
        return builder(directory, clock).open();
    }

    /**
     * Starts configuring a stream.
     *
     * @param directory the stream's directory; created if absent
     * @param clock the source of marker times
     * @return a builder
     */
    public static Builder builder(Path directory, Clock clock) {
        return new Builder(directory, clock);
    }

    /** Settings for opening a {@link SegmentMarkerStream}. */
    public static final class Builder {
        private final Path directory;
        private final Clock clock;
        private Duration appendTimeout = DEFAULT_APPEND_TIMEOUT;
        private int segmentRecords = DEFAULT_SEGMENT_RECORDS;

        private Builder(Path directory, Clock clock) {
            this.directory = Objects.requireNonNull(directory, "directory");
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        /**
         * Sets how long an append waits for durability before it throws {@link
         * ErrorCode#MARKER_APPEND_TIMEOUT}.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder appendTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("append timeout must be positive: " + timeout);
            }
            this.appendTimeout = timeout;
            return this;
        }

        /**
         * Sets the number of records per segment file of a new stream. An existing stream keeps the
         * value it was created with (recorded in every segment header).
         *
         * @param records 1 to 2^24
         * @return this builder
         */
        public Builder segmentRecords(int records) {
            if (records < 1 || records > SegmentFiles.MAX_CAPACITY) {
                throw new IllegalArgumentException("segment records: got " + records + ", want 1-2^24");
            }
            this.segmentRecords = records;
            return this;
        }

        /**
         * Opens the stream, creating the directory if absent and recovering its tail.
         *
         * @return the open stream
         * @throws InternalException {@link ErrorCode#INTERNAL_IO} as {@link SegmentMarkerStream#open}
         * @throws MalformedInputException {@link ErrorCode#MARKER_MALFORMED} as {@link
         *     SegmentMarkerStream#open}
         * @throws VerificationException {@link ErrorCode#MARKER_CHAIN_BROKEN} as {@link
         *     SegmentMarkerStream#open}
         */
        public SegmentMarkerStream open() {
            return new SegmentMarkerStream(directory, clock, appendTimeout, segmentRecords);
        }
    }

    /**
     * What opening cut from the tail.
     *
     * @return the recovery report of this open
     */
    public RecoveryReport recoveryReport() {
        return report;
    }

    /**
     * The number of records per segment file of this stream.
     *
     * @return the segment capacity
     */
    public int segmentRecords() {
        return capacity;
    }

    @Override
    public Marker append(String kind, Digest payloadDigest) {
        return commit.append(kind, payloadDigest);
    }

    @Override
    public long size() {
        return current().size();
    }

    @Override
    public Optional<Marker> head() {
        return current().head();
    }

    @Override
    public Marker get(long seq) {
        check(seq, seq + 1, current().size());
        return reader.marker(seq);
    }

    @Override
    public List<Marker> range(long from, long toExclusive) {
        check(from, toExclusive, current().size());
        return reader.markers(from, toExclusive);
    }

    @Override
    public Optional<Marker> firstAtOrAfter(Instant time) {
        long size = current().size();
        long seq = reader.firstAtOrAfter(ceilMillis(time), size);
        return seq < size ? Optional.of(reader.marker(seq)) : Optional.empty();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        commit.close(appendTimeout);
        files.close();
    }

    /** How many forces the store has made; for tests of group commit. */
    long forceCount() {
        return files.forces();
    }

    private void publish(List<Marker> durable) {
        Marker last = durable.get(durable.size() - 1);
        state = new State(last.seq() + 1, Optional.of(last));
    }

    private State current() {
        if (closed) {
            throw new InternalException(ErrorCode.MARKER_STORE_CLOSED, "the marker stream is closed", null);
        }
        return state;
    }

    private static void check(long from, long toExclusive, long size) {
        if (from < 0 || from > toExclusive || toExclusive > size) {
            throw VerificationException.mismatch(
                    ErrorCode.MARKER_NOT_FOUND,
                    "a range within [0, " + size + ")",
                    "[" + from + ", " + toExclusive + ")");
        }
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
