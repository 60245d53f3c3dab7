package dev.cairn.agent.host;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.errors.MalformedInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Optional;

/** Reads one identifier file: absent when missing or unreadable, bounded, one line of ASCII. */
final class SourceFile {
    /** Largest identifier file read; sysfs reports 4096 for every file, so the size is not asked. */
    static final int MAX_BYTES = 4096;

    private SourceFile() {}

    /**
     * The file's one line, without its line feed.
     *
     * @return empty if the file does not exist or this process may not read it
     * @throws MalformedInputException {@link ErrorCode#AGENT_HOST_ID_MALFORMED} if it is longer than
     *     {@link #MAX_BYTES}, not ASCII, or more than one line
     */
    static Optional<String> readLine(Path file) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException | NotDirectoryException | AccessDeniedException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new InternalException(ErrorCode.INTERNAL_IO, "read " + file + ": " + e.getMessage(), e);
        }
        if (bytes.length > MAX_BYTES) {
            throw malformed(file, "more than " + MAX_BYTES + " bytes");
        }
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\n' ? bytes.length - 1 : bytes.length;
        for (int i = 0; i < length; i++) {
            if (bytes[i] < 0x20 || bytes[i] > 0x7e) {
                throw malformed(
                        file,
                        "byte 0x" + Integer.toHexString(bytes[i] & 0xff) + " at " + i
                                + ", want one line of printable ASCII");
            }
        }
        return Optional.of(new String(bytes, 0, length, StandardCharsets.US_ASCII));
    }

    static MalformedInputException malformed(Path file, String message) {
        return new MalformedInputException(ErrorCode.AGENT_HOST_ID_MALFORMED, file + ": " + message);
    }
}
