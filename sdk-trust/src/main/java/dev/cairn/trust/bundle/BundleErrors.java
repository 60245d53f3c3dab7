package dev.cairn.trust.bundle;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import java.util.Map;

/** The one way this package reports a bundle that does not read as {@code spec/trust-bundle.md} describes. */
final class BundleErrors {
    private BundleErrors() {}

    static MalformedInputException malformed(String message) {
        return new MalformedInputException(ErrorCode.BUNDLE_MALFORMED, "trust bundle: " + message);
    }

    static MalformedInputException malformed(String message, Throwable cause) {
        return new MalformedInputException(ErrorCode.BUNDLE_MALFORMED, "trust bundle: " + message, -1, Map.of(), cause);
    }
}
