package dev.cairn.checkpoint;

import java.util.Objects;

/**
 * The name of a log: 1 to 255 printable ASCII characters, stable for the log's life, conventionally
 * {@code <trust-domain>/<log-name>}. Bound into every checkpoint and statement the log signs.
 *
 * @param value the name
 */
public record LogId(String value) {
    /**
     * Validates the name.
     *
     * @param value the name
     * @throws IllegalArgumentException if it is empty, longer than 255 or not printable ASCII
     */
    public LogId {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            throw new IllegalArgumentException("log id must be 1-255 printable ASCII characters: " + value);
        }
    }

    /**
     * Whether a text is a valid log id.
     *
     * @param value the candidate
     * @return {@code true} when it is 1-255 printable ASCII characters without spaces
     */
    public static boolean isValid(String value) {
        return !value.isEmpty() && value.length() <= 255 && value.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    /** Renders the name. */
    @Override
    public String toString() {
        return value;
    }
}
