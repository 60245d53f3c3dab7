package dev.cairn.server.http;

import dev.cairn.errors.ErrorCode;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one {@link ReadinessCheck}: passed, or failed with a code.
 *
 * @param code empty when the check passed, else the code saying what is wrong
 * @param detail a short text for operators, published in the readiness body; no secrets
 */
public record CheckResult(Optional<ErrorCode> code, String detail) {
    /**
     * Checks the parts.
     *
     * @param code the failure code
     * @param detail the detail
     */
    public CheckResult {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
    }

    /**
     * Passed.
     *
     * @return the result
     */
    public static CheckResult ok() {
        return new CheckResult(Optional.empty(), "");
    }

    /**
     * Passed, with a detail such as "schema version 7".
     *
     * @param detail the detail
     * @return the result
     */
    public static CheckResult ok(String detail) {
        return new CheckResult(Optional.empty(), detail);
    }

    /**
     * Failed.
     *
     * @param code what is wrong
     * @param detail a short text for operators
     * @return the result
     */
    public static CheckResult failed(ErrorCode code, String detail) {
        return new CheckResult(Optional.of(code), detail);
    }

    /**
     * Whether the check passed.
     *
     * @return {@code true} when there is no code
     */
    public boolean passed() {
        return code.isEmpty();
    }
}
