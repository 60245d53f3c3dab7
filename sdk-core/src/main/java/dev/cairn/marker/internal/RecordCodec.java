package dev.cairn.marker.internal;

import dev.cairn.bytes.Bytes;
import dev.cairn.bytes.Digest;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.marker.Marker;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The fixed-size on-disk marker record, format 1 (spec/marker-stream.md, "Record"). 256 bytes,
 * big-endian, so that record {@code i} of a segment starts at {@code 256 * (i + 1)} and never straddles
 * a 4 KiB page:
 *
 * <pre>
 *   0  4  magic "CMRK"          96 32 payload digest
 *   4  1  format version 1     128 32 previous hash
 *   5  1  kind length 1..64    160 32 hash
 *   6  2  zero                 192 60 zero
 *   8  8  seq                  252  4 CRC32C of bytes 0..251
 *  16  8  time (ms)
 *  24  8  batch start: the first seq of the write batch this record was written in
 *  32 64  kind, ASCII, zero padded
 * </pre>
 */
public final class RecordCodec {
    /** The size of one record, and of a segment header. */
    public static final int SIZE = 256;

    static final int MAGIC = 0x434d524b; // "CMRK"
    static final int VERSION = 1;
    private static final int SEQ = 8;
    private static final int TIME = 16;
    private static final int BATCH_START = 24;
    private static final int KIND = 32;
    private static final int PAYLOAD = 96;
    private static final int PREV = 128;
    private static final int HASH = 160;
    private static final int RESERVED = 192;
    static final int CRC = 252;

    private RecordCodec() {}

    /**
     * A decoded record: the marker and the batch it was written in.
     *
     * @param marker the marker, its hash already checked
     * @param batchStart the first sequence of the record's write batch; every lower sequence was
     *     durable before this record was written
     */
    public record Stored(Marker marker, long batchStart) {}

    /**
     * Writes one record at the buffer's position and advances it by {@link #SIZE}.
     *
     * @param marker the marker
     * @param batchStart the first sequence of the batch being written, at most {@code marker.seq()}
     * @param out the destination, with at least {@link #SIZE} bytes remaining
     */
    public static void encode(Marker marker, long batchStart, ByteBuffer out) {
        if (batchStart < 0 || batchStart > marker.seq()) {
            throw new IllegalArgumentException("batch start " + batchStart + " for seq " + marker.seq());
        }
        byte[] record = new byte[SIZE];
        ByteBuffer b = ByteBuffer.wrap(record);
        byte[] kind = marker.kind().getBytes(StandardCharsets.US_ASCII);
        b.putInt(0, MAGIC);
        b.put(4, (byte) VERSION);
        b.put(5, (byte) kind.length);
        b.putLong(SEQ, marker.seq());
        b.putLong(TIME, marker.timeMillis());
        b.putLong(BATCH_START, batchStart);
        System.arraycopy(kind, 0, record, KIND, kind.length);
        marker.payloadDigest().bytes().copyTo(record, PAYLOAD);
        marker.prevHash().bytes().copyTo(record, PREV);
        marker.hash().bytes().copyTo(record, HASH);
        b.putInt(CRC, crc(record, 0));
        out.put(record);
    }

    /**
     * Encodes one record into a new array.
     *
     * @param marker the marker
     * @param batchStart the first sequence of its write batch
     * @return the 256 record bytes
     */
    public static byte[] encode(Marker marker, long batchStart) {
        ByteBuffer out = ByteBuffer.allocate(SIZE);
        encode(marker, batchStart, out);
        return out.array();
    }

    /**
     * Decodes and fully checks one record: framing, checksum, fields, and the marker's hash.
     *
     * @param record exactly {@link #SIZE} bytes
     * @return the record
     * @throws MalformedInputException {@link ErrorCode#MARKER_MALFORMED} (or {@link
     *     ErrorCode#MARKER_KIND_INVALID} for a bad kind), with the byte offset of the problem
     */
    public static Stored decode(byte[] record) {
        return decode(record, 0, record.length);
    }

