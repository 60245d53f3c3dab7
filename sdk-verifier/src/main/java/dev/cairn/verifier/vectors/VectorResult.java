package dev.cairn.verifier.vectors;

import java.util.Objects;

/**
 * The outcome of checking one vector file.
 *
 * @param file the file's path under the vectors directory, {@code /}-separated
 * @param kind the kind its path names, or {@code null} when the path is outside the layout
 * @param expect {@code accept} or {@code reject} as its path names, or {@code null} likewise
 * @param status whether the vector held
 * @param wanted {@code accept}, or the error code a reject vector names; {@code null} if unread
 * @param got {@code accept} when the step accepted, the code it raised, or {@code null} when it did
 *     not run to an outcome
 * @param differed what did not hold, or {@code null} when the vector held
 */
public record VectorResult(
        String file, String kind, String expect, Status status, String wanted, String got, String differed) {
    /** Whether a vector held, and if not, why not. */
    public enum Status {
        /** The vector's expectation holds. */
        VALID,
        /** The vector is readable and its expectation does not hold. */
        FAILED,
        /** The file cannot be read as a vector. */
        MALFORMED,
        /** The checker failed unexpectedly; the vector may be fine. */
        ERROR
    }

    /**
     * Checks that the file and status are given, and that a vector that did not hold says why.
     *
     * @param file the file's path
     * @param kind the kind
     * @param expect the expectation
     * @param status the status
     * @param wanted what the vector wants
     * @param got what the step gave
     * @param differed what did not hold
     */
    public VectorResult {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(status, "status");
        if ((status == Status.VALID) != (differed == null)) {
            throw new IllegalArgumentException("a result says what differed exactly when it did not hold");
        }
    }

    /**
     * Whether the vector held.
     *
     * @return {@code true} for {@link Status#VALID}
     */
    public boolean held() {
        return status == Status.VALID;
    }
}
