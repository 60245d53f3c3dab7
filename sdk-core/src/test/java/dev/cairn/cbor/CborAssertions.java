package dev.cairn.cbor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import java.util.HexFormat;

/** Hex helpers and assertions on codes and offsets shared by the CBOR tests. */
final class CborAssertions {
    private CborAssertions() {}

    /** Parses hex, ignoring spaces. */
    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** Decodes under the default limits, checks the re-encoding is byte-equal, returns the value. */
    static CborValue accepts(String hex) {
        return accepts(hex, CborLimits.DEFAULT);
    }

    static CborValue accepts(String hex, CborLimits limits) {
        byte[] input = hex(hex);
        CborValue value = Cbor.decode(input, limits);
        assertArrayEquals(input, Cbor.encode(value), "re-encoding of " + hex);
        return value;
    }

    /** Asserts a rejection with a code and an offset under the default limits. */
    static MalformedInputException rejects(ErrorCode code, long offset, String hex) {
        return rejects(code, offset, hex, CborLimits.DEFAULT);
    }

    static MalformedInputException rejects(ErrorCode code, long offset, String hex, CborLimits limits) {
        return rejects(code, offset, hex(hex), limits);
    }

    static MalformedInputException rejects(ErrorCode code, long offset, byte[] input, CborLimits limits) {
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> Cbor.decode(input, limits));
        assertEquals(code, e.code(), "code");
        assertEquals(offset, e.offset().orElseThrow(), "offset");
        return e;
    }
}
