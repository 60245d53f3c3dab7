package dev.cairn.audit;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.errors.MalformedInputException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads an audit bundle from a stream, one frame at a time, with bounded memory: a 64 KiB read
 * buffer and, per frame, at most the bound of its kind ({@code spec/audit-bundle.md}, "Framing").
 *
 * <p>{@link #open(InputStream)} reads and decodes the header. Then either {@link #next()} decodes
 * the items one by one, or {@link #readFrame(byte[], int, int)} and {@link #readFrames} copy raw
 * frames into a caller's buffer, so that a verifier can decode them elsewhere (in parallel); {@code
 * readFrames} reads the stream straight into that buffer. Frame errors carry the byte offset in the
 * stream. The reader checks the framing only; whether the items are the right ones is a verifier's
 * job. Not thread-safe.
 */
public final class AuditBundleReader implements AutoCloseable {
    private static final int BUFFER = 64 << 10;

    private final InputStream in;
    private byte[] buffer = new byte[BUFFER];
    private int pos;
    private int limit;
    private long bufferStart;
    private byte[] headerItem;
    private AuditBundleHeader header;

    private AuditBundleReader(InputStream in) {
        this.in = in;
    }

    /**
     * Opens a bundle: reads its first frame and decodes it as the header.
     *
     * @param in the bundle's bytes; closed by {@link #close()}
     * @return the reader, positioned after the header
     * @throws dev.cairn.errors.VerificationException {@link ErrorCode#AUDIT_BUNDLE_INCOMPLETE} for an
     *     empty stream
     * @throws dev.cairn.errors.MalformedInputException {@link ErrorCode#AUDIT_BUNDLE_MALFORMED} for a
     *     bad frame or header, or the codes of {@link AuditBundleHeader#decode(byte[])}
     * @throws InternalException {@link ErrorCode#INTERNAL_IO} if reading fails
     */
    public static AuditBundleReader open(InputStream in) {
        AuditBundleReader reader = new AuditBundleReader(Objects.requireNonNull(in, "in"));
        byte[] item = reader.nextFrame(AuditBundleFormat.MAX_HEADER_BYTES)
                .orElseThrow(() -> BundleErrors.incomplete("empty bundle: no header"));
        reader.header = AuditBundleHeader.decode(item);
        reader.headerItem = item;
        return reader;
    }

    /**
     * The decoded header, not verified.
     *
     * @return the header
     */
    public AuditBundleHeader header() {
        return header;
    }

    /**
     * The bytes of the header frame, which the trailer digest covers.
     *
     * @return a copy of the header item
     */
    public byte[] headerItem() {
        return headerItem.clone();
    }

    /**
     * The offset in the stream of the next byte to read.
     *
     * @return bytes consumed so far
     */
    public long position() {
        return bufferStart + pos;
    }

    /**
     * Reads and decodes the next item.
     *
     * @return the entry or trailer, or empty at the end of the stream (between frames)
     * @throws dev.cairn.errors.MalformedInputException {@link ErrorCode#AUDIT_BUNDLE_MALFORMED} for a
     *     bad frame or item, or {@code MARKER_*} codes from the entry's marker fields
     */
    public Optional<AuditBundleItem> next() {
        return nextFrame(AuditBundleFormat.MAX_ENTRY_BYTES).map(AuditBundleItem::decode);
    }

    /**
     * Copies the next frame's content into a buffer without decoding it.
     *
     * @param target where the content goes
     * @param offset the first byte of {@code target} written
     * @param maxLength the largest content accepted, at most {@code target.length - offset}
     * @return the content's length, or -1 at the end of the stream (between frames)
     * @throws dev.cairn.errors.MalformedInputException {@link ErrorCode#AUDIT_BUNDLE_MALFORMED} if the
     *     frame is not a byte string of 1 to {@code maxLength} bytes, or the stream ends inside it
     * @throws InternalException {@link ErrorCode#INTERNAL_IO} if reading fails
     */
    public int readFrame(byte[] target, int offset, int maxLength) {
        Objects.checkFromIndexSize(offset, maxLength, target.length);
        long start = position();
        int length = head(start, maxLength);
        if (length > 0) {
            copy(target, offset, length, start);
        }
        return length;
    }

    /**
     * Reads as many whole frames as fit into a buffer, with one copy from the stream for most bytes:
     * the stream is read straight into {@code target} and the frames are found there. Frames start at
     * {@code offset}, back to back; frame {@code k}'s content is at {@code starts[k]} for {@code
     * lengths[k]} bytes. Bytes read beyond the last whole frame are kept for the next read.
     *
     * <p>A bad frame after at least one good one ends the call before it, so that the caller handles
     * the good ones first; the next call raises the bad frame's error.
     *
     * @param target where the frames go
     * @param offset the first byte of {@code target} written
     * @param capacity bytes of {@code target} from {@code offset} that may be written, at least {@code
     *     maxLength + 9}
     * @param maxFrames the most frames to read, at least 1
     * @param maxLength the largest frame content accepted
     * @param starts receives the content offsets, at least {@code maxFrames} long
     * @param lengths receives the content lengths, at least {@code maxFrames} long
     * @return the number of frames read, at least 1; -1 at the end of the stream (between frames)
     * @throws dev.cairn.errors.MalformedInputException {@link ErrorCode#AUDIT_BUNDLE_MALFORMED} if the
     *     next frame is not a byte string of 1 to {@code maxLength} bytes, or the stream ends inside it
     * @throws InternalException {@link ErrorCode#INTERNAL_IO} if reading fails
     */
    public int readFrames(
            byte[] target, int offset, int capacity, int maxFrames, int maxLength, int[] starts, int[] lengths) {
        Objects.checkFromIndexSize(offset, capacity, target.length);
        if (capacity < maxLength + 9 || maxFrames < 1 || starts.length < maxFrames || lengths.length < maxFrames) {
            throw new IllegalArgumentException("room for one frame of " + maxLength + " bytes and its head");
        }
        long startPosition = position();
        int end = offset + capacity;
        int take = Math.min(limit - pos, capacity);
        System.arraycopy(buffer, pos, target, offset, take);
        pos += take;
        boolean drained = take < capacity;
        int filled = offset + take;
        int cursor = offset;
        int frames = 0;
        try {
            while (frames < maxFrames) {
                filled = fillTo(target, filled, cursor + 1, end);
                if (filled == cursor) {
                    break;
                }
                long at = startPosition + (cursor - offset);
                int headLength = headLength(target[cursor] & 0xff);
                if (cursor + headLength > end) {
                    break;
                }
                filled = fillTo(target, filled, cursor + headLength, end);
                if (filled < cursor + headLength) {
                    throw BundleErrors.malformed("the stream ends inside a frame head", at);
                }
                int length = length(target[cursor] & 0xff, target, cursor + 1, at, maxLength);
                int frameEnd = cursor + headLength + length;
                if (frameEnd > end) {
                    break;
                }
                filled = fillTo(target, filled, frameEnd, end);
                if (filled < frameEnd) {
                    throw BundleErrors.malformed("the stream ends inside a frame of " + length + " bytes", at);
                }
                starts[frames] = cursor + headLength;
                lengths[frames] = length;
                frames++;
                cursor = frameEnd;
            }
        } catch (MalformedInputException e) {
            if (frames == 0) {
                keep(target, cursor, filled, drained, startPosition + (cursor - offset));
                throw e;
            }
        }
        keep(target, cursor, filled, drained, startPosition + (cursor - offset));
        return frames == 0 ? -1 : frames;
    }

    /** Reads from the stream into {@code target} until {@code need} bytes are there, the end, or no more. */
    private int fillTo(byte[] target, int filled, int need, int end) {
        while (filled < need && filled < end) {
            int more = readInto(target, filled, end);
            if (more == filled) {
                return filled;
            }
            filled = more;
        }
        return filled;
    }

    /**
     * Puts back the bytes read beyond the frames handed out, so that the next read starts with them:
     * still in the buffer if it was not drained, else copied into it.
     */
    private void keep(byte[] source, int from, int to, boolean drained, long at) {
        int length = to - from;
        if (!drained) {
            pos -= length;
            return;
        }
        if (buffer.length < length) {
            buffer = new byte[length];
        }
        System.arraycopy(source, from, buffer, 0, length);
        pos = 0;
        limit = length;
        bufferStart = at;
    }

    private int readInto(byte[] target, int from, int end) {
        try {
            int n = in.read(target, from, end - from);
            while (n == 0) {
                n = in.read(target, from, end - from);
            }
            return n < 0 ? from : from + n;
        } catch (IOException e) {
            throw new InternalException(ErrorCode.INTERNAL_IO, "reading the bundle: " + e, e);
        }
    }

    /**
     * Checks that nothing follows: the last item read was the bundle's last.
     *
     * @throws dev.cairn.errors.MalformedInputException {@link ErrorCode#AUDIT_BUNDLE_MALFORMED} if any
     *     byte remains
     */
    public void requireEnd() {
        long at = position();
        if (read() >= 0) {
            throw BundleErrors.malformed("bytes after the trailer", at);
        }
    }

    /** Closes the stream. */
    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new InternalException(ErrorCode.INTERNAL_IO, "closing the bundle: " + e, e);
        }
    }

    private Optional<byte[]> nextFrame(int maxLength) {
        long start = position();
        int length = head(start, maxLength);
        if (length < 0) {
            return Optional.empty();
        }
        byte[] frame = new byte[length];
        copy(frame, 0, length, start);
        return Optional.of(frame);
    }

    private void copy(byte[] target, int offset, int length, long start) {
        for (int done = 0; done < length; ) {
            if (pos == limit && !fill()) {
                throw BundleErrors.malformed("the stream ends inside a frame of " + length + " bytes", start);
            }
            int n = Math.min(length - done, limit - pos);
            System.arraycopy(buffer, pos, target, offset + done, n);
            pos += n;
            done += n;
        }
    }

    /** Reads a frame head: the content length, or -1 at the end of the stream. */
    private int head(long start, int maxLength) {
        int first = read();
        if (first < 0) {
            return -1;
        }
        byte[] argument = new byte[headLength(first) - 1];
        for (int k = 0; k < argument.length; k++) {
            int b = read();
            if (b < 0) {
                throw BundleErrors.malformed("the stream ends inside a frame head", start);
            }
            argument[k] = (byte) b;
        }
        return length(first, argument, 0, start, maxLength);
    }

    /** The bytes of a head whose initial byte is {@code initial}: 1 to 9; 1 for what {@link #length} refuses. */
    private static int headLength(int initial) {
        int info = initial & 0x1f;
        return initial >>> 5 == 2 && info >= 24 && info <= 27 ? 1 + (1 << (info - 24)) : 1;
    }

    /** Checks a byte-string head and returns its content length; its argument bytes are at {@code from}. */
    private static int length(int initial, byte[] argument, int from, long start, int maxLength) {
        if (initial >>> 5 != 2) {
            throw BundleErrors.malformed("a frame is a byte string, got initial byte " + initial, start);
        }
        int info = initial & 0x1f;
        long length;
        if (info < 24) {
            length = info;
        } else if (info <= 27) {
            int bytes = 1 << (info - 24);
            length = 0;
            for (int k = 0; k < bytes; k++) {
                length = length << 8 | (argument[from + k] & 0xff);
            }
            long shortest = bytes == 1 ? 24 : 1L << (4 * bytes);
            if (Long.compareUnsigned(length, shortest) < 0) {
                throw BundleErrors.malformed("frame length " + length + " is not in its shortest form", start);
            }
        } else {
            throw BundleErrors.malformed("frames have definite lengths", start);
        }
        if (length < 1 || Long.compareUnsigned(length, maxLength) > 0) {
            throw BundleErrors.malformed(
                    "frame of " + Long.toUnsignedString(length) + " bytes, want 1 to " + maxLength, start);
        }
        return (int) length;
    }

    private int read() {
        if (pos == limit && !fill()) {
            return -1;
        }
        return buffer[pos++] & 0xff;
    }

    private boolean fill() {
        bufferStart += limit;
        pos = 0;
        limit = 0;
        try {
            int n = in.read(buffer, 0, buffer.length);
            while (n == 0) {
                n = in.read(buffer, 0, buffer.length);
            }
            if (n < 0) {
                return false;
            }
            limit = n;
            return true;
        } catch (IOException e) {
            throw new InternalException(ErrorCode.INTERNAL_IO, "reading the bundle: " + e, e);
        }
    }
}
