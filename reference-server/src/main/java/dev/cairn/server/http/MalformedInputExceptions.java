package dev.cairn.server.http;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Malformed-input errors that state what was expected and what was found. */
final class MalformedInputExceptions {
    private MalformedInputExceptions() {}

    static MalformedInputException mismatch(ErrorCode code, String expected, String found) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("expected", expected);
        details.put("found", found);
        return new MalformedInputException(code, "got " + found + ", want " + expected, -1, details, null);
    }
}
