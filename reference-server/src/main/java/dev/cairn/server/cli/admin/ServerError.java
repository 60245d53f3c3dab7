package dev.cairn.server.cli.admin;

import dev.cairn.errors.ErrorFamily;

/**
 * An error body the server answered with ({@code spec/http-api.md}): printed with its code, message
 * and hint, and mapped to an exit code by its family.
 */
final class ServerError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final ErrorFamily family;
    private final String hint;
    private final String traceId;

    ServerError(int status, String code, ErrorFamily family, String message, String hint, String traceId) {
        super(message);
        this.status = status;
        this.code = code;
        this.family = family;
        this.hint = hint;
        this.traceId = traceId;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    ErrorFamily family() {
        return family;
    }

    String hint() {
        return hint;
    }

    String traceId() {
        return traceId;
    }
}
