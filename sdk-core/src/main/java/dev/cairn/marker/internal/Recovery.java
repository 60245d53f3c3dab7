package dev.cairn.marker.internal;

import dev.cairn.bytes.Digest;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.errors.VerificationException;
import dev.cairn.marker.Marker;
import dev.cairn.marker.RecoveryReport;
import dev.cairn.marker.RecoveryReport.Reason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Opens a stream directory's segments and cuts a torn tail (spec/marker-stream.md, "Recovery").
 *
 * <p>Sealed segments (all but the newest) must have a valid header and exactly their full length;
 * their records are checked when read. The newest segment is scanned record by record: framing,
 * checksum, fields, hash, sequence, previous hash and time. The first invalid record starts the tail.
 * Every frame-valid record anywhere in the segment proves, by its batch start, that all lower
 * sequences were durable before it was written; if the first invalid record lies below that durable
 * floor, it was acknowledged and is damaged, and opening fails instead of cutting it.
 */
public final class Recovery {
    private static final int CHUNK_RECORDS = 4096;

    /**
     * The recovered state.
     *
     * @param capacity records per segment
     * @param size the number of valid markers
     * @param head the last valid marker, or empty
     * @param lastSegment the first sequence of the newest segment file, or -1 when there is none
     * @param report what was cut
     */
    public record Result(int capacity, long size, Optional<Marker> head, long lastSegment, RecoveryReport report) {}

    private Recovery() {}

    /**
     * Recovers a stream directory.
     *
     * @param files the directory's files, locked
     * @param newCapacity the capacity to use when the stream has no segment yet
     * @return the recovered state
     * @throws MalformedInputException {@link ErrorCode#MARKER_MALFORMED} for damage recovery must not cut
     * @throws VerificationException {@link ErrorCode#MARKER_CHAIN_BROKEN} for a broken link below the
     *     durable floor
     */
    public static Result run(SegmentFiles files, int newCapacity) {
        List<Long> segments = new ArrayList<>(files.list());
        long tornBytes = -1;
        if (!segments.isEmpty()) {
            long last = segments.get(segments.size() - 1);
            long length = files.length(last);
            if (length <= RecordCodec.SIZE && !validHeader(files, last, length)) {
                files.delete(last);
                segments.remove(segments.size() - 1);
                tornBytes = length;
            }
        }
        if (segments.isEmpty()) {
            RecoveryReport report =
                    tornBytes < 0 ? RecoveryReport.clean(0) : new RecoveryReport(Reason.TORN_SEGMENT, 0, tornBytes, 0);
            return new Result(newCapacity, 0, Optional.empty(), -1, report);
        }
        int capacity = checkSealed(files, segments);
        long last = segments.get(segments.size() - 1);
        // A segment file exists only once the one before it is full and durable.
        long durableFloor = tornBytes >= 0 ? last + capacity : 0;
        Result scanned = new TailScan(files, capacity, last, durableFloor).run();
        if (tornBytes >= 0) {
            RecoveryReport cut = scanned.report();
            Reason reason = cut.cutAnything() ? cut.reason() : Reason.TORN_SEGMENT;
            RecoveryReport report =
                    new RecoveryReport(reason, cut.recordsCut(), cut.bytesCut() + tornBytes, scanned.size());
            return new Result(capacity, scanned.size(), scanned.head(), last, report);
        }
        return scanned;
    }

    private static boolean validHeader(SegmentFiles files, long first, long length) {
        if (length < RecordCodec.SIZE) {
            return false;
        }
        try {
            readHeader(files, first);
            return true;
        } catch (MalformedInputException e) {
            return false;
        }
    }

    private static SegmentHeader readHeader(SegmentFiles files, long first) {
        byte[] bytes = new byte[RecordCodec.SIZE];
        int read = files.read(first, 0, bytes, 0, bytes.length);
        if (read != bytes.length) {
            throw RecordCodec.malformed("segment " + first + " header: got " + read + " bytes, want 256", read);
        }
        SegmentHeader header = SegmentHeader.decode(bytes);
        if (header.firstSeq() != first) {
            throw RecordCodec.malformed("segment file " + first + " holds segment " + header.firstSeq(), 16);
        }
        return header;
    }

    /** Checks every header, the contiguity of the segments, and the length of every sealed segment. */
    private static int checkSealed(SegmentFiles files, List<Long> segments) {
        int capacity = readHeader(files, segments.get(0)).capacity();
        for (int i = 0; i < segments.size(); i++) {
            long first = segments.get(i);
            SegmentHeader header = readHeader(files, first);
            if (header.capacity() != capacity || first != (long) i * capacity) {
                throw RecordCodec.malformed(
                        "segment " + first + ": capacity " + header.capacity() + ", want segment " + (long) i * capacity
                                + " of capacity " + capacity,
                        12);
            }
            long full = RecordCodec.SIZE * (1L + capacity);
            long length = files.length(first);
            if ((i < segments.size() - 1 && length != full) || length > full) {
                throw RecordCodec.malformed(
                        "segment " + first + " length: got " + length + ", want " + full + " (sealed)", length);
            }
        }
        return capacity;
    }

    /** Scans the newest segment. */
    private static final class TailScan {
        private final SegmentFiles files;
        private final int capacity;
        private final long first;
        private Marker head;
        private Digest prevHash = Marker.GENESIS_PREV_HASH;
        private long prevTime;
        private long valid;
        private long durableFloor;
        private CairnException firstBad;

