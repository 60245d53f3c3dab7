package dev.cairn.audit;

import dev.cairn.bytes.Digest;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.marker.Marker;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Writes an audit bundle to a stream ({@code spec/audit-bundle.md}): the header, then the range's
 * entries in sequence order, then the trailer. Memory stays bounded whatever the range: the writer
 * keeps the header bytes and the last marker only.
 *
 * <p>The writer refuses what would make a bundle no verifier accepts: an entry out of sequence, one
 * whose {@code prev_hash} is not the previous marker's hash (the anchor's for the first), a time that
 * goes back, or a trailer before {@code count} entries. It does not check the header's proofs or
 * signatures; {@link AuditBundleExporter} builds headers that hold. Output is buffered; {@link
 * #finish()} flushes it. The stream is not closed. Not thread-safe.
 */
public final class AuditBundleWriter {
    private final OutputStream out;
    private final AuditBundleHeader header;
    private final byte[] headerItem;
    private long written;
    private Digest head;
    private long headTime;
    private boolean finished;

    private AuditBundleWriter(OutputStream out, AuditBundleHeader header) {
        this.out = new BufferedOutputStream(out, 64 << 10);
        this.header = header;
        this.headerItem = header.encode();
        this.head = header.anchor().map(a -> a.marker().hash()).orElse(Marker.GENESIS_PREV_HASH);
        this.headTime = header.anchor().map(a -> a.marker().timeMillis()).orElse(0L);
    }

    /**
     * Starts a bundle: writes its header.
     *
     * @param out where the bundle goes
     * @param header the header
     * @return the writer, expecting the entry at {@code header.first()}
     * @throws IllegalArgumentException if the header item exceeds {@link AuditBundleFormat#MAX_HEADER_BYTES}
     * @throws InternalException {@link ErrorCode#INTERNAL_IO} if writing fails
     */
    public static AuditBundleWriter start(OutputStream out, AuditBundleHeader header) {
        AuditBundleWriter writer = new AuditBundleWriter(Objects.requireNonNull(out, "out"), header);
        if (writer.headerItem.length > AuditBundleFormat.MAX_HEADER_BYTES) {
            throw new IllegalArgumentException("header of " + writer.headerItem.length + " bytes, want at most "
                    + AuditBundleFormat.MAX_HEADER_BYTES);
        }
        writer.frame(writer.headerItem);
        return writer;
    }

    /**
     * Writes the next entry.
     *
     * @param entry the entry of sequence {@code first + entries written so far}
     * @throws IllegalArgumentException if the entry is not the next one of the chain
     * @throws IllegalStateException if the range is complete or the bundle finished
     * @throws InternalException {@link ErrorCode#INTERNAL_IO} if writing fails
     */
    public void write(AuditBundleEntry entry) {
        Objects.requireNonNull(entry, "entry");
        if (finished || written == header.count()) {
            throw new IllegalStateException("the range of " + header.count() + " entries is complete");
        }
        Marker marker = entry.marker();
        long want = header.first() + written;
        if (marker.seq() != want) {
            throw new IllegalArgumentException("entry " + marker.seq() + ", want " + want);
        }
        if (!marker.prevHash().equals(head) || marker.timeMillis() < headTime) {
            throw new IllegalArgumentException("marker " + want + " does not link to the marker before it");
        }
        byte[] item = entry.encode();
        if (item.length > AuditBundleFormat.MAX_ENTRY_BYTES) {
            throw new IllegalArgumentException(
                    "entry of " + item.length + " bytes, want at most " + AuditBundleFormat.MAX_ENTRY_BYTES);
        }
        frame(item);
        written++;
        head = marker.hash();
        headTime = marker.timeMillis();
    }

    /**
     * Writes the trailer and flushes.
     *
     * @return the trailer written
     * @throws IllegalStateException unless exactly {@code count} entries were written, once
     * @throws InternalException {@link ErrorCode#INTERNAL_IO} if writing fails
     */
    public AuditBundleTrailer finish() {
        if (finished || written != header.count()) {
            throw new IllegalStateException(
                    "wrote " + written + " of " + header.count() + " entries" + (finished ? ", already finished" : ""));
        }
        AuditBundleTrailer trailer = new AuditBundleTrailer(written, AuditBundleTrailer.digest(headerItem, head));
        frame(trailer.encode());
        finished = true;
        try {
            out.flush();
        } catch (IOException e) {
            throw io(e);
        }
        return trailer;
    }

    private void frame(byte[] item) {
        try {
            out.write(frameHead(item.length));
            out.write(item);
        } catch (IOException e) {
            throw io(e);
        }
    }

    /** The canonical head of a byte string of {@code length} bytes. */
    static byte[] frameHead(int length) {
        if (length < 24) {
            return new byte[] {(byte) (0x40 | length)};
        }
        if (length < 0x100) {
            return new byte[] {0x58, (byte) length};
        }
        if (length < 0x10000) {
            return new byte[] {0x59, (byte) (length >>> 8), (byte) length};
        }
        return new byte[] {0x5a, (byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length};
    }

    private static InternalException io(IOException e) {
        return new InternalException(ErrorCode.INTERNAL_IO, "writing the bundle: " + e, e);
    }
}
