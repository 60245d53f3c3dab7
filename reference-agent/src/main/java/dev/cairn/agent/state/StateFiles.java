package dev.cairn.agent.state;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.errors.VerificationException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The file operations of the state directory: owner-only creation, fsync of files and directories,
 * atomic replacement, bounded reads that refuse links and files open to group or others.
 */
final class StateFiles {
    static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> DIRECTORY_MODE = PosixFilePermissions.fromString("rwx------");

    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);

    private StateFiles() {}

    /** Creates a directory {@code rwx------}; the parent must exist. */
    static void createDirectory(Path dir) throws IOException {
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY_MODE));
    }

    /** Creates a file that must not exist, {@code rw-------} from the first byte, writes it and fsyncs it. */
    static void writeNew(Path file, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(
                file,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(FILE_MODE))) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    /**
     * Replaces {@code dir/name} atomically: a temporary file {@code name.tmp} is written and fsynced,
     * renamed over the name, and the directory fsynced. A reader sees the old or the new content, never
     * a mix; after a crash the name holds one of the two.
     */
    static void replace(Path dir, String name, byte[] content, Runnable beforeRename) throws IOException {
        Path temp = dir.resolve(name + ".tmp");
        Files.deleteIfExists(temp);
        writeNew(temp, content);
        beforeRename.run();
        Files.move(temp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(dir);
    }

    /** Makes a directory's entries durable (fsync of the directory itself). */
    static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /**
     * Reads a whole regular file of at most {@code max} bytes, refusing symbolic links and permissions
     * beyond the owner.
     *
     * @throws VerificationException {@link ErrorCode#AGENT_STATE_INCOMPLETE} if it does not exist,
     *     {@link ErrorCode#AGENT_STATE_PERMISSIONS} if group or others have any permission
     * @throws dev.cairn.errors.MalformedInputException {@link ErrorCode#AGENT_STATE_MALFORMED} if it is
     *     not a regular file or is longer than {@code max}
     */
    static byte[] read(Path file, int max) {
        try {
            BasicFileAttributes attributes =
                    Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                throw Invalid.file(name(file), "not a regular file", null);
            }
            checkOwnerOnly(file);
            try (SeekableByteChannel channel =
                    Files.newByteChannel(file, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
                ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), (long) max) + 1);
                while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                    // read until full or end of file
                }
                if (buffer.position() > max) {
                    throw Invalid.file(name(file), "longer than " + max + " bytes", null);
                }
                byte[] out = new byte[buffer.position()];
                buffer.flip().get(out);
                return out;
            }
        } catch (NoSuchFileException e) {
            throw missing(file);
        } catch (IOException e) {
            throw io("read " + file, e);
        }
    }

    /** Checks that group and others have no permission on a file or directory. */
    static void checkOwnerOnly(Path path) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        if (permissions.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("expected", "no permission for group and others");
            details.put("found", PosixFilePermissions.toString(permissions));
            details.put("file", path.toString());
            throw new VerificationException(
                    ErrorCode.AGENT_STATE_PERMISSIONS,
                    path + " has mode " + PosixFilePermissions.toString(permissions) + ", want owner-only",
                    details,
                    null);
        }
    }

    /** Deletes a file, or a directory and everything in it; links are deleted, never followed. */
    static void deleteRecursively(Path path) throws IOException {
        if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(path);
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static VerificationException missing(Path file) {
        return new VerificationException(
                ErrorCode.AGENT_STATE_INCOMPLETE, file + " is missing", Map.of("file", file.toString()), null);
    }

    static InternalException io(String what, IOException e) {
        return new InternalException(ErrorCode.INTERNAL_IO, what + ": " + e.getMessage(), e);
    }

    private static String name(Path file) {
        Path parent = file.getParent();
        Path name = file.getFileName();
        return parent == null || parent.getFileName() == null
                ? String.valueOf(name)
                : parent.getFileName() + "/" + name;
    }
}
