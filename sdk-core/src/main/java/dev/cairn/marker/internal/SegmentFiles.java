package dev.cairn.marker.internal;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The files of one stream directory: segment files named by their first sequence ({@code
 * %020d.seg}), and a {@code LOCK} file held with an OS lock while the stream is open, so that two
 * processes never write one stream.
 *
 * <p>Reads and writes use separate channels: readers may be interrupted (which closes an NIO channel),
 * so a reader's channel is replaced when that happens and the writer's channel is never shared. Every
 * I/O failure becomes an {@link InternalException} with {@link ErrorCode#INTERNAL_IO}, or {@link
 * ErrorCode#MARKER_STORE_CLOSED} once the files are closed.
 */
public final class SegmentFiles implements AutoCloseable {
    /** The largest number of records per segment. */
    public static final int MAX_CAPACITY = 1 << 24;

    private static final String SUFFIX = ".seg";
    private static final int NAME_DIGITS = 20;

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final ConcurrentHashMap<Long, FileChannel> readers = new ConcurrentHashMap<>();
    private final AtomicLong forces = new AtomicLong();
    private FileChannel writer;
    private long writerSegment = -1;
    private volatile boolean closed;

    private SegmentFiles(Path dir, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Opens (creating if needed) a stream directory and takes its lock.
     *
     * @param dir the stream's directory
     * @return the files
     * @throws InternalException {@link ErrorCode#INTERNAL_IO} when the directory cannot be created, or
     *     {@link ErrorCode#INTERNAL_STORE_LOCKED} when another process or store holds the lock
     */
    public static SegmentFiles open(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                syncDirectory(dir.toAbsolutePath().getParent());
            }
            FileChannel lockChannel =
                    FileChannel.open(dir.resolve("LOCK"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                lockChannel.close();
                throw new InternalException(
                        ErrorCode.INTERNAL_STORE_LOCKED, "marker stream " + dir + " is open elsewhere", null);
            }
            return new SegmentFiles(dir, lockChannel, lock);
        } catch (IOException e) {
            throw io("open " + dir, e);
        }
    }

    /**
     * The first sequences of the segment files present, ascending. Other files are ignored.
     *
     * @return the segments' first sequences
     */
    public List<Long> list() {
        List<Long> firsts = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String digits = name.substring(0, name.length() - SUFFIX.length());
                if (digits.length() == NAME_DIGITS && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    firsts.add(Long.parseLong(digits));
                }
            }
        } catch (IOException | UncheckedIOException | NumberFormatException e) {
            throw io("list " + dir, e);
        }
        Collections.sort(firsts);
        return firsts;
    }

    /**
     * The length of a segment file in bytes.
     *
     * @param firstSeq the segment
     * @return its length
     */
    public long length(long firstSeq) {
        try {
            return Files.size(path(firstSeq));
        } catch (IOException e) {
            throw io("size of " + path(firstSeq), e);
        }
    }

    /**
     * Creates a segment: writes its header, forces it, and forces the directory, so that the file and
     * its header are durable before any record is written into it.
     *
     * @param header the new segment's header
     */
    public void create(SegmentHeader header) {
        try {
            FileChannel channel = FileChannel.open(
                    path(header.firstSeq()),
                    StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            switchWriter(header.firstSeq(), channel);
            writeFully(channel, 0, ByteBuffer.wrap(header.encode()));
            channel.force(true);
            syncDirectory(dir);
        } catch (IOException e) {
            throw io("create segment " + header.firstSeq(), e);
        }
    }

    /**
     * Writes bytes into a segment through the writer's channel.
     *
     * @param firstSeq the segment
     * @param position the file position
     * @param src the bytes, from position to limit
     */
    public void write(long firstSeq, long position, ByteBuffer src) {
        try {
            writeFully(writer(firstSeq), position, src);
        } catch (IOException e) {
            throw io("write segment " + firstSeq + " at " + position, e);
        }
    }

    /**
     * Forces a segment's data to the device ({@code fdatasync}).
     *
     * @param firstSeq the segment
     */
    public void force(long firstSeq) {
        try {
            writer(firstSeq).force(false);
            forces.incrementAndGet();
        } catch (IOException e) {
            throw io("force segment " + firstSeq, e);
        }
    }

    /**
     * Cuts a segment file to a length and forces the change.
     *
     * @param firstSeq the segment
     * @param length the new length
     */
    public void truncate(long firstSeq, long length) {
        try {
            FileChannel channel = writer(firstSeq);
            channel.truncate(length);
            channel.force(true);
        } catch (IOException e) {
            throw io("truncate segment " + firstSeq + " to " + length, e);
        }
    }

    /**
     * Deletes a segment file and forces the directory.
     *
     * @param firstSeq the segment
     */
    public void delete(long firstSeq) {
        try {
            if (writerSegment == firstSeq) {
                switchWriter(-1, null);
            }
            FileChannel reader = readers.remove(firstSeq);
            if (reader != null) {
                reader.close();
            }
            Files.delete(path(firstSeq));
            syncDirectory(dir);
        } catch (IOException e) {
            throw io("delete segment " + firstSeq, e);
        }
    }

    /**
     * Reads exactly {@code length} bytes of a segment, or fewer if the file ends first.
     *
     * @param firstSeq the segment
     * @param position the file position
     * @param dst the destination array
     * @param offset where to store the first byte
     * @param length how many bytes to read
     * @return the number of bytes read
     */
    public int read(long firstSeq, long position, byte[] dst, int offset, int length) {
        for (int attempt = 0; ; attempt++) {
            FileChannel channel = reader(firstSeq);
            ByteBuffer buffer = ByteBuffer.wrap(dst, offset, length);
            try {
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer, position + buffer.position() - offset) < 0) {
                        break;
                    }
                }
                return buffer.position() - offset;
            } catch (ClosedByInterruptException e) {
                readers.remove(firstSeq, channel);
                throw new InternalException(ErrorCode.INTERNAL_IO, "read interrupted", e);
            } catch (ClosedChannelException e) {
                readers.remove(firstSeq, channel);
                if (closed || attempt > 2) {
                    throw closedOr(e);
                }
            } catch (IOException e) {
                throw io("read segment " + firstSeq + " at " + position, e);
            }
        }
    }

    /**
     * How many times a segment was forced since opening.
     *
     * @return the count of {@link #force} calls that succeeded
     */
    public long forces() {
        return forces.get();
    }

    /** Closes every channel and releases the lock. */
    @Override
    public void close() {
        closed = true;
        try {
            switchWriter(-1, null);
            for (FileChannel channel : readers.values()) {
                channel.close();
            }
            readers.clear();
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            throw io("close " + dir, e);
        }
    }

    private FileChannel reader(long firstSeq) {
        if (closed) {
            throw closedOr(null);
        }
        return readers.computeIfAbsent(firstSeq, first -> {
            try {
                return FileChannel.open(path(first), StandardOpenOption.READ);
            } catch (IOException e) {
                throw io("open segment " + first, e);
            }
        });
    }

    private FileChannel writer(long firstSeq) throws IOException {
        if (writerSegment != firstSeq) {
            switchWriter(firstSeq, FileChannel.open(path(firstSeq), StandardOpenOption.READ, StandardOpenOption.WRITE));
        }
        return writer;
    }

    private void switchWriter(long firstSeq, FileChannel channel) throws IOException {
        if (writer != null) {
            writer.close();
        }
        writer = channel;
        writerSegment = firstSeq;
    }

    private Path path(long firstSeq) {
        return dir.resolve(String.format("%0" + NAME_DIGITS + "d", firstSeq) + SUFFIX);
    }

    private static void writeFully(FileChannel channel, long position, ByteBuffer src) throws IOException {
        long at = position;
        while (src.hasRemaining()) {
            at += channel.write(src, at);
        }
    }

    /** Forces a directory's entries (file creation, deletion) to the device. */
    static void syncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private InternalException closedOr(Exception cause) {
        return new InternalException(ErrorCode.MARKER_STORE_CLOSED, "marker stream " + dir + " is closed", cause);
    }

    private static InternalException io(String what, Exception cause) {
        return new InternalException(ErrorCode.INTERNAL_IO, what + ": " + cause, cause);
    }
}
