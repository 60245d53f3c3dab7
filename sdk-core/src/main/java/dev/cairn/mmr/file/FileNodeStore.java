package dev.cairn.mmr.file;

import dev.cairn.bytes.Bytes;
import dev.cairn.bytes.Digest;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.mmr.NodeStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * A {@link NodeStore} in one append-only file: node {@code i} is the 32 bytes at offset {@code 32 *
 * i}, with no header, so the file is exactly the MMR's linear array. See the package documentation
 * for performance and recovery notes. Not thread-safe; one process holds the file at a time.
 */
public final class FileNodeStore implements NodeStore {
    /** Nodes buffered before a write: 2048 nodes, 64 KiB. */
    private static final int BUFFER_NODES = 2048;

    private final FileChannel channel;
    private final FileLock lock;
    private final byte[] buffer = new byte[BUFFER_NODES * Digest.LENGTH];
    private final ByteBuffer one = ByteBuffer.allocate(Digest.LENGTH);
    private long written;
    private int buffered;
    private boolean closed;

    private FileNodeStore(FileChannel channel, FileLock lock, long written) {
        this.channel = channel;
        this.lock = lock;
        this.written = written;
    }

    /**
     * Opens or creates a node file and takes an exclusive lock on it. A partial node at the end,
     * left by a crash in the middle of a write, is cut off (and the cut made durable), so the store
     * holds the nodes written whole.
     *
     * @param file the node file
     * @return the store, positioned to append after the last whole node
     * @throws InternalException {@code INTERNAL_IO} if the file cannot be opened or truncated; {@code
     *     INTERNAL_STORE_LOCKED} if another open store holds it
     */
    public static FileNodeStore open(Path file) {
        Objects.requireNonNull(file, "file");
        FileChannel channel = null;
        try {
            channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new InternalException(
                        ErrorCode.INTERNAL_STORE_LOCKED, "node file " + file + " is open elsewhere", null);
            }
            long length = channel.size();
            long whole = length - length % Digest.LENGTH;
            if (whole != length) {
                channel.truncate(whole);
                channel.force(true);
            }
            return new FileNodeStore(channel, lock, whole / Digest.LENGTH);
        } catch (IOException e) {
            closeQuietly(channel, e);
            throw new InternalException(ErrorCode.INTERNAL_IO, "open node file " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public long append(Digest node) {
        checkOpen();
        if (buffered == BUFFER_NODES) {
            flush();
        }
        node.bytes().copyTo(buffer, buffered * Digest.LENGTH);
        buffered++;
        return written + buffered - 1;
    }

    @Override
    public Digest get(long index) {
        checkOpen();
        if (index < 0 || index >= written + buffered) {
            throw new MalformedInputException(
                    ErrorCode.MMR_SIZE_INVALID,
                    "node " + index + " outside a store of " + (written + buffered) + " nodes");
        }
        if (index >= written) {
            return new Digest(Bytes.copyOf(buffer, (int) (index - written) * Digest.LENGTH, Digest.LENGTH));
        }
        one.clear();
        try {
            long position = index * Digest.LENGTH;
            while (one.hasRemaining()) {
                if (channel.read(one, position + one.position()) < 0) {
                    throw new IOException("unexpected end of file at node " + index);
                }
            }
        } catch (IOException e) {
            throw io("read node " + index, e);
        }
        return new Digest(Bytes.copyOf(one.array(), 0, Digest.LENGTH));
    }

    @Override
    public long size() {
        checkOpen();
        return written + buffered;
    }

    /** Writes the buffered nodes and forces the file's content to the device. */
    @Override
    public void sync() {
        checkOpen();
        flush();
        try {
            channel.force(false);
        } catch (IOException e) {
            throw io("sync", e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            sync();
        } finally {
            closed = true;
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                throw io("close", e);
            }
        }
    }

    private void flush() {
        if (buffered == 0) {
            return;
        }
        ByteBuffer pending = ByteBuffer.wrap(buffer, 0, buffered * Digest.LENGTH);
        try {
            long position = written * Digest.LENGTH;
            while (pending.hasRemaining()) {
                position += channel.write(pending, position);
            }
        } catch (IOException e) {
            throw io("write", e);
        }
        written += buffered;
        buffered = 0;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("node store is closed");
        }
    }

    private static InternalException io(String what, IOException e) {
        return new InternalException(ErrorCode.INTERNAL_IO, what + ": " + e.getMessage(), e);
    }

    private static void closeQuietly(FileChannel channel, Exception failure) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }
}
