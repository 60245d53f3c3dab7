package dev.cairn.cbor;

import static dev.cairn.cbor.CborAssertions.hex;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.errors.MalformedInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Walks the golden vectors in {@code vectors/cbor/} and reports every one that fails. */
class CborVectorsTest {
    private static Path vectorRoot() {
        String env = System.getenv("CAIRN_REPO_ROOT");
        Path root = env != null && Files.isDirectory(Path.of(env, "vectors")) ? Path.of(env) : Path.of("..");
        return root.resolve("vectors").resolve("cbor").toAbsolutePath().normalize();
    }

    @Test
    void everyVectorHasItsOutcome() throws IOException {
        Path dir = vectorRoot();
        assertTrue(Files.isDirectory(dir.resolve("accept")) && Files.isDirectory(dir.resolve("reject")), dir::toString);
        ObjectMapper json = new ObjectMapper();
        List<String> failures = new ArrayList<>();
        int count = 0;
        for (String outcome : List.of("accept", "reject")) {
            try (Stream<Path> files = Files.list(dir.resolve(outcome))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json"))
                        .sorted()
                        .toList()) {
                    count++;
                    String problem = check(json.readTree(file.toFile()), outcome);
                    if (problem != null) {
                        failures.add(outcome + "/" + file.getFileName() + ": " + problem);
                    }
                }
            }
        }
        assertTrue(count > 0, "no vectors under " + dir);
        assertTrue(failures.isEmpty(), () -> failures.size() + " failing vectors:\n" + String.join("\n", failures));
    }

    private static String check(JsonNode vector, String outcome) {
        byte[] input = hex(vector.get("input").textValue());
        try {
            CborValue value = Cbor.decode(input);
            if (outcome.equals("reject")) {
                return "accepted as " + value.toDiagnostic() + ", want "
                        + vector.get("error").textValue();
            }
            if (!Arrays.equals(input, Cbor.encode(value))) {
                return "re-encodes as " + hex(Cbor.encode(value));
            }
            String diagnostic = vector.get("diagnostic").textValue();
            return diagnostic.equals(value.toDiagnostic()) ? null : "renders as " + value.toDiagnostic();
        } catch (MalformedInputException e) {
            if (outcome.equals("accept")) {
                return "rejected with " + e.code();
            }
            String code = e.code().name();
            long offset = e.offset().orElse(-1);
            boolean same = code.equals(vector.get("error").textValue())
                    && offset == vector.get("offset").longValue();
            return same
                    ? null
                    : "got " + code + " at " + offset + ", want "
                            + vector.get("error").textValue() + " at "
                            + vector.get("offset").longValue();
        }
    }
}
