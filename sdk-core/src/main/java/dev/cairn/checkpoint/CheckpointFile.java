package dev.cairn.checkpoint;

import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborLimits;
import dev.cairn.cbor.CborMap;
import dev.cairn.cose.CoseSign1;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The newest checkpoint of a log, kept as one file ({@code checkpoint.cose}) that is replaced
 * atomically: write a temporary file, fsync it, rename it over the old one, fsync the directory.
 * A reader sees the previous complete checkpoint or the new complete one, never a torn or not yet
 * durable one. Publication is monotonic: a checkpoint of smaller size or earlier time than the
 * published one is refused.
 *
 * <p>Thread-safe within one process; one process publishes per directory.
 */
public final class CheckpointFile {
    /** Name of the file that holds the newest checkpoint. */
    public static final String NAME = "checkpoint.cose";

    private final Path directory;
    private final Path file;

    /**
     * Opens (creating if needed) a checkpoint directory.
     *
     * @param directory where {@code checkpoint.cose} lives
     */
    public CheckpointFile(Path directory) {
        this.directory = directory;
        this.file = directory.resolve(NAME);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw io("create " + directory, e);
        }
    }

    /**
     * Publishes a signed checkpoint durably and atomically.
     *
     * @param checkpoint the state the signed bytes carry
     * @param signed the encoded COSE_Sign1 of {@code checkpoint}
     * @throws IllegalArgumentException if it would move the published state backwards
     * @throws InternalException {@link ErrorCode#INTERNAL_IO} if the file system fails
     */
    public synchronized void publish(Checkpoint checkpoint, byte[] signed) {
        latestCheckpoint().ifPresent(current -> {
            if (checkpoint.size() < current.size() || checkpoint.time().isBefore(current.time())) {
                throw new IllegalArgumentException(
                        "checkpoint of size " + checkpoint.size() + " at " + checkpoint.time()
                                + " would replace the newer size " + current.size() + " at " + current.time());
            }
        });
        Path temp = directory.resolve(NAME + ".tmp");
        try {
            try (FileChannel out = FileChannel.open(
                    temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(signed);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
                dir.force(true);
            }
        } catch (IOException e) {
            throw io("publish " + file, e);
        }
    }

    /**
     * Reads the published signed checkpoint, unverified.
     *
     * @return the encoded COSE_Sign1, or empty if none was published
     */
    public Optional<byte[]> latest() {
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw io("read " + file, e);
        }
    }

    private Optional<Checkpoint> latestCheckpoint() {
        return latest().map(bytes -> {
            CoseSign1 message = CoseSign1.decode(bytes, CborLimits.DEFAULT);
            byte[] payload = message.payload().orElseThrow().toByteArray();
            return Checkpoint.fromCbor((CborMap) Cbor.decode(payload));
        });
    }

    private static InternalException io(String what, IOException e) {
        return new InternalException(ErrorCode.INTERNAL_IO, what + ": " + e, e);
    }
}
