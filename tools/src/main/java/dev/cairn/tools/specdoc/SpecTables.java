package dev.cairn.tools.specdoc;

import dev.cairn.errors.ErrorCode;
import dev.cairn.hash.HashDomain;
import dev.cairn.server.http.ErrorStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Tables in {@code spec/} that are generated from code, so the normative text and the registry can
 * never drift: the error registry in {@code errors.md}, the hash domains in {@code hashing.md}, and
 * the HTTP status of every error code in {@code http-api.md} (the reference server's {@code
 * ErrorStatus}).
 * Each table sits between a {@code BEGIN GENERATED} and an {@code END GENERATED} marker line.
 */
public final class SpecTables {
    private static final String BEGIN = "<!-- BEGIN GENERATED: ./cairn generate -->";
    private static final String END = "<!-- END GENERATED -->";
    private static final Map<String, Supplier<String>> TABLES = Map.of(
            "errors.md",
            SpecTables::errorTable,
            "hashing.md",
            SpecTables::hashTable,
            "http-api.md",
            ErrorStatus::markdownTable);

    private SpecTables() {}

    /**
     * Lists the spec files whose generated table differs from the code.
     *
     * @param specDir the {@code spec/} directory
     * @return file names that are stale, empty when all agree
     */
    public static List<String> stale(Path specDir) {
        List<String> stale = new ArrayList<>();
        TABLES.forEach((file, table) -> {
            String text = read(specDir.resolve(file));
            if (!text.equals(splice(file, text, table.get()))) {
                stale.add(file);
            }
        });
        return stale.stream().sorted().toList();
    }

    /**
     * Rewrites the generated tables in place.
     *
     * @param specDir the {@code spec/} directory
     */
    public static void update(Path specDir) {
        TABLES.forEach((file, table) -> {
            Path path = specDir.resolve(file);
            try {
                Files.writeString(path, splice(file, read(path), table.get()), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static String errorTable() {
        StringBuilder out = new StringBuilder("| code | family | retryable | retry_after | recovery hint |\n");
        out.append("|---|---|---|---|---|\n");
        for (ErrorCode code : ErrorCode.values()) {
            out.append("| `")
                    .append(code.name())
                    .append("` | ")
                    .append(code.family())
                    .append(" | ")
                    .append(code.retryable() ? "yes" : "no")
                    .append(" | ")
                    .append(code.retryAfter().map(d -> d.toSeconds() + " s").orElse("-"))
                    .append(" | ")
                    .append(code.hint().replace("|", "\\|"))
                    .append(" |\n");
        }
        return out.toString();
    }

    static String hashTable() {
        StringBuilder out = new StringBuilder("| domain | tag | framed prefix (hex) |\n|---|---|---|\n");
        for (HashDomain domain : HashDomain.values()) {
            byte[] tag = domain.tag().getBytes(StandardCharsets.US_ASCII);
            StringBuilder prefix = new StringBuilder(String.format("%02x", tag.length));
            for (byte b : tag) {
                prefix.append(String.format("%02x", b));
            }
            out.append("| `")
                    .append(domain.name())
                    .append("` | `")
                    .append(domain.tag())
                    .append("` | `")
                    .append(prefix)
                    .append("` |\n");
        }
        return out.toString();
    }

    private static String splice(String file, String text, String table) {
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException(file + " lacks the generated-table markers");
        }
        return text.substring(0, begin + BEGIN.length()) + "\n" + table + text.substring(end);
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
