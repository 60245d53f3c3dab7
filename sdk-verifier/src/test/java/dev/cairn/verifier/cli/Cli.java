package dev.cairn.verifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.cbor.Cbor;
import dev.cairn.keys.VerificationKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.LongSupplier;

/** Runs {@code cairn-verify} in this JVM through its main entry point, on captured streams. */
final class Cli {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Cli() {}

    /** One run: its exit code and what it printed. */
    record Run(int exit, String out, String err) {
        /** Every line of standard output as JSON. */
        List<JsonNode> json() {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : out.split("\n")) {
                if (!line.isBlank()) {
                    try {
                        lines.add(JSON.readTree(line));
                    } catch (IOException e) {
                        throw new AssertionError("not JSON: " + line, e);
                    }
                }
            }
            return lines;
        }

        /** The one JSON result. */
        JsonNode only() {
            List<JsonNode> lines = json();
            assertEquals(1, lines.size(), out);
            return lines.get(0);
        }

        /** The code of the one JSON result. */
        String code() {
            return only().path("code").asText();
        }

        /** Asserts the exit code, showing the output when it differs. */
        Run expect(int code) {
            assertEquals(code, exit, () -> "stdout:\n" + out + "\nstderr:\n" + err);
            return this;
        }

        /** Asserts the exit code and the code of the one JSON result. */
        Run expect(int exitCode, String code) {
            expect(exitCode);
            assertEquals(code, code(), out);
            return this;
        }

        @Override
        public String toString() {
            return "exit " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    static Run run(String... args) {
        return run(new byte[0], args);
    }

    static Run run(byte[] stdin, String... args) {
        return run(stdin, false, System::nanoTime, args);
    }

    static Run run(byte[] stdin, boolean terminal, LongSupplier nanoTime, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = CairnVerify.run(new Console(new ByteArrayInputStream(stdin), o, e, terminal, nanoTime), args);
        }
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static String write(Path dir, String name, byte[] content) {
        try {
            Path file = dir.resolve(name);
            Files.write(file, content);
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String write(Path dir, String name, String content) {
        return write(dir, name, content.getBytes(StandardCharsets.UTF_8));
    }

    static String writeHex(Path dir, String name, byte[] content) {
        return write(dir, name, HexFormat.of().formatHex(content) + "\n");
    }

    static String writeKey(Path dir, String name, VerificationKey key) {
        return write(dir, name, Cbor.encode(key.toCoseKey()));
    }

    static byte[] flip(byte[] bytes, int index) {
        byte[] copy = bytes.clone();
        copy[index] ^= 0x01;
        return copy;
    }
}
