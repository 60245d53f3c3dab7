package dev.cairn.verifier.bundle;

import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.errors.VerificationException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The verifier's failures: the codes the spec names, with the failing sequence in the details. */
final class Failures {
    private Failures() {}

    /** The same failure, its code and details kept, with {@code seq} added: the entry it is about. */
    static CairnException at(CairnException e, long seq) {
        if (e.details().containsKey("seq")) {
            return e;
        }
        Map<String, String> details = new LinkedHashMap<>(e.details());
        details.put("seq", Long.toString(seq));
        String message = e.getMessage().substring(e.code().name().length() + 2) + " (sequence " + seq + ")";
        if (e instanceof MalformedInputException m) {
            details.remove("offset");
            return new MalformedInputException(e.code(), message, m.offset().orElse(-1), details, e);
        }
        if (e instanceof VerificationException) {
            return new VerificationException(e.code(), message, details, e);
        }
        return new InternalException(e.code(), message, e);
    }

    /** A broken link of the chain: the spec's {@code MARKER_CHAIN_BROKEN} with field, expected, found. */
    static VerificationException chain(long seq, String field, String expected, String found) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("seq", Long.toString(seq));
        details.put("field", field);
        details.put("expected", expected);
        details.put("found", found);
        return new VerificationException(
                ErrorCode.MARKER_CHAIN_BROKEN,
                "marker " + seq + " " + field + ": got " + found + ", want " + expected,
                details,
                null);
    }

    static VerificationException incomplete(String message) {
        return new VerificationException(ErrorCode.AUDIT_BUNDLE_INCOMPLETE, message);
    }

    static VerificationException incomplete(String message, long seq) {
        return new VerificationException(
                ErrorCode.AUDIT_BUNDLE_INCOMPLETE, message, Map.of("seq", Long.toString(seq)), null);
    }

    static MalformedInputException malformed(String message) {
        return new MalformedInputException(ErrorCode.AUDIT_BUNDLE_MALFORMED, message);
    }

    static MalformedInputException malformed(String message, CairnException cause) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("cause", cause.code().name());
        return new MalformedInputException(ErrorCode.AUDIT_BUNDLE_MALFORMED, message, -1, details, cause);
    }
}
