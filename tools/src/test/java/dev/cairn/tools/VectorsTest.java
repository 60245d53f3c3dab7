package dev.cairn.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.tools.vectors.Vectors;
import dev.cairn.verifier.vectors.CheckReport;
import dev.cairn.verifier.vectors.VectorChecker;
import dev.cairn.verifier.vectors.VectorResult;
import dev.cairn.verifier.vectors.VectorTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

class VectorsTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void committedVectorsAreExactlyWhatTheGeneratorWrites() {
        SortedMap<String, byte[]> generated = Vectors.generate();
        SortedMap<String, byte[]> committed = VectorTree.read(ROOT.resolve("vectors"));
        List<String> problems = new ArrayList<>();
        generated.forEach((path, bytes) -> {
            if (!committed.containsKey(path)) {
                problems.add("missing: " + path);
            } else if (!Arrays.equals(bytes, committed.get(path))) {
                problems.add("differs: " + path);
            }
        });
        committed.keySet().stream()
                .filter(path -> !generated.containsKey(path))
                .forEach(path -> problems.add("not generated: " + path));
        assertEquals(List.of(), problems, "run ./cairn generate and review the diff");
    }

    @Test
    void generationIsDeterministic() {
        SortedMap<String, byte[]> first = Vectors.generate();
        SortedMap<String, byte[]> second = Vectors.generate();
        assertEquals(first.keySet(), second.keySet());
        first.forEach((path, bytes) -> assertTrue(Arrays.equals(bytes, second.get(path)), path));
    }

    @Test
    void everyCommittedVectorHolds() {
        CheckReport report = VectorChecker.checkAll(VectorTree.read(ROOT.resolve("vectors")));
        assertFalse(report.results().isEmpty(), "no vectors found under " + ROOT.resolve("vectors"));
        assertEquals(List.of(), report.failures(), report.summary());
        assertTrue(report.counts()
                .keySet()
                .containsAll(List.of(
                        "cbor/accept",
                        "cbor/reject",
                        "cose/accept",
                        "cose/reject",
                        "hash/accept",
                        "key/accept",
                        "key/reject",
                        "mmr/accept",
                        "mmr/reject",
                        "checkpoint/accept",
                        "checkpoint/reject",
                        "receipt/accept",
                        "receipt/reject",
                        "cose-receipt/accept",
                        "cose-receipt/reject",
                        "trust/accept",
                        "trust/reject")));
    }

    @Test
    void theCheckerCatchesATamperedVector() {
        SortedMap<String, byte[]> files = Vectors.generate();
        String path = "cose/accept/ed25519-attached.json";
        String text = new String(files.get(path), java.nio.charset.StandardCharsets.UTF_8);
        String tampered = text.replace("\"expect\" : \"accept\"", "\"expect\" : \"reject\"");
        files.put(path, tampered.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        CheckReport report = VectorChecker.checkAll(files);
        assertEquals(
                List.of(path),
                report.failures().stream().map(VectorResult::file).toList());
    }
}
