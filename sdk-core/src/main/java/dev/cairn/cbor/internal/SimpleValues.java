package dev.cairn.cbor.internal;

import static dev.cairn.errors.ErrorCode.CBOR_FLOAT_NOT_ALLOWED;
import static dev.cairn.errors.ErrorCode.CBOR_INDEFINITE_LENGTH;
import static dev.cairn.errors.ErrorCode.CBOR_NON_CANONICAL;
import static dev.cairn.errors.ErrorCode.CBOR_RESERVED_VALUE;
import static dev.cairn.errors.ErrorCode.CBOR_SIMPLE_NOT_ALLOWED;
import static dev.cairn.errors.ErrorCode.CBOR_TRUNCATED;

import dev.cairn.cbor.CborBool;
import dev.cairn.cbor.CborNull;
import dev.cairn.cbor.CborValue;

/**
 * Major type 7 (RFC 8949 section 3.3) in Cairn's profile: only {@code false} (0xf4), {@code true}
 * (0xf5) and {@code null} (0xf6) are accepted, each one byte long.
 */
final class SimpleValues {
    private SimpleValues() {}

    /**
     * Reads an item of major type 7. Every accepted item is the initial byte alone.
     *
     * @param in the input
     * @param start the offset of the initial byte
     * @param info the additional information of the initial byte, 0..31
     * @return {@code false}, {@code true} or {@code null}
     * @throws dev.cairn.errors.MalformedInputException for everything else
     */
    static CborValue read(byte[] in, int start, int info) {
        switch (info) {
            case 20:
                return CborBool.FALSE;
            case 21:
                return CborBool.TRUE;
            case 22:
                return CborNull.NULL;
            case 24:
                if (start + 1 >= in.length) {
                    throw Reject.at(CBOR_TRUNCATED, start, "0 bytes left", "1 more byte");
                }
                int value = in[start + 1] & 0xff;
                if (value < 32) {
                    // Not well formed (RFC 8949 section 3.3): a value of the initial byte's range in two bytes.
                    throw Reject.at(CBOR_NON_CANONICAL, start, "simple value " + value + " in two bytes", "one byte");
                }
                throw Reject.at(CBOR_SIMPLE_NOT_ALLOWED, start, "simple(" + value + ")", "false, true or null");
            case 25:
            case 26:
            case 27:
                throw Reject.at(CBOR_FLOAT_NOT_ALLOWED, start, "a floating-point value", "no floats");
            case 28:
            case 29:
            case 30:
                throw Reject.at(CBOR_RESERVED_VALUE, start, "additional information " + info, "0..27");
            case 31:
                throw Reject.at(CBOR_INDEFINITE_LENGTH, start, "a break outside an indefinite item", "a data item");
            default: // 0..19 and 23 (undefined)
                throw Reject.at(
                        CBOR_SIMPLE_NOT_ALLOWED,
                        start,
                        info == 23 ? "undefined" : "simple(" + info + ")",
                        "false, true or null");
        }
    }
}
