package dev.cairn.verifier.vectors;

import dev.cairn.verifier.vectors.VectorResult.Status;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The outcome of checking a set of vector files: one result per file.
 *
 * @param results per-file results, in path order
 */
public record CheckReport(List<VectorResult> results) {
    /**
     * Copies the list.
     *
     * @param results per-file results
     */
    public CheckReport {
        results = List.copyOf(results);
    }

    /**
     * The results that did not hold, whatever the reason.
     *
     * @return the failures, in path order
     */
    public List<VectorResult> failures() {
        return results.stream().filter(r -> !r.held()).toList();
    }

    /**
     * Counts per kind and expectation, such as {@code cose/reject -> 15}; files outside the layout
     * count under {@code ?}.
     *
     * @return counts, sorted by key
     */
    public Map<String, Long> counts() {
        return results.stream()
                .collect(Collectors.groupingBy(
                        r -> r.kind() == null ? "?" : r.kind() + "/" + r.expect(),
                        TreeMap::new,
                        Collectors.counting()));
    }

    /**
     * Counts per status, every status present.
     *
     * @return counts in the order of {@link Status}
     */
    public Map<Status, Long> statuses() {
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        for (Status status : Status.values()) {
            counts.put(status, 0L);
        }
        results.forEach(r -> counts.merge(r.status(), 1L, Long::sum));
        return counts;
    }

    /**
     * A one-line summary for people.
     *
     * @return for example {@code 395 vectors checked (cbor/accept 12, ...): 395 held, 0 failed}
     */
    public String summary() {
        String perKind = counts().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        Map<Status, Long> statuses = statuses();
        StringBuilder text = new StringBuilder()
                .append(results.size())
                .append(" vectors checked (")
                .append(perKind)
                .append("): ")
                .append(statuses.get(Status.VALID))
                .append(" held, ")
                .append(statuses.get(Status.FAILED))
                .append(" failed");
        if (statuses.get(Status.MALFORMED) > 0) {
            text.append(", ").append(statuses.get(Status.MALFORMED)).append(" malformed");
        }
        if (statuses.get(Status.ERROR) > 0) {
            text.append(", ").append(statuses.get(Status.ERROR)).append(" checker errors");
        }
        return text.toString();
    }
}
