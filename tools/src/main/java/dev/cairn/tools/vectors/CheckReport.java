package dev.cairn.tools.vectors;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The outcome of checking a set of vectors: one result per file.
 *
 * @param results per-file results, in path order
 */
public record CheckReport(List<Result> results) {
    /**
     * Copies the list.
     *
     * @param results per-file results
     */
    public CheckReport {
        results = List.copyOf(results);
    }

    /**
     * One file's outcome.
     *
     * @param path the vector's path under {@code vectors/}
     * @param failure what did not hold, or {@code null} when the vector held
     */
    public record Result(String path, String failure) {
        /**
         * Whether the vector held.
         *
         * @return {@code true} when it held
         */
        public boolean passed() {
            return failure == null;
        }
    }

    /**
     * The results that did not hold.
     *
     * @return the failures
     */
    public List<Result> failures() {
        return results.stream().filter(r -> !r.passed()).toList();
    }

    /**
     * Counts per kind and expectation, such as {@code cose/reject -> 15}.
     *
     * @return counts keyed by the first two path segments
     */
    public Map<String, Long> counts() {
        return results.stream()
                .collect(Collectors.groupingBy(
                        r -> r.path().substring(0, r.path().lastIndexOf('/')), TreeMap::new, Collectors.counting()));
    }

    /**
     * A one-paragraph summary for people.
     *
     * @return the summary
     */
    public String summary() {
        String perKind = counts().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        return results.size() + " vectors checked (" + perKind + "): "
                + (results.size() - failures().size()) + " held, " + failures().size() + " failed";
    }
}