        TailScan(SegmentFiles files, int capacity, long first, long durableFloor) {
            this.files = files;
            this.capacity = capacity;
            this.first = first;
            this.durableFloor = durableFloor;
        }

        Result run() {
            if (first > 0) {
                head = readAnchor();
                prevHash = head.hash();
                prevTime = head.timeMillis();
            }
            long length = files.length(first);
            long whole = (length - RecordCodec.SIZE) / RecordCodec.SIZE;
            byte[] chunk = new byte[CHUNK_RECORDS * RecordCodec.SIZE];
            for (long done = 0; done < whole; ) {
                int count = (int) Math.min(CHUNK_RECORDS, whole - done);
                long position = RecordCodec.SIZE * (1 + done);
                int read = files.read(first, position, chunk, 0, count * RecordCodec.SIZE);
                if (read != count * RecordCodec.SIZE) {
                    throw RecordCodec.malformed("segment " + first + " shrank while opening", position + read);
                }
                for (int i = 0; i < count; i++) {
                    examine(chunk, i * RecordCodec.SIZE, first + done + i);
                }
                done += count;
            }
            if (first + valid < durableFloor) {
                throw acknowledgedDamage();
            }
            long keep = RecordCodec.SIZE * (1 + valid);
            RecoveryReport report = RecoveryReport.clean(first + valid);
            if (keep < length) {
                Reason reason = firstBad == null
                        ? Reason.PARTIAL_RECORD
                        : firstBad.code() == ErrorCode.MARKER_CHAIN_BROKEN
                                ? Reason.BROKEN_CHAIN
                                : Reason.DAMAGED_RECORD;
                files.truncate(first, keep);
                report = new RecoveryReport(reason, whole - valid, length - keep, first + valid);
            }
            return new Result(capacity, first + valid, Optional.ofNullable(head), first, report);
        }

        private Marker readAnchor() {
            byte[] bytes = new byte[RecordCodec.SIZE];
            long previous = first - capacity;
            files.read(previous, RecordCodec.SIZE * (long) capacity, bytes, 0, bytes.length);
            Marker anchor = RecordCodec.decode(bytes).marker();
            if (anchor.seq() != first - 1) {
                throw RecordCodec.malformed("last record of segment " + previous + " has seq " + anchor.seq(), 8);
            }
            return anchor;
        }

        private void examine(byte[] chunk, int offset, long seq) {
            try {
                RecordCodec.checkFrame(chunk, offset, RecordCodec.SIZE);
                long batchStart = RecordCodec.batchStart(chunk, offset);
                if (RecordCodec.seq(chunk, offset) == seq && batchStart <= seq) {
                    durableFloor = Math.max(durableFloor, batchStart);
                }
            } catch (MalformedInputException e) {
                // Not frame-valid: proves nothing about durability.
            }
            if (firstBad != null) {
                return;
            }
            try {
                Marker marker =
                        RecordCodec.decode(chunk, offset, RecordCodec.SIZE).marker();
                checkLink(marker, seq);
                head = marker;
                prevHash = marker.hash();
                prevTime = marker.timeMillis();
                valid++;
            } catch (MalformedInputException | VerificationException e) {
                firstBad = e;
            }
        }

        private void checkLink(Marker marker, long seq) {
            String field;
            String expected;
            String found;
            if (marker.seq() != seq) {
                field = "seq";
                expected = Long.toString(seq);
                found = Long.toString(marker.seq());
            } else if (!marker.prevHash().equals(prevHash)) {
                field = "prev_hash";
                expected = prevHash.toHex();
                found = marker.prevHash().toHex();
            } else if (marker.timeMillis() < prevTime) {
                field = "time";
                expected = ">= " + prevTime;
                found = Long.toString(marker.timeMillis());
            } else {
                return;
            }
            throw new VerificationException(
                    ErrorCode.MARKER_CHAIN_BROKEN,
                    "marker " + seq + " " + field + ": got " + found + ", want " + expected,
                    details(seq, field, expected, found),
                    null);
        }

        private CairnException acknowledgedDamage() {
            long seq = first + valid;
            String message = "marker " + seq + " is invalid, but later records show that markers below " + durableFloor
                    + " were durable; refusing to cut acknowledged markers";
            Map<String, String> details =
                    Map.of("seq", Long.toString(seq), "durable_floor", Long.toString(durableFloor));
            if (firstBad != null && firstBad.code() == ErrorCode.MARKER_CHAIN_BROKEN) {
                return new VerificationException(ErrorCode.MARKER_CHAIN_BROKEN, message, details, firstBad);
            }
            long offset = RecordCodec.SIZE * (1 + valid);
            return new MalformedInputException(ErrorCode.MARKER_MALFORMED, message, offset, details, firstBad);
        }
    }
    /**
     * Detail fields of a marker error, in a fixed order.
     *
     * @param seq the marker's sequence
     * @param field the field that is wrong
     * @param expected what it should be
     * @param found what it is
     * @return seq, field, expected, found
     */
    public static Map<String, String> details(long seq, String field, String expected, String found) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("seq", Long.toString(seq));
        details.put("field", field);
        details.put("expected", expected);
        details.put("found", found);
        return details;
    }
}
