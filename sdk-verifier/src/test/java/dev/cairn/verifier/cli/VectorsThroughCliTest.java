package dev.cairn.verifier.cli;

import static dev.cairn.verifier.cli.ProofDocs.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.errors.ErrorCode;
import dev.cairn.verifier.cli.VectorArguments.NotRepresentable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every golden vector through {@code cairn-verify}'s main. {@code vectors DIR} checks the whole tree;
 * copies of it with one vector broken must fail and name that vector. Besides, every vector of a kind
 * another subcommand verifies runs through that subcommand's options ({@link VectorArguments}):
 * accept vectors exit 0, reject vectors exit 1 (REJECTED codes) or 2 (MALFORMED_INPUT codes) and
 * print their {@code error} code. The vectors no other subcommand can express are checked by {@code
 * vectors} only, which must hold them all.
 */
class VectorsThroughCliTest {
    /** The repository's vectors, from the module directory. */
    static final Path VECTORS = Path.of("..", "vectors").toAbsolutePath().normalize();

    /** Kinds (trust vectors by type) that another subcommand than {@code vectors} verifies. */
    private static final Set<String> SUBCOMMAND_KINDS = Set.of(
            "checkpoint",
            "cose-receipt",
            "mmr",
            "receipt",
            "trust/bundle",
            "trust/csr",
            "trust/peer",
            "trust/revocation-head");

    @TempDir
    Path dir;

    // --- the vectors subcommand ---

    @Test
    void theVectorsCommandHoldsEveryVectorFile() {
        List<String> files = vectorFiles(VECTORS);
        Cli.Run run = Cli.run("vectors", "--json", VECTORS.toString()).expect(0);
        List<JsonNode> lines = run.json();
        List<JsonNode> vectors = lines.subList(0, lines.size() - 1);
        JsonNode summary = lines.get(lines.size() - 1);
        assertEquals(files, vectors.stream().map(v -> v.path("file").asText()).toList());
        vectors.forEach(v -> assertEquals("valid", v.path("status").asText(), v.toString()));
        assertEquals("vectors", summary.path("what").asText());
        assertEquals("valid", summary.path("status").asText());
        assertEquals(files.size(), summary.path("vectors").asInt());
        assertEquals(files.size(), summary.path("held").asInt());
        assertTrue(files.size() > 390, "vectors found: " + files.size());

        Cli.Run text = Cli.run("vectors", VECTORS.toString()).expect(0);
        List<String> textLines = text.out().lines().toList();
        assertEquals(files.size() + 1, textLines.size());
        assertTrue(
                textLines.get(textLines.size() - 1).startsWith("VALID vectors: " + files.size() + " vectors checked"));
    }

    @Test
    void aChangedErrorCodeFailsAndNamesTheVector() {
        String file = "cbor/reject/truncated-head.json";
        Path copy = copyOfVectors();
        edit(copy, file, text -> text.replace("\"CBOR_TRUNCATED\"", "\"CBOR_TRAILING_BYTES\""));
        JsonNode failed = failureOf(copy, file, 1);
        assertEquals("failed", failed.path("status").asText());
        assertEquals("CBOR_TRAILING_BYTES", failed.path("wanted").asText());
        assertEquals("CBOR_TRUNCATED", failed.path("got").asText());
        assertTrue(Cli.run("vectors", copy.toString()).expect(1).out().contains("FAILED " + file + ": "));

        edit(
                copy,
                file,
                text -> text.replace("\"CBOR_TRAILING_BYTES\"", "\"CBOR_TRUNCATED\"")
                        .replace("\"offset\" : 0", "\"offset\" : 1"));
        JsonNode offset = failureOf(copy, file, 1);
        assertEquals("CBOR_TRUNCATED", offset.path("got").asText());
        assertEquals("offset 0, want 1", offset.path("differed").asText());
    }

    @Test
    void anAcceptVectorWithMutatedBytesFails() {
        Path copy = copyOfVectors();
        String file = "cose/accept/ed25519-attached.json";
        JsonNode v = read(copy.resolve(file));
        String message = v.path("message").asText();
        String mutated = message.substring(0, message.length() - 1) + (message.endsWith("0") ? "1" : "0");
        ((ObjectNode) v).put("message", mutated);
        write(copy.resolve(file), v.toPrettyString());
        JsonNode failed = failureOf(copy, file, 1);
        assertEquals("accept", failed.path("wanted").asText());
        assertEquals(ErrorCode.COSE_BAD_SIGNATURE.name(), failed.path("got").asText());
    }

    @Test
    void anUnknownKindFailsRatherThanBeingSkipped() {
        Path copy = copyOfVectors();
        String file = "frobnicate/accept/something.json";
        write(
                copy.resolve(file),
                "{\"format\": 1, \"kind\": \"frobnicate\", \"name\": \"something\", \"description\": \"?\","
                        + " \"expect\": \"accept\"}");
        JsonNode failed = failureOf(copy, file, 1);
        assertEquals("frobnicate", failed.path("kind").asText());
        assertTrue(failed.path("differed").asText().startsWith("unknown kind frobnicate"), failed.toString());
    }

    @Test
    void aMalformedVectorFileIsExit2() {
        Path copy = copyOfVectors();
        String file = "cbor/accept/uint-23.json";
        write(copy.resolve(file), "{\"format\": 1, \"kind\": \"cbor\",");
        JsonNode malformed = failureOf(copy, file, 2);
        assertEquals("malformed", malformed.path("status").asText());
        assertTrue(malformed.path("differed").asText().startsWith("not JSON"), malformed.toString());
    }

