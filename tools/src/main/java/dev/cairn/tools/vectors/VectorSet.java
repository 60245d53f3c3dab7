package dev.cairn.tools.vectors;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.errors.ErrorCode;
import dev.cairn.verifier.vectors.VectorChecker;
import dev.cairn.verifier.vectors.VectorResult;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The vector files one generation run produces, keyed by path relative to {@code vectors/}.
 *
 * <p>Every vector is a JSON object with {@code format}, {@code kind}, {@code name}, {@code
 * description} and {@code expect} ({@code accept} or {@code reject}); a rejection names the {@code
 * error} code it must raise. Paths are {@code <kind>/<expect>/<name>.json}.
 */
public final class VectorSet {
    private final SortedMap<String, ObjectNode> vectors = new TreeMap<>();

    ObjectNode accept(String kind, String name, String description) {
        return add(kind, "accept", name, description);
    }

    ObjectNode reject(String kind, String name, String description, ErrorCode error) {
        ObjectNode node = add(kind, "reject", name, description);
        node.put("error", error.name());
        return node;
    }

    private ObjectNode add(String kind, String expect, String name, String description) {
        String path = kind + "/" + expect + "/" + name + ".json";
        if (vectors.containsKey(path)) {
            throw new IllegalStateException("vector written twice: " + path);
        }
        ObjectNode node = VectorJson.object();
        node.put("format", VectorChecker.FORMAT);
        node.put("kind", kind);
        node.put("name", name);
        node.put("description", description);
        node.put("expect", expect);
        vectors.put(path, node);
        return node;
    }

    /**
     * Checks every vector with sdk-verifier's checker, then renders them.
     *
     * @return relative path to file bytes, in path order
     * @throws IllegalStateException naming each vector that does not hold
     */
    public SortedMap<String, byte[]> files() {
        List<String> problems = new ArrayList<>();
        vectors.forEach((path, node) -> {
            VectorResult result = VectorChecker.check(path, node);
            if (!result.held()) {
                problems.add(path + ": " + result.status() + ": " + result.differed());
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("generated vectors that do not hold:\n" + String.join("\n", problems));
        }
        SortedMap<String, byte[]> files = new TreeMap<>();
        vectors.forEach((path, node) -> files.put(path, VectorJson.render(node)));
        return files;
    }
}
