package dev.cairn.cbor;

import static dev.cairn.cbor.CborAssertions.accepts;
import static dev.cairn.cbor.CborAssertions.rejects;
import static dev.cairn.errors.ErrorCode.CBOR_STRING_TOO_LONG;
import static dev.cairn.errors.ErrorCode.CBOR_TOO_DEEP;
import static dev.cairn.errors.ErrorCode.CBOR_TOO_LARGE;
import static dev.cairn.errors.ErrorCode.CBOR_TOO_MANY_ITEMS;
import static dev.cairn.errors.ErrorCode.CBOR_TRUNCATED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each limit exactly at its bound (accepted) and one past it (rejected). */
class StrictReaderLimitsTest {
    private static final CborLimits DEFAULT = CborLimits.DEFAULT;

    @Test
    void defaults() {
        assertEquals(1 << 20, DEFAULT.maxInputBytes());
        assertEquals(16, DEFAULT.maxDepth());
        assertEquals(1 << 16, DEFAULT.maxItems());
        assertEquals(1 << 20, DEFAULT.maxStringBytes());
        assertEquals(Set.of(), DEFAULT.allowedTags());
    }

    @Test
    void inputSize() {
        CborLimits three = DEFAULT.withMaxInputBytes(3);
        accepts("820102", three);
        rejects(CBOR_TOO_LARGE, 0, "83010203", three);
        // Checked before anything else: even garbage of the wrong size is TOO_LARGE.
        rejects(CBOR_TOO_LARGE, 0, "ffffffff", three);
        byte[] atDefault = new byte[1 << 20];
        atDefault[0] = 0x5a; // byte string of 2^20 - 5 bytes
        atDefault[2] = 0x0f;
        atDefault[3] = (byte) 0xff;
        atDefault[4] = (byte) 0xfb;
        assertEquals((1 << 20) - 5, ((CborBytes) Cbor.decode(atDefault)).value().length());
        rejects(CBOR_TOO_LARGE, 0, Arrays.copyOf(atDefault, (1 << 20) + 1), DEFAULT);
    }

    @Test
    void depthCountsArraysMapsAndTags() {
        CborLimits two = DEFAULT.withMaxDepth(2);
        accepts("818100", two); // 00 at depth 2
        accepts("818180", two); // an empty array at depth 2 holds nothing deeper
        rejects(CBOR_TOO_DEEP, 3, "81818100", two);
        accepts("a100a10000", two); // inner key and value at depth 2
        rejects(CBOR_TOO_DEEP, 2, "81a10000", DEFAULT.withMaxDepth(1));
        CborLimits tag0 = DEFAULT.withMaxDepth(1).withAllowedTags(Set.of(0L));
        accepts("c000", tag0);
        rejects(CBOR_TOO_DEEP, 2, "c0c000", tag0);
        CborLimits zero = DEFAULT.withMaxDepth(0);
        accepts("00", zero);
        accepts("80", zero);
        accepts("a0", zero);
        rejects(CBOR_TOO_DEEP, 1, "8100", zero);
    }

    @Test
    void defaultDepthIsSixteen() {
        accepts("81".repeat(16) + "00");
        rejects(CBOR_TOO_DEEP, 17, "81".repeat(17) + "00", DEFAULT);
    }

    @Test
    void deepInputWithAHugeDepthLimitIsStillTyped() {
        int depth = 1_000_000;
        byte[] input = new byte[depth + 1];
        Arrays.fill(input, 0, depth, (byte) 0x81);
        CborLimits unbounded = DEFAULT.withMaxDepth(Integer.MAX_VALUE).withMaxItems(Integer.MAX_VALUE);
        var e = assertThrows(dev.cairn.errors.MalformedInputException.class, () -> Cbor.decode(input, unbounded));
        assertEquals(CBOR_TOO_DEEP, e.code());
    }

    @Test
    void itemsCountEveryKeyValueAndElement() {
        CborLimits three = DEFAULT.withMaxItems(3);
        accepts("820102", three);
        rejects(CBOR_TOO_MANY_ITEMS, 0, "83010203", three); // declared count checked up front
        rejects(CBOR_TOO_MANY_ITEMS, 2, "82018201", three); // nested array declares past the budget
        accepts("a10102", three);
        rejects(CBOR_TOO_MANY_ITEMS, 0, "a10102", DEFAULT.withMaxItems(2));
        rejects(CBOR_TOO_MANY_ITEMS, 3, "8281008100", DEFAULT.withMaxItems(4)); // five items
        accepts("00", DEFAULT.withMaxItems(1));
        rejects(CBOR_TOO_MANY_ITEMS, 0, "8100", DEFAULT.withMaxItems(1));
    }

    @Test
    void itemCountsAreCheckedBeforeAllocating() {
        rejects(CBOR_TOO_MANY_ITEMS, 0, "9bffffffffffffffff");
        rejects(CBOR_TOO_MANY_ITEMS, 0, "9b7fffffffffffffff");
        rejects(CBOR_TOO_MANY_ITEMS, 0, "bbffffffffffffffff");
        rejects(CBOR_TOO_MANY_ITEMS, 0, "9a00010000");
        rejects(CBOR_TOO_MANY_ITEMS, 0, "b98000");
        // Within the budget but not within the input: each item takes at least one byte.
        rejects(CBOR_TRUNCATED, 0, "99ffff00");
        rejects(CBOR_TRUNCATED, 0, "b97fff0000");
    }

    @Test
    void stringLength() {
        CborLimits two = DEFAULT.withMaxStringBytes(2);
        accepts("420102", two);
        accepts("62c3bc", two);
        rejects(CBOR_STRING_TOO_LONG, 0, "43010203", two);
        rejects(CBOR_STRING_TOO_LONG, 0, "63e6b0b4", two);
        rejects(CBOR_STRING_TOO_LONG, 1, "81 43010203", two);
        CborLimits zero = DEFAULT.withMaxStringBytes(0);
        accepts("40", zero);
        accepts("60", zero);
        rejects(CBOR_STRING_TOO_LONG, 0, "4100", zero);
    }

    @Test
    void stringLengthsAreCheckedBeforeAllocating() {
        rejects(CBOR_STRING_TOO_LONG, 0, "5bffffffffffffffff");
        rejects(CBOR_STRING_TOO_LONG, 0, "7b7fffffffffffffff");
        rejects(CBOR_STRING_TOO_LONG, 0, "5a7fffffff");
        rejects(CBOR_TRUNCATED, 0, "5a000fffff00");
        rejects(CBOR_TRUNCATED, 0, "7a7fffffff00", DEFAULT.withMaxStringBytes(Integer.MAX_VALUE));
    }

    @Test
    void limitsRejectNonsense() {
        assertThrows(IllegalArgumentException.class, () -> DEFAULT.withMaxInputBytes(0));
        assertThrows(IllegalArgumentException.class, () -> DEFAULT.withMaxDepth(-1));
        assertThrows(IllegalArgumentException.class, () -> DEFAULT.withMaxItems(0));
        assertThrows(IllegalArgumentException.class, () -> DEFAULT.withMaxStringBytes(-1));
    }
}
