package dev.cairn.errors;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The input was well formed, but a check refused it: a signature that does not verify, an algorithm
 * outside the allow-list, a key that does not match.
 */
public non-sealed class VerificationException extends CairnException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates a rejection.
     *
     * @param code a code of family {@link ErrorFamily#REJECTED}
     * @param message what was refused, "got X, want Y"
     */
    public VerificationException(ErrorCode code, String message) {
        this(code, message, Map.of(), null);
    }

    /**
     * Creates a rejection that states what was expected and what was found.
     *
     * @param code a code of family {@link ErrorFamily#REJECTED}
     * @param expected the value the check wanted
     * @param found the value the input had
     * @return the exception, for the caller to throw
     */
    public static VerificationException mismatch(ErrorCode code, String expected, String found) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("expected", expected);
        details.put("found", found);
        return new VerificationException(code, "got " + found + ", want " + expected, details, null);
    }

    /**
     * Creates a rejection with every field.
     *
     * @param code a code of family {@link ErrorFamily#REJECTED}
     * @param message what was refused, "got X, want Y"
     * @param details typed details, in order
     * @param cause the underlying failure, or {@code null}
     */
    public VerificationException(ErrorCode code, String message, Map<String, String> details, Throwable cause) {
        super(ErrorFamily.REJECTED, code, message, details, cause);
    }
}
