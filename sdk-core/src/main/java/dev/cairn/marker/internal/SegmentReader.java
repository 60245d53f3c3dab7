package dev.cairn.marker.internal;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.marker.Marker;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads records by sequence across segment files: record {@code seq} is at byte {@code 256 * (1 + seq
 * - first)} of the segment starting at {@code first = seq - seq % capacity}. Callers check that the
 * sequences are below the stream's durable size; every record read is checked before use.
 */
public final class SegmentReader {
    private static final int PAGE = 4096;

    private final SegmentFiles files;
    private final int capacity;

    /**
     * Reads a stream's segments.
     *
     * @param files the stream's files
     * @param capacity records per segment
     */
    public SegmentReader(SegmentFiles files, int capacity) {
        this.files = files;
        this.capacity = capacity;
    }

    /**
     * Reads and fully checks one marker.
     *
     * @param seq a durable sequence
     * @return the marker
     * @throws MalformedInputException {@link ErrorCode#MARKER_MALFORMED} for a damaged or misplaced record
     */
    public Marker marker(long seq) {
        byte[] record = new byte[RecordCodec.SIZE];
        read(seq, 1, record);
        return placed(RecordCodec.decode(record).marker(), seq);
    }

    /**
     * Reads and fully checks consecutive markers.
     *
     * @param from the first sequence
     * @param toExclusive the end, at most the durable size
     * @return the markers in order
     * @throws MalformedInputException {@link ErrorCode#MARKER_MALFORMED} for a damaged or misplaced record
     */
    public List<Marker> markers(long from, long toExclusive) {
        List<Marker> markers = new ArrayList<>((int) Math.min(toExclusive - from, PAGE));
        byte[] page = new byte[PAGE * RecordCodec.SIZE];
        for (long seq = from; seq < toExclusive; ) {
            int count = (int) Math.min(PAGE, toExclusive - seq);
            read(seq, count, page);
            for (int i = 0; i < count; i++) {
                Marker marker = RecordCodec.decode(page, i * RecordCodec.SIZE, RecordCodec.SIZE)
                        .marker();
                markers.add(placed(marker, seq + i));
            }
            seq += count;
        }
        return markers;
    }

    /**
     * Finds the first sequence whose record time is at least {@code millis}: a binary search that
     * checks each probed record's frame and sequence but not its hash.
     *
     * @param millis the earliest time wanted
     * @param size the durable size
     * @return the sequence, or {@code size} when every marker is earlier
     */
    public long firstAtOrAfter(long millis, long size) {
        long low = 0;
        long high = size;
        byte[] record = new byte[RecordCodec.SIZE];
        while (low < high) {
            long mid = (low + high) >>> 1;
            read(mid, 1, record);
            RecordCodec.checkFrame(record, 0, RecordCodec.SIZE);
            if (RecordCodec.seq(record, 0) != mid) {
                throw new MalformedInputException(
                        ErrorCode.MARKER_MALFORMED, "record at seq " + mid + " is misplaced", 8);
            }
            if (RecordCodec.time(record, 0) >= millis) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    /** Reads {@code count} consecutive records, which may span segments, into {@code dst}. */
    private void read(long from, int count, byte[] dst) {
        int done = 0;
        while (done < count) {
            long seq = from + done;
            long segment = seq - seq % capacity;
            int n = (int) Math.min(count - done, segment + capacity - seq);
            long position = RecordCodec.SIZE * (1 + seq - segment);
            int length = n * RecordCodec.SIZE;
            int read = files.read(segment, position, dst, done * RecordCodec.SIZE, length);
            if (read != length) {
                throw new MalformedInputException(
                        ErrorCode.MARKER_MALFORMED, "segment " + segment + " ends inside seq " + seq, position + read);
            }
            done += n;
        }
    }

    private static Marker placed(Marker marker, long seq) {
        if (marker.seq() != seq) {
            throw new MalformedInputException(
                    ErrorCode.MARKER_MALFORMED, "record at seq " + seq + " holds seq " + marker.seq(), 8);
        }
        return marker;
    }
}
