package dev.cairn.verifier.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * The streams a run of {@code cairn-verify} uses, injectable for tests: standard input for {@code
 * -}, standard output for results, standard error for usage errors and progress.
 *
 * @param in standard input
 * @param out standard output
 * @param err standard error
 * @param stderrIsTerminal whether standard error is a terminal (progress is then shown by default)
 * @param nanoTime the monotonic clock progress rates are measured with
 */
record Console(InputStream in, PrintStream out, PrintStream err, boolean stderrIsTerminal, LongSupplier nanoTime) {
    /**
     * The process's own streams.
     *
     * @return the console of {@code System}
     */
    static Console system() {
        return new Console(System.in, System.out, System.err, detectTerminal(), System::nanoTime);
    }

    /**
     * Injected streams, standard error not a terminal.
     *
     * @param in standard input
     * @param out standard output
     * @param err standard error
     * @return the console
     */
    static Console of(InputStream in, PrintStream out, PrintStream err) {
        return new Console(in, out, err, false, System::nanoTime);
    }

    /**
     * Whether file descriptor 2 is a terminal: on Linux, read from {@code /proc/self/fd/2}; elsewhere,
     * whether the JVM has a console (standard input and output are terminals).
     */
    private static boolean detectTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }
}
