package dev.cairn.tools.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Generates the golden vectors and checks a {@code vectors/} directory against sdk-core. */
public final class Vectors {
    private Vectors() {}

    /**
     * Generates every vector in memory. Deterministic: the same code yields the same bytes.
     *
     * @return relative path under {@code vectors/} to file bytes
     */
    public static SortedMap<String, byte[]> generate() {
        VectorSet set = new VectorSet();
        CborVectors.generate(set);
        HashVectors.generate(set);
        KeyVectors.generate(set);
        CoseVectors.generate(set);
        MmrVectors.generate(set);
        ReceiptVectors.generate(set);
        CoseReceiptVectors.generate(set);
        TrustVectors.generate(set);
        return set.files();
    }

    /**
     * Reads every generated vector file under a directory: {@code <kind>/<expect>/*.json}.
     *
     * @param vectorsDir the {@code vectors/} directory
     * @return relative path to file bytes
     */
    public static SortedMap<String, byte[]> read(Path vectorsDir) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(vectorsDir)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String relative = vectorsDir.relativize(file).toString().replace('\\', '/');
                if (relative.matches("[a-z0-9-]+/(accept|reject)/[^/]+\\.json")) {
                    files.put(relative, Files.readAllBytes(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /**
     * Replaces the generated files under a directory with a fresh generation. Files of the
     * generated layout that the generator no longer produces are deleted.
     *
     * @param vectorsDir the {@code vectors/} directory
     * @return the number of files written
     */
    public static int write(Path vectorsDir) {
        SortedMap<String, byte[]> files = generate();
        try {
            for (String stale : read(vectorsDir).keySet()) {
                if (!files.containsKey(stale)) {
                    Files.delete(vectorsDir.resolve(stale));
                }
            }
            for (var entry : files.entrySet()) {
                Path target = vectorsDir.resolve(entry.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, entry.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files.size();
    }

    /**
     * Checks every vector file and reports all outcomes, failures included.
     *
     * @param files relative path to file bytes, as {@link #read(Path)} returns
     * @return the report
     */
    public static CheckReport check(SortedMap<String, byte[]> files) {
        List<CheckReport.Result> results = new ArrayList<>();
        files.forEach((path, bytes) -> {
            String failure = null;
            try {
                JsonNode vector = VectorJson.parse(bytes);
                VectorChecks.check(vector);
            } catch (RuntimeException e) {
                failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            results.add(new CheckReport.Result(path, failure));
        });
        return new CheckReport(results);
    }
}
