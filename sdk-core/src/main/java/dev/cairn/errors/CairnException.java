package dev.cairn.errors;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The root of every error Cairn raises on purpose. Each carries a stable {@link ErrorCode} and
 * ordered detail fields (for example {@code expected} and {@code found}); callers branch on the
 * code, never on the message text.
 */
public abstract sealed class CairnException extends RuntimeException
        permits MalformedInputException, VerificationException, InternalException {
    private static final long serialVersionUID = 1L;

    /** The stable code of this error. */
    private final ErrorCode code;

    /** Detail fields; not serialized. */
    private final transient Map<String, String> details;

    CairnException(ErrorFamily family, ErrorCode code, String message, Map<String, String> details, Throwable cause) {
        super(code.name() + ": " + message, cause);
        if (code.family() != family) {
            throw new IllegalArgumentException(code + " belongs to " + code.family() + ", not " + family);
        }
        this.code = code;
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(details)));
    }

    /**
     * The stable code of this error.
     *
     * @return the code
     */
    public ErrorCode code() {
        return code;
    }

    /**
     * Typed detail fields in the order they were given, such as {@code expected}, {@code found},
     * {@code offset}.
     *
     * @return an unmodifiable map
     */
    public Map<String, String> details() {
        return details;
    }

    /**
     * Whether retrying can succeed; taken from the code.
     *
     * @return whether a retry can succeed
     */
    public boolean retryable() {
        return code.retryable();
    }

    /**
     * The delay before a retry, where the code fixes one.
     *
     * @return the delay, or empty
     */
    public Optional<Duration> retryAfter() {
        return code.retryAfter();
    }
}
