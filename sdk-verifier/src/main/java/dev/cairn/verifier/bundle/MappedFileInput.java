package dev.cairn.verifier.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file read through the page cache's own pages: the file is mapped read-only in windows of {@link
 * #WINDOW} bytes and each read copies from the mapping into the caller's array, one copy instead of
 * the two a stream over the file makes (kernel to a temporary buffer, buffer to the array). For an
 * audit bundle of hundreds of megabytes that is tens of milliseconds of the reading thread's CPU,
 * which the verification workers share the cores with. The size is the file's size when opened; a
 * file that shrinks while it is read is reported as an {@link IOException}, never a crash.
 */
final class MappedFileInput extends InputStream {
    /** Bytes mapped at once. */
    static final long WINDOW = 64L << 20;

    private final FileChannel channel;
    private final long size;
    private final long windowSize;
    private long windowStart;
    private MappedByteBuffer window;

    MappedFileInput(Path file) throws IOException {
        this(file, WINDOW);
    }

    MappedFileInput(Path file, long windowSize) throws IOException {
        if (windowSize < 1 || windowSize > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("window of " + windowSize + " bytes");
        }
        this.windowSize = windowSize;
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.size = channel.size();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (window == null || !window.hasRemaining()) {
            long next = window == null ? 0 : windowStart + window.capacity();
            if (next >= size) {
                return -1;
            }
            window = channel.map(FileChannel.MapMode.READ_ONLY, next, Math.min(windowSize, size - next));
            windowStart = next;
        }
        int n = Math.min(len, window.remaining());
        try {
            window.get(b, off, n);
        } catch (InternalError e) {
            // The JVM's report of a fault in a mapped page: the file was truncated under the reader.
            throw new IOException("the file changed while it was read: " + e.getMessage(), e);
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        window = null;
        channel.close();
    }
}
