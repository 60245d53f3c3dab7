package dev.cairn.verifier.vectors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A vectors directory: {@code <kind>/<accept|reject>/<name>.json} files ({@code vectors/README.md}).
 * Every {@code .json} file below it counts, so that a file outside the layout is reported rather
 * than passed over; other files (READMEs) are not vectors.
 */
public final class VectorTree {
    /** The layout of a vector's path: groups kind, expectation and name. */
    public static final Pattern LAYOUT = Pattern.compile("([a-z0-9-]+)/(accept|reject)/([^/]+)\\.json");

    private VectorTree() {}

    /**
     * Lists every {@code .json} file below a directory.
     *
     * @param dir the vectors directory
     * @return paths relative to it, {@code /}-separated, sorted
     * @throws UncheckedIOException if the directory cannot be walked
     */
    public static List<String> files(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".json"))
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads every {@code .json} file below a directory.
     *
     * @param dir the vectors directory
     * @return relative path to file bytes, in path order
     * @throws UncheckedIOException if a file cannot be read
     */
    public static SortedMap<String, byte[]> read(Path dir) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        for (String file : files(dir)) {
            try {
                files.put(file, Files.readAllBytes(dir.resolve(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }
}
