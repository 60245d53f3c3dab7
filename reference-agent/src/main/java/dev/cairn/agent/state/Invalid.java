package dev.cairn.agent.state;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import java.util.Map;

/** The coded errors of state values and files that do not hold what they must. */
final class Invalid {
    private Invalid() {}

    static MalformedInputException state(String message) {
        return new MalformedInputException(ErrorCode.AGENT_STATE_MALFORMED, message);
    }

    static MalformedInputException file(String file, String message, Throwable cause) {
        return new MalformedInputException(
                ErrorCode.AGENT_STATE_MALFORMED, file + ": " + message, -1, Map.of("file", file), cause);
    }

    /** Printable ASCII without spaces, 1 to {@code max} characters. */
    static String token(String value, int max, String what) {
        if (value.isEmpty() || value.length() > max || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw state(what + " must be 1 to " + max + " printable ASCII characters without spaces");
        }
        return value;
    }
}
