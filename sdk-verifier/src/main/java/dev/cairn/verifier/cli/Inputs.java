package dev.cairn.verifier.cli;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.trust.keyfile.KeyFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Reads a command's input files ({@code spec/verifier-cli.md}, "Input files"). {@code -} names
 * standard input, at most once per run. A file that cannot be opened, or is larger than {@link
 * #MAX_BYTES}, is a usage error (exit 2); an I/O failure while reading is an internal one (exit 3).
 *
 * <p>Binary inputs (COSE_Sign1 messages, full receipts, COSE_Keys, CBOR proofs and revocation
 * entries, CSRs) may be given as their lowercase hex encoding instead: a file whose content,
 * without trailing white space, is a non-empty, even number of the characters {@code 0-9 a-f}. No
 * binary input of these kinds consists of such bytes only, so the two forms cannot be confused.
 */
final class Inputs {
    /** Largest input read whole, in bytes. */
    static final int MAX_BYTES = 16 << 20;

    /** The name of standard input. */
    static final String STDIN = "-";

    private final Console console;
    private final CommandSpec spec;
    private boolean stdinUsed;

    Inputs(Console console, CommandSpec spec) {
        this.console = console;
        this.spec = spec;
    }

    /**
     * The content of a binary input, hex-decoded if it is hex text.
     *
     * @param name a path, or {@code -}
     * @return the bytes
     */
    byte[] binary(String name) {
        return decodeHex(bytes(name));
    }

    /**
     * The raw content of an input.
     *
     * @param name a path, or {@code -}
     * @return the bytes
     */
    byte[] bytes(String name) {
        try (InputStream in = stream(name)) {
            byte[] content = in.readNBytes(MAX_BYTES + 1);
            if (content.length > MAX_BYTES) {
                throw usage(name + " is larger than " + MAX_BYTES + " bytes");
            }
            return content;
        } catch (IOException e) {
            throw new InternalException(ErrorCode.INTERNAL_IO, "reading " + name + ": " + e, e);
        }
    }

    /**
     * The certificates of a PEM file, in file order ({@code CERTIFICATE} blocks, leaf first).
     *
     * @param name a path; standard input is not accepted here
     * @return the certificates
     */
    List<X509Certificate> certificates(String name) {
        if (STDIN.equals(name)) {
            throw usage("certificates are read from a file, not from standard input");
        }
        return KeyFiles.readCertificates(readable(name));
    }

    /**
     * Opens an input for streaming.
     *
     * @param name a path, or {@code -}
     * @return the stream; the caller closes it
     */
    InputStream stream(String name) {
        if (STDIN.equals(name)) {
            if (stdinUsed) {
                throw usage("standard input (-) can be read only once");
            }
            stdinUsed = true;
            return console.in();
        }
        try {
            return Files.newInputStream(readable(name));
        } catch (IOException e) {
            throw usage("cannot read " + name + ": " + e.getMessage());
        }
    }

    /**
     * The size of an input.
     *
     * @param name a path, or {@code -}
     * @return its size in bytes, or -1 for standard input
     */
    long size(String name) {
        if (STDIN.equals(name)) {
            return -1;
        }
        try {
            return Files.size(readable(name));
        } catch (IOException e) {
            throw usage("cannot read " + name + ": " + e.getMessage());
        }
    }

    /**
     * The readable file an input names, or empty for standard input (which is then taken, as by
     * {@link #stream}).
     *
     * @param name a path, or {@code -}
     * @return the file
     */
    Optional<Path> file(String name) {
        if (STDIN.equals(name)) {
            if (stdinUsed) {
                throw usage("standard input (-) can be read only once");
            }
            return Optional.empty();
        }
        return Optional.of(readable(name));
    }

    private Path readable(String name) {
        Path path = Path.of(name);
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw usage("cannot read " + name + ": not a readable file");
        }
        return path;
    }

    /**
     * Decodes hex text, or returns the bytes unchanged if they are not hex text.
     *
     * @param content the file's content
     * @return the bytes it stands for
     */
    static byte[] decodeHex(byte[] content) {
        int end = content.length;
        while (end > 0 && isSpace(content[end - 1])) {
            end--;
        }
        if (end == 0 || end % 2 != 0) {
            return content;
        }
        for (int i = 0; i < end; i++) {
            byte b = content[i];
            if (!((b >= '0' && b <= '9') || (b >= 'a' && b <= 'f'))) {
                return content;
            }
        }
        return HexFormat.of()
                .parseHex(new String(Arrays.copyOf(content, end), java.nio.charset.StandardCharsets.US_ASCII));
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
