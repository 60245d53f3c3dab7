package dev.cairn.server.enroll;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;

/**
 * The body of {@code POST /v1/join-requests/{id}/deny}.
 *
 * @param reason 1 to 256 printable ASCII characters
 */
public record Denial(String reason) {
    /**
     * Checks the reason.
     *
     * @param reason the reason
     * @throws MalformedInputException {@link ErrorCode#JOIN_DENY_REASON_INVALID}
     */
    public Denial {
        if (reason == null || !Rules.printable(reason, 256) || reason.isBlank()) {
            throw new MalformedInputException(
                    ErrorCode.JOIN_DENY_REASON_INVALID, "reason: want 1 to 256 printable ASCII characters");
        }
    }
}
