package dev.cairn.cbor.internal;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;

/** Builds the reader's errors in the "got X, want Y" form; only ever called on the failure path. */
final class Reject {
    private Reject() {}

    /**
     * Creates an error at a byte offset.
     *
     * @param code the {@code CBOR_*} code
     * @param offset the byte offset, see {@code spec/cbor.md} for the convention
     * @param got what the input has
     * @param want what the profile requires
     * @return the exception, for the caller to throw
     */
    static MalformedInputException at(ErrorCode code, int offset, String got, String want) {
        return new MalformedInputException(code, "got " + got + ", want " + want + " (at byte " + offset + ")", offset);
    }
}
