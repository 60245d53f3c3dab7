package dev.cairn.errors;

import java.util.Map;

/** Cairn itself failed; the input may have been fine. */
public non-sealed class InternalException extends CairnException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an internal failure.
     *
     * @param code a code of family {@link ErrorFamily#INTERNAL}
     * @param message what failed
     * @param cause the underlying failure, or {@code null}
     */
    public InternalException(ErrorCode code, String message, Throwable cause) {
        super(ErrorFamily.INTERNAL, code, message, Map.of(), cause);
    }
}