    @Test
    void aFileWhoseFieldsContradictItsPathIsMalformed() {
        Path copy = copyOfVectors();
        String file = "cose/accept/ed25519-attached.json";
        edit(copy, file, text -> text.replace("\"expect\" : \"accept\"", "\"expect\" : \"reject\""));
        failureOf(copy, file, 2);
    }

    @Test
    void aTreeWithoutVectorsIsAUsageError() {
        Cli.Run run = Cli.run("vectors", dir.toString()).expect(2);
        assertTrue(run.err().contains("no vector files"), run.err());
        Cli.run("vectors", dir.resolve("missing").toString()).expect(2);
    }

    @Test
    void progressGoesToStandardErrorOnly() {
        AtomicLong clock = new AtomicLong();
        Cli.Run run = Cli.run(
                        new byte[0], true, () -> clock.addAndGet(50_000_000L), "vectors", "--json", VECTORS.toString())
                .expect(0);
        assertTrue(run.err().contains("vectors ["), run.err());
        run.json().forEach(line -> assertTrue(line.has("status"), line.toString()));
    }

    // --- every vector of a kind another subcommand verifies, through that subcommand ---

    @Test
    void everyVectorGivesItsExitCodeAndItsErrorThroughItsSubcommand() throws IOException {
        Map<String, Integer> covered = new TreeMap<>();
        Set<String> onlyThroughVectors = new TreeSet<>();
        List<String> failures = new ArrayList<>();
        VectorArguments arguments = new VectorArguments(dir, VECTORS);
        for (String name : vectorFiles(VECTORS)) {
            JsonNode v = read(VECTORS.resolve(name));
            String kind = v.path("kind").asText();
            String key = "trust".equals(kind) ? "trust/" + v.path("type").asText() : kind;
            if (!SUBCOMMAND_KINDS.contains(key)) {
                onlyThroughVectors.add(name);
                continue;
            }
            try {
                String problem = check(v, arguments);
                covered.merge(key, 1, Integer::sum);
                if (problem != null) {
                    failures.add(name + ": " + problem);
                }
            } catch (NotRepresentable e) {
                onlyThroughVectors.add(name);
            }
        }
        assertEquals(List.of(), failures, String.join("\n", failures));
        assertEquals(SUBCOMMAND_KINDS, covered.keySet());
        assertTrue(covered.values().stream().mapToInt(Integer::intValue).sum() > 200, covered.toString());

        Set<String> heldByVectors = new TreeSet<>();
        for (JsonNode line :
                Cli.run("vectors", "--json", VECTORS.toString()).expect(0).json()) {
            if ("vector".equals(line.path("what").asText())
                    && "valid".equals(line.path("status").asText())) {
                heldByVectors.add(line.path("file").asText());
            }
        }
        Set<String> unchecked = new TreeSet<>(onlyThroughVectors);
        unchecked.removeAll(heldByVectors);
        assertEquals(Set.of(), unchecked, "vectors no subcommand checked");
    }

    /** Runs one vector through its subcommand; returns what differed, or null. */
    private static String check(JsonNode v, VectorArguments arguments) throws NotRepresentable {
        List<String> args = new ArrayList<>(List.of(VectorArguments.command(v), "--json"));
        args.addAll(arguments.arguments(v));
        Cli.Run run = Cli.run(args.toArray(String[]::new));
        List<JsonNode> lines;
        try {
            lines = run.json();
        } catch (AssertionError e) {
            return "output is not JSON lines: " + run;
        }
        if ("accept".equals(v.path("expect").asText())) {
            if (run.exit() != 0 || lines.isEmpty()) {
                return "exit " + run.exit() + ", want 0: " + run.out() + run.err();
            }
            return VectorReports.accepted(v, lines);
        }
        ErrorCode want = ErrorCode.valueOf(v.path("error").asText());
        int exit = ExitCode.of(want.family());
        if (run.exit() != exit || lines.size() != 1) {
            return "exit " + run.exit() + ", want " + exit + " with " + want + ": " + run.out() + run.err();
        }
        String got = lines.get(0).path("code").asText();
        return got.equals(want.name()) ? null : "printed " + got + ", want " + want;
    }

    // --- helpers ---

    /** Runs {@code vectors --json} on a tree with one broken file, which must be the only failure. */
    private static JsonNode failureOf(Path tree, String file, int exit) {
        return onlyFailure(Cli.run("vectors", "--json", tree.toString()).expect(exit), file);
    }

    /** The result lines that did not hold: exactly one, for the file named. */
    private static JsonNode onlyFailure(Cli.Run run, String file) {
        List<JsonNode> failures = run.json().stream()
                .filter(line -> "vector".equals(line.path("what").asText()))
                .filter(line -> !"valid".equals(line.path("status").asText()))
                .toList();
        assertEquals(1, failures.size(), run.out());
        assertEquals(file, failures.get(0).path("file").asText());
        return failures.get(0);
    }

    /** Every {@code .json} file below a tree, relative and sorted. */
    private static List<String> vectorFiles(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".json"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path copyOfVectors() {
        Path copy = dir.resolve("vectors");
        for (String file : vectorFiles(VECTORS)) {
            try {
                Files.createDirectories(copy.resolve(file).getParent());
                Files.copy(VECTORS.resolve(file), copy.resolve(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return copy;
    }

    private static void edit(Path root, String file, UnaryOperator<String> change) {
        try {
            String before = Files.readString(root.resolve(file), StandardCharsets.UTF_8);
            String after = change.apply(before);
            assertNotEquals(before, after, "the edit changed nothing in " + file);
            write(root.resolve(file), after);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