    /**
     * Decodes and fully checks the record at {@code offset}.
     *
     * @param data the bytes holding the record
     * @param offset where the record starts
     * @param length the number of bytes available from {@code offset}; must be {@link #SIZE}
     * @return the record
     * @throws MalformedInputException {@link ErrorCode#MARKER_MALFORMED} or {@link
     *     ErrorCode#MARKER_KIND_INVALID}
     */
    public static Stored decode(byte[] data, int offset, int length) {
        checkFrame(data, offset, length);
        ByteBuffer b = ByteBuffer.wrap(data, offset, SIZE).slice();
        int kindLength = b.get(5) & 0xff;
        if (kindLength < 1 || kindLength > Marker.MAX_KIND_LENGTH) {
            throw malformed("kind length: got " + kindLength + ", want 1-64", 5);
        }
        for (int i = 6; i < 8; i++) {
            requireZero(b, i);
        }
        for (int i = KIND + kindLength; i < PAYLOAD; i++) {
            requireZero(b, i);
        }
        for (int i = RESERVED; i < CRC; i++) {
            requireZero(b, i);
        }
        long seq = b.getLong(SEQ);
        long batchStart = b.getLong(BATCH_START);
        if (batchStart < 0 || seq < 0 || batchStart > seq) {
            throw malformed("batch start: got " + batchStart + ", want 0.." + seq, BATCH_START);
        }
        String kind = new String(data, offset + KIND, kindLength, StandardCharsets.ISO_8859_1);
        Marker marker = new Marker(
                seq,
                b.getLong(TIME),
                kind,
                digest(data, offset + PAYLOAD),
                digest(data, offset + PREV),
                digest(data, offset + HASH));
        return new Stored(marker, batchStart);
    }

    /**
     * Checks length, magic, version and checksum only: what a torn or damaged write breaks.
     *
     * @param data the bytes holding the record
     * @param offset where the record starts
     * @param length the number of bytes available from {@code offset}
     * @throws MalformedInputException {@link ErrorCode#MARKER_MALFORMED}
     */
    public static void checkFrame(byte[] data, int offset, int length) {
        if (length != SIZE) {
            throw malformed("record length: got " + length + ", want " + SIZE, Math.min(length, SIZE));
        }
        ByteBuffer b = ByteBuffer.wrap(data, offset, SIZE).slice();
        if (b.getInt(0) != MAGIC) {
            throw malformed("magic: got " + Integer.toHexString(b.getInt(0)) + ", want 434d524b", 0);
        }
        if ((b.get(4) & 0xff) != VERSION) {
            throw malformed("format version: got " + (b.get(4) & 0xff) + ", want " + VERSION, 4);
        }
        int stored = b.getInt(CRC);
        int computed = crc(data, offset);
        if (stored != computed) {
            throw malformed(
                    "checksum: got " + Integer.toHexString(stored) + ", want " + Integer.toHexString(computed), CRC);
        }
    }

    /**
     * The sequence field of a record whose frame was checked.
     *
     * @param data the bytes holding the record
     * @param offset where the record starts
     * @return the stored sequence
     */
    public static long seq(byte[] data, int offset) {
        return ByteBuffer.wrap(data).getLong(offset + SEQ);
    }

    /**
     * The time field of a record whose frame was checked.
     *
     * @param data the bytes holding the record
     * @param offset where the record starts
     * @return the stored time in milliseconds
     */
    public static long time(byte[] data, int offset) {
        return ByteBuffer.wrap(data).getLong(offset + TIME);
    }

    /**
     * The batch-start field of a record whose frame was checked.
     *
     * @param data the bytes holding the record
     * @param offset where the record starts
     * @return the stored batch start
     */
    public static long batchStart(byte[] data, int offset) {
        return ByteBuffer.wrap(data).getLong(offset + BATCH_START);
    }

    static int crc(byte[] data, int offset) {
        CRC32C crc = new CRC32C();
        crc.update(data, offset, CRC);
        return (int) crc.getValue();
    }

    private static Digest digest(byte[] data, int offset) {
        return new Digest(Bytes.copyOf(data, offset, Digest.LENGTH));
    }

    private static void requireZero(ByteBuffer b, int index) {
        if (b.get(index) != 0) {
            throw malformed("byte " + index + ": got " + (b.get(index) & 0xff) + ", want 0", index);
        }
    }

    static MalformedInputException malformed(String message, long offset) {
        return new MalformedInputException(ErrorCode.MARKER_MALFORMED, message, offset);
    }
}
