package dev.cairn.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * The body of {@code GET /readyz}: the outcome of every check, and, when at least one failed (503),
 * the error {@code HTTP_NOT_READY} beside them, so that it is also an error body.
 *
 * @param status {@code ready} or {@code not_ready}
 * @param checks every check, in the order the server declared them
 * @param error the error when not ready, else absent
 */
public record ReadinessReport(
        String status,
        List<Check> checks,
        @JsonInclude(JsonInclude.Include.NON_NULL) ErrorBody.Detail error) {
    /**
     * Copies the checks.
     *
     * @param status the status
     * @param checks the checks
     * @param error the error or {@code null}
     */
    public ReadinessReport {
        Objects.requireNonNull(status, "status");
        checks = List.copyOf(checks);
    }

    /**
     * One check's outcome.
     *
     * @param name the check's name
     * @param status {@code pass} or {@code fail}
     * @param code the failure code, absent when it passed
     * @param detail the check's detail text
     * @param elapsedMs how long the check took, in milliseconds
     */
    public record Check(
            String name,
            String status,
            @JsonInclude(JsonInclude.Include.NON_NULL) String code,
            String detail,
            long elapsedMs) {}
}
