package dev.cairn.agent.client;

import dev.cairn.agent.json.JsonFields;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.ErrorFamily;
import dev.cairn.errors.InternalException;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.errors.VerificationException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An error the server answered with: the JSON error body of {@code spec/http-api.md} ("Error body"),
 * parsed strictly. The agent decides on {@link #code()} and {@link #retryable()} as the body states
 * them, waits at least {@link #retryAfter()} before a retry, and never retries an error that is not
 * retryable.
 *
 * @param status the HTTP status
 * @param code the stable code, {@code [A-Z0-9_]}, 1 to 64 characters
 * @param family the code's family
 * @param message what went wrong, for people
 * @param retryable whether the same request can succeed later
 * @param retryAfter how long to wait before retrying, where the code fixes it
 * @param hint the recovery hint
 * @param traceId the request's trace id (32 lowercase hex digits)
 * @param details typed details, names and values strings
 */
public record ApiError(
        int status,
        String code,
        ErrorFamily family,
        String message,
        boolean retryable,
        Optional<Duration> retryAfter,
        String hint,
        String traceId,
        Map<String, String> details) {
    /** Largest error body read. */
    public static final int MAX_BYTES = 64 * 1024;

    /** Longest retry delay honoured: a larger value is refused as malformed. */
    public static final long MAX_RETRY_AFTER_SECONDS = 86_400;

    private static final Pattern CODE = Pattern.compile("[A-Z0-9_]{1,64}");
    private static final Pattern TRACE = Pattern.compile("[0-9a-f]{32}");
    private static final int MAX_TEXT = 4096;
    private static final int MAX_DETAILS = 32;

    /**
     * Checks the members.
     *
     * @param status the status
     * @param code the code
     * @param family the family
     * @param message the message
     * @param retryable whether retryable
     * @param retryAfter the delay, if any
     * @param hint the hint
     * @param traceId the trace id
     * @param details the details
     */
    public ApiError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(retryAfter, "retryAfter");
        Objects.requireNonNull(hint, "hint");
        Objects.requireNonNull(traceId, "traceId");
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /**
     * Parses an error body.
     *
     * @param status the HTTP status it came with (4xx or 5xx)
     * @param body the body, at most {@value #MAX_BYTES} bytes
     * @return the error
     * @throws MalformedInputException {@link ErrorCode#AGENT_SERVER_ANSWER_MALFORMED} if it is not an
     *     error body
     */
    public static ApiError parse(int status, byte[] body) {
        String what = "error body (HTTP " + status + ")";
        if (body.length > MAX_BYTES) {
            throw Wire.malformed(what, "$", body.length + " bytes, want at most " + MAX_BYTES);
        }
        JsonFields root = Wire.parse(body, what);
        JsonFields error = root.object("error");
        String code = error.text("code");
        if (!CODE.matcher(code).matches()) {
            throw error.invalid("code", "1 to 64 characters [A-Z0-9_]");
        }
        String familyName = error.text("family");
        ErrorFamily family;
        try {
            family = ErrorFamily.valueOf(familyName);
        } catch (IllegalArgumentException e) {
            throw error.invalid("family", "MALFORMED_INPUT, REJECTED or INTERNAL");
        }
        String message = text(error, "message");
        boolean retryable = error.bool("retryable");
        Optional<Duration> retryAfter =
                error.optionalInteger("retry_after", 0, MAX_RETRY_AFTER_SECONDS).map(Duration::ofSeconds);
        String hint = text(error, "hint");
        String traceId = error.text("trace_id");
        if (!TRACE.matcher(traceId).matches()) {
            throw error.invalid("trace_id", "32 lowercase hex digits");
        }
        Map<String, String> details = error.strings("details", MAX_DETAILS);
        error.end();
        root.end();
        return new ApiError(status, code, family, message, retryable, retryAfter, hint, traceId, details);
    }

    private static String text(JsonFields fields, String name) {
        String value = fields.text(name);
        if (value.length() > MAX_TEXT) {
            throw fields.invalid(name, "at most " + MAX_TEXT + " characters");
        }
        return value;
    }

    /**
     * The code, if this agent knows it.
     *
     * @return the registry's code of that name
     */
    public Optional<ErrorCode> knownCode() {
        try {
            return Optional.of(ErrorCode.valueOf(code));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether this is a given code.
     *
     * @param other the code
     * @return {@code true} if the names are equal
     */
    public boolean is(ErrorCode other) {
        return code.equals(other.name());
    }

    /**
     * The error as an exception of this agent: the server's code when the registry knows it (in the
     * exception class of its family), else {@link ErrorCode#AGENT_SERVER_ERROR}; the details carry the
     * server's details, its trace id and the HTTP status.
     *
     * @return the exception
     */
    public CairnException toException() {
        Map<String, String> all = new LinkedHashMap<>(details);
        all.put("trace_id", traceId);
        all.put("status", Integer.toString(status));
        String text = "the server answered " + code + ": " + message + " (trace " + traceId + ")";
        Optional<ErrorCode> known = knownCode();
        if (known.isEmpty()) {
            all.put("server_code", code);
            return new VerificationException(ErrorCode.AGENT_SERVER_ERROR, text, all, null);
        }
        ErrorCode local = known.get();
        return switch (local.family()) {
            case MALFORMED_INPUT -> new MalformedInputException(local, text, -1, all, null);
            case REJECTED -> new VerificationException(local, text, all, null);
            case INTERNAL -> new InternalException(local, text, null);
        };
    }
}
