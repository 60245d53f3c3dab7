package dev.cairn.tools.vectors;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborValue;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * CBOR vectors: canonical encodings the strict reader must accept (and re-encode byte for byte), and
 * mutations it must reject with a given code at a given offset, under {@code CborLimits.DEFAULT}.
 */
final class CborVectors {
    private static final HexFormat HEX = HexFormat.of();

    private CborVectors() {}

    static void generate(VectorSet set) {
        accept(set, "uint-23", "largest integer in the initial byte", "17");
        accept(set, "uint-24", "smallest integer needing one extra byte", "1818");
        accept(set, "uint-65536", "smallest integer needing four extra bytes", "1a00010000");
        accept(set, "int64-max", "largest integer of the profile", "1b7fffffffffffffff");
        accept(set, "int64-min", "smallest integer of the profile", "3b7fffffffffffffff");
        accept(set, "negative-one", "-1", "20");
        accept(set, "bytes-empty", "empty byte string", "40");
        accept(set, "bytes-32", "a 32-byte digest", "5820" + "ab".repeat(32));
        accept(
                set,
                "text-unicode",
                "text with a two-byte, a three-byte and a four-byte UTF-8 sequence",
                "69c3bce6b0b4f09f8cb2");
        accept(set, "simple-values", "false, true and null in an array", "83f4f5f6");
        accept(set, "nested", "arrays and maps nested three deep", "a1018182a10220a0");
        accept(
                set,
                "map-key-order",
                "keys in canonical order: 10, 100, -1, \"z\", \"aa\" (bytewise order of their encodings)",
                "a50a011864022003617a04626161" + "05");
        reject(
                set,
                "truncated-bytes",
                "a byte string shorter than its declared length",
                "5820" + "00".repeat(31),
                ErrorCode.CBOR_TRUNCATED);
        reject(set, "truncated-head", "an integer head missing its argument bytes", "19", ErrorCode.CBOR_TRUNCATED);
        reject(set, "trailing-byte", "a second item after the first", "0000", ErrorCode.CBOR_TRAILING_BYTES);
        reject(set, "non-shortest-int", "23 encoded with a one-byte argument", "1817", ErrorCode.CBOR_NON_CANONICAL);
        reject(
                set,
                "non-shortest-length",
                "a 1-byte string length given in two bytes",
                "59000161",
                ErrorCode.CBOR_NON_CANONICAL);
        reject(set, "indefinite-array", "an indefinite-length array", "9f01ff", ErrorCode.CBOR_INDEFINITE_LENGTH);
        reject(
                set,
                "indefinite-bytes",
                "an indefinite-length byte string",
                "5f4101ff",
                ErrorCode.CBOR_INDEFINITE_LENGTH);
        reject(set, "stray-break", "a break byte outside an indefinite item", "ff", ErrorCode.CBOR_INDEFINITE_LENGTH);
        reject(set, "reserved-additional-info", "additional information 28", "1c", ErrorCode.CBOR_RESERVED_VALUE);
        reject(set, "unsorted-keys", "map keys 2 then 1", "a202000100", ErrorCode.CBOR_KEY_ORDER);
        reject(set, "duplicate-key", "key 1 twice", "a201000101", ErrorCode.CBOR_DUPLICATE_KEY);
        reject(set, "bytes-key", "a byte-string map key", "a14100" + "01", ErrorCode.CBOR_KEY_TYPE);
        reject(set, "overlong-utf8", "'/' encoded as the overlong pair c0 af", "62c0af", ErrorCode.CBOR_INVALID_UTF8);
        reject(set, "surrogate-utf8", "the surrogate U+D800 encoded in UTF-8", "63eda080", ErrorCode.CBOR_INVALID_UTF8);
        reject(set, "float-half", "a half-precision float", "f93c00", ErrorCode.CBOR_FLOAT_NOT_ALLOWED);
        reject(set, "float-double", "a double-precision float", "fb3ff0000000000000", ErrorCode.CBOR_FLOAT_NOT_ALLOWED);
        reject(set, "undefined", "the simple value undefined", "f7", ErrorCode.CBOR_SIMPLE_NOT_ALLOWED);
        reject(set, "simple-16", "an unassigned simple value", "f0", ErrorCode.CBOR_SIMPLE_NOT_ALLOWED);
        reject(
                set,
                "tag-not-allowed",
                "tag 1 (epoch time), which no Cairn structure allows",
                "c11a514b67b0",
                ErrorCode.CBOR_TAG_NOT_ALLOWED);
        reject(
                set,
                "uint64-beyond-int64",
                "2^63, outside the signed 64-bit profile",
                "1b8000000000000000",
                ErrorCode.CBOR_INT_OUT_OF_RANGE);
        reject(
                set,
                "nint-beyond-int64",
                "-2^63-1, outside the signed 64-bit profile",
                "3b8000000000000000",
                ErrorCode.CBOR_INT_OUT_OF_RANGE);
        reject(
                set,
                "too-deep",
                "17 nested arrays, one past the default depth limit",
                "81".repeat(17) + "00",
                ErrorCode.CBOR_TOO_DEEP);
        reject(
                set,
                "huge-declared-length",
                "a byte string declaring 2^64-1 bytes",
                "5bffffffffffffffff",
                ErrorCode.CBOR_STRING_TOO_LONG);
        reject(
                set,
                "huge-declared-count",
                "an array declaring 2^32 items in 9 bytes",
                "9b0000000100000000",
                ErrorCode.CBOR_TOO_MANY_ITEMS);
    }

    private static void accept(VectorSet set, String name, String description, String hex) {
        byte[] input = HEX.parseHex(hex);
        CborValue value = Cbor.decode(input);
        if (!Arrays.equals(Cbor.encode(value), input)) {
            throw new IllegalStateException("accept vector " + name + " does not re-encode to its input");
        }
        ObjectNode node = set.accept("cbor", name, description);
        node.put("input", hex);
        node.put("diagnostic", value.toDiagnostic());
    }

    private static void reject(VectorSet set, String name, String description, String hex, ErrorCode expected) {
        try {
            Cbor.decode(HEX.parseHex(hex));
        } catch (MalformedInputException e) {
            if (e.code() != expected) {
                throw new IllegalStateException(
                        "reject vector " + name + ": got " + e.code() + ", want " + expected, e);
            }
            ObjectNode node = set.reject("cbor", name, description, expected);
            node.put("input", hex);
            node.put("offset", e.offset().orElse(-1));
            return;
        }
        throw new IllegalStateException("reject vector " + name + " was accepted");
    }
}
