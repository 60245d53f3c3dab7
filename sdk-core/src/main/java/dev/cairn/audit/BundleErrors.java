package dev.cairn.audit;

import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.errors.VerificationException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The two codes of the bundle's own structure, with the details the spec asks for. */
final class BundleErrors {
    private BundleErrors() {}

    static MalformedInputException malformed(String message) {
        return new MalformedInputException(ErrorCode.AUDIT_BUNDLE_MALFORMED, message);
    }

    static MalformedInputException malformed(String message, long offset) {
        return new MalformedInputException(ErrorCode.AUDIT_BUNDLE_MALFORMED, message, offset);
    }

    /** Restates a failure of a generic decoder as a malformed bundle, keeping its code as {@code cause}. */
    static MalformedInputException malformed(String where, CairnException cause) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("cause", cause.code().name());
        return new MalformedInputException(
                ErrorCode.AUDIT_BUNDLE_MALFORMED, where + ": " + cause.getMessage(), -1, details, cause);
    }

    static VerificationException incomplete(String message) {
        return new VerificationException(ErrorCode.AUDIT_BUNDLE_INCOMPLETE, message);
    }
}
