package dev.cairn.tools.vectors;

import dev.cairn.verifier.vectors.VectorTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;

/** Generates the golden vectors and writes them to a {@code vectors/} directory. */
public final class Vectors {
    private Vectors() {}

    /**
     * Generates every vector in memory, each checked by sdk-verifier's checker. Deterministic: the
     * same code yields the same bytes.
     *
     * @return relative path under {@code vectors/} to file bytes
     * @throws IllegalStateException if a generated vector does not hold
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
        ForeignReceiptVectors.generate(set);
        TrustVectors.generate(set);
        return set.files();
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
            for (String stale : VectorTree.files(vectorsDir)) {
                if (!files.containsKey(stale)
                        && VectorTree.LAYOUT.matcher(stale).matches()) {
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
}
