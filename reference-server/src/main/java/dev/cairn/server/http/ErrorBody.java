package dev.cairn.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.ErrorFamily;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The JSON body of every error response ({@code spec/http-api.md}, "Error body"):
 *
 * <pre>{@code
 * {"error": {"code": "TOKEN_EXPIRED", "family": "REJECTED", "message": "got ..., want ...",
 *            "retryable": false, "hint": "Obtain a new token ...", "trace_id": "4bf9...",
 *            "details": {"expected": "...", "found": "..."}}}
 * }</pre>
 *
 * {@code retry_after} (whole seconds) is present exactly when the code fixes a delay. For codes of
 * the {@link ErrorFamily#INTERNAL} family the message is generic and details are empty: what
 * failed inside the server is logged under the trace id, never sent.
 *
 * @param error the error
 */
public record ErrorBody(Detail error) {
    /**
     * Checks that the error is given.
     *
     * @param error the error
     */
    public ErrorBody {
        Objects.requireNonNull(error, "error");
    }

    /**
     * Renders a Cairn exception.
     *
     * @param e the exception
     * @param traceId the request's trace id
     * @return the body
     */
    public static ErrorBody of(CairnException e, String traceId) {
        String message = e.getMessage();
        String prefix = e.code().name() + ": ";
        if (message != null && message.startsWith(prefix)) {
            message = message.substring(prefix.length());
        }
        return of(e.code(), message, e.details(), traceId);
    }

    /**
     * Renders a code with a message and details.
     *
     * @param code the code
     * @param message what went wrong, "got X, want Y"; replaced for internal failures
     * @param details typed details; dropped for internal failures
     * @param traceId the request's trace id
     * @return the body
     */
    public static ErrorBody of(ErrorCode code, String message, Map<String, String> details, String traceId) {
        boolean internal = code.family() == ErrorFamily.INTERNAL;
        Long retryAfter = code.retryAfter().map(ErrorBody::seconds).orElse(null);
        return new ErrorBody(new Detail(
                code.name(),
                code.family(),
                internal ? "the server failed; report the trace id" : Objects.requireNonNullElse(message, ""),
                code.retryable(),
                retryAfter,
                code.hint(),
                traceId,
                internal ? Map.of() : details));
    }

    /** Whole seconds, rounded up, at least one. */
    static long seconds(Duration delay) {
        long seconds = delay.getSeconds() + (delay.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    /**
     * One error.
     *
     * @param code the stable code from {@link ErrorCode}
     * @param family its family
     * @param message what went wrong, for people; callers branch on {@code code}
     * @param retryable whether the same request can succeed later
     * @param retryAfter seconds to wait before retrying, only where the code fixes a delay
     * @param hint the code's recovery hint
     * @param traceId the trace id of the request (also in the response's {@code traceparent})
     * @param details typed details such as {@code expected} and {@code found}
     */
    public record Detail(
            String code,
            ErrorFamily family,
            String message,
            boolean retryable,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long retryAfter,
            String hint,
            String traceId,
            Map<String, String> details) {
        /**
         * Checks the parts and copies the details.
         *
         * @param code the code
         * @param family the family
         * @param message the message
         * @param retryable whether a retry can succeed
         * @param retryAfter the delay in seconds, or {@code null}
         * @param hint the hint
         * @param traceId the trace id
         * @param details the details
         */
        public Detail {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(family, "family");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(hint, "hint");
            Objects.requireNonNull(traceId, "traceId");
            details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
        }
    }
}
