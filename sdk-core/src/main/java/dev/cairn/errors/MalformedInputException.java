package dev.cairn.errors;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The input could not be read as what it claims to be. Carries the byte offset where reading failed
 * when the input is a byte string.
 */
public non-sealed class MalformedInputException extends CairnException {
    private static final long serialVersionUID = 1L;

    /** Byte offset where reading failed, or -1. */
    private final long offset;

    /**
     * Creates an error without an offset.
     *
     * @param code a code of family {@link ErrorFamily#MALFORMED_INPUT}
     * @param message what was wrong, "got X, want Y"
     */
    public MalformedInputException(ErrorCode code, String message) {
        this(code, message, -1, Map.of(), null);
    }

    /**
     * Creates an error at a byte offset.
     *
     * @param code a code of family {@link ErrorFamily#MALFORMED_INPUT}
     * @param message what was wrong, "got X, want Y"
     * @param offset the byte offset in the input where the problem starts, or -1
     */
    public MalformedInputException(ErrorCode code, String message, long offset) {
        this(code, message, offset, Map.of(), null);
    }

    /**
     * Creates an error with every field.
     *
     * @param code a code of family {@link ErrorFamily#MALFORMED_INPUT}
     * @param message what was wrong, "got X, want Y"
     * @param offset the byte offset in the input where the problem starts, or -1
     * @param details further typed details, in order
     * @param cause the underlying failure, or {@code null}
     */
    public MalformedInputException(
            ErrorCode code, String message, long offset, Map<String, String> details, Throwable cause) {
        super(ErrorFamily.MALFORMED_INPUT, code, message, withOffset(offset, details), cause);
        this.offset = offset;
    }

    private static Map<String, String> withOffset(long offset, Map<String, String> details) {
        if (offset < 0) {
            return details;
        }
        Map<String, String> all = new LinkedHashMap<>();
        all.put("offset", Long.toString(offset));
        all.putAll(details);
        return all;
    }

    /**
     * The byte offset where reading failed.
     *
     * @return the offset, or empty when the input is not a byte string
     */
    public OptionalLong offset() {
        return offset < 0 ? OptionalLong.empty() : OptionalLong.of(offset);
    }
}
