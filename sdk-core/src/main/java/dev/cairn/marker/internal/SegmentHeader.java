package dev.cairn.marker.internal;

import java.nio.ByteBuffer;

/**
 * The first 256 bytes of a segment file, format 1 (spec/marker-stream.md, "Segment files"):
 *
 * <pre>
 *   0  4  magic "CMSG"
 *   4  1  format version 1
 *   5  3  zero
 *   8  4  record size, 256
 *  12  4  capacity: records per segment
 *  16  8  first sequence of the segment (also its file name)
 *  24 228 zero
 * 252  4  CRC32C of bytes 0..251
 * </pre>
 *
 * @param firstSeq the sequence of the segment's first record, a multiple of {@code capacity}
 * @param capacity the number of records a full segment holds
 */
public record SegmentHeader(long firstSeq, int capacity) {
    static final int MAGIC = 0x434d5347; // "CMSG"

    /**
     * Validates the fields.
     *
     * @param firstSeq the first sequence, a non-negative multiple of {@code capacity}
     * @param capacity records per segment, 1 to 2^24
     */
    public SegmentHeader {
        if (capacity < 1 || capacity > SegmentFiles.MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity: got " + capacity + ", want 1-" + SegmentFiles.MAX_CAPACITY);
        }
        if (firstSeq < 0 || firstSeq % capacity != 0) {
            throw new IllegalArgumentException("first seq " + firstSeq + " is not a multiple of " + capacity);
        }
    }

    /**
     * Encodes the header.
     *
     * @return 256 bytes
     */
    public byte[] encode() {
        byte[] header = new byte[RecordCodec.SIZE];
        ByteBuffer b = ByteBuffer.wrap(header);
        b.putInt(0, MAGIC);
        b.put(4, (byte) RecordCodec.VERSION);
        b.putInt(8, RecordCodec.SIZE);
        b.putInt(12, capacity);
        b.putLong(16, firstSeq);
        b.putInt(RecordCodec.CRC, RecordCodec.crc(header, 0));
        return header;
    }

    /**
     * Decodes and checks a header.
     *
     * @param header the first bytes of a segment file
     * @return the header
     * @throws dev.cairn.errors.MalformedInputException {@link dev.cairn.errors.ErrorCode#MARKER_MALFORMED}
     */
    public static SegmentHeader decode(byte[] header) {
        if (header.length != RecordCodec.SIZE) {
            throw RecordCodec.malformed("segment header length: got " + header.length + ", want 256", 0);
        }
        ByteBuffer b = ByteBuffer.wrap(header);
        if (b.getInt(0) != MAGIC || (b.get(4) & 0xff) != RecordCodec.VERSION) {
            throw RecordCodec.malformed("segment header magic or version", 0);
        }
        if (b.getInt(RecordCodec.CRC) != RecordCodec.crc(header, 0)) {
            throw RecordCodec.malformed("segment header checksum", RecordCodec.CRC);
        }
        for (int i = 5; i < 8; i++) {
            requireZero(header, i);
        }
        for (int i = 24; i < RecordCodec.CRC; i++) {
            requireZero(header, i);
        }
        if (b.getInt(8) != RecordCodec.SIZE) {
            throw RecordCodec.malformed("record size: got " + b.getInt(8) + ", want 256", 8);
        }
        int capacity = b.getInt(12);
        long firstSeq = b.getLong(16);
        if (capacity < 1 || capacity > SegmentFiles.MAX_CAPACITY || firstSeq < 0 || firstSeq % capacity != 0) {
            throw RecordCodec.malformed("segment capacity " + capacity + " or first seq " + firstSeq, 12);
        }
        return new SegmentHeader(firstSeq, capacity);
    }

    private static void requireZero(byte[] header, int index) {
        if (header[index] != 0) {
            throw RecordCodec.malformed("segment header byte " + index + " is not zero", index);
        }
    }
}
