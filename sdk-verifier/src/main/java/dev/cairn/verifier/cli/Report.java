package dev.cairn.verifier.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one successful verification reports: the kind of object verified, a one-line summary for
 * people, and ordered fields for machines (strings, numbers, booleans and lists of strings).
 */
final class Report {
    private final String what;
    private final String summary;
    private final Map<String, Object> fields = new LinkedHashMap<>();

    private Report(String what, String summary) {
        this.what = Objects.requireNonNull(what, "what");
        this.summary = Objects.requireNonNull(summary, "summary");
    }

    /**
     * Starts a report.
     *
     * @param what the kind of object verified, such as {@code receipt} or {@code mmr-inclusion}
     * @param summary one line for people
     * @return the report
     */
    static Report of(String what, String summary) {
        return new Report(what, summary);
    }

    /**
     * Adds a field.
     *
     * @param name the field name, snake_case
     * @param value a {@link String}, {@link Number}, {@link Boolean} or {@link List} of strings
     * @return this report
     */
    Report with(String name, Object value) {
        if (!(value instanceof String
                || value instanceof Number
                || value instanceof Boolean
                || value instanceof List)) {
            throw new IllegalArgumentException("unsupported field type for " + name + ": " + value);
        }
        fields.put(name, value);
        return this;
    }

    String what() {
        return what;
    }

    String summary() {
        return summary;
    }

    Map<String, Object> fields() {
        return Collections.unmodifiableMap(fields);
    }
}
