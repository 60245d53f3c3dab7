package dev.cairn.cbor;

import static dev.cairn.cbor.CborAssertions.accepts;
import static dev.cairn.cbor.CborAssertions.rejects;
import static dev.cairn.errors.ErrorCode.CBOR_DUPLICATE_KEY;
import static dev.cairn.errors.ErrorCode.CBOR_FLOAT_NOT_ALLOWED;
import static dev.cairn.errors.ErrorCode.CBOR_INDEFINITE_LENGTH;
import static dev.cairn.errors.ErrorCode.CBOR_INT_OUT_OF_RANGE;
import static dev.cairn.errors.ErrorCode.CBOR_INVALID_UTF8;
import static dev.cairn.errors.ErrorCode.CBOR_KEY_ORDER;
import static dev.cairn.errors.ErrorCode.CBOR_KEY_TYPE;
import static dev.cairn.errors.ErrorCode.CBOR_NON_CANONICAL;
import static dev.cairn.errors.ErrorCode.CBOR_RESERVED_VALUE;
import static dev.cairn.errors.ErrorCode.CBOR_SIMPLE_NOT_ALLOWED;
import static dev.cairn.errors.ErrorCode.CBOR_TAG_NOT_ALLOWED;
import static dev.cairn.errors.ErrorCode.CBOR_TRAILING_BYTES;
import static dev.cairn.errors.ErrorCode.CBOR_TRUNCATED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.errors.ErrorFamily;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One minimal input per well-formedness and profile rejection, with the offset it must report. */
class StrictReaderRejectTest {
    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({
        "'', 0",
        "18, 0",
        "1901, 0",
        "1a000000, 0",
        "1b00000000000000, 0",
        "4201, 0",
        "59ffff00, 0",
        "6261, 0",
        "83 01 02, 0",
        "82 01 1901, 2",
        "82 190100, 4",
        "a1 01, 0",
        "a2 01 02 03, 0",
        "a1 01 1901, 2",
        "f8, 0",
        "d8, 0",
    })
    void truncated(String hex, long offset) {
        rejects(CBOR_TRUNCATED, offset, hex);
    }

    @Test
    void truncatedInsideAnAllowedTag() {
        rejects(CBOR_TRUNCATED, 1, "c0", CborLimits.DEFAULT.withAllowedTags(Set.of(0L)));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({"0000, 1", "f6f6, 1", "80ff, 1", "a0 00 00 00, 1", "820102 03, 3"})
    void trailingBytes(String hex, long offset) {
        rejects(CBOR_TRAILING_BYTES, offset, hex);
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({
        "1800, 0",
        "1817, 0",
        "1900ff, 0",
        "1a0000ffff, 0",
        "1b00000000ffffffff, 0",
        "3817, 0",
        "3900ff, 0",
        "3b00000000ffffffff, 0",
        "5800, 0",
        "7800, 0",
        "59000161, 0",
        "9800, 0",
        "b800, 0",
        "f814, 0",
        "f800, 0",
        "f81f, 0",
        "82 00 1805, 2",
        "a1 1801 00, 1",
    })
    void nonCanonical(String hex, long offset) {
        rejects(CBOR_NON_CANONICAL, offset, hex);
    }

    @Test
    void nonCanonicalTagHeadEvenWhenTheTagIsAllowed() {
        rejects(CBOR_NON_CANONICAL, 0, "d81700", CborLimits.DEFAULT.withAllowedTags(Set.of(23L)));
        rejects(CBOR_NON_CANONICAL, 0, "d9001800", CborLimits.DEFAULT.withAllowedTags(Set.of(24L)));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({"5f42010243030405ff, 0", "7f6161ff, 0", "9fff, 0", "bfff, 0", "ff, 0", "82 00 ff, 2", "a1 00 9f ff, 2"})
    void indefiniteLengthAndBreak(String hex, long offset) {
        rejects(CBOR_INDEFINITE_LENGTH, offset, hex);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1c", "1d", "1e", "1f", "3c", "3f", "5c", "7d", "9e", "bc", "dc", "df", "fc", "fd", "fe"})
    void reservedAdditionalInformation(String hex) {
        rejects(CBOR_RESERVED_VALUE, 0, hex, CborLimits.DEFAULT.withAllowedTags(Set.of(0L)));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({
        "a2 01 00 00 00, 3",
        "a2 20 00 01 00, 3",
        "a2 6161 00 01 00, 4",
        "a2 6162 00 6161 00, 4",
        "a2 626161 00 617a 00, 5",
        "a2 1864 00 0a 00, 4",
        "a3 00 00 02 00 01 00, 5"
    })
    void keyOrder(String hex, long offset) {
        rejects(CBOR_KEY_ORDER, offset, hex);
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({"a2 01 00 01 00, 3", "a2 6161 00 6161 01, 4", "a2 20 00 20 f6, 3", "a3 00 00 01 00 01 00, 5"})
    void duplicateKey(String hex, long offset) {
        rejects(CBOR_DUPLICATE_KEY, offset, hex);
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({
        "a1 40 00, 1",
        "a1 80 00, 1",
        "a1 a0 00, 1",
        "a1 f4 00, 1",
        "a1 f6 00, 1",
        "a1 c1 00 00, 1",
        "a1 f90000 00, 1",
        "a2 01 00 4100 00, 3",
        "81 a1 80 00, 2",
    })
    void keyType(String hex, long offset) {
        rejects(CBOR_KEY_TYPE, offset, hex, CborLimits.DEFAULT.withAllowedTags(Set.of(1L)));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({
        "6180, 0",
        "61ff, 0",
        "62c080, 0",
        "62c1bf, 0",
        "63e08080, 0",
        "63eda080, 0",
        "63edbfbf, 0",
        "64f08f8080, 0",
        "64f4908080, 0",
        "64f5808080, 0",
        "62e282, 0",
        "82 00 6180, 2",
        "a1 6180 00, 1",
    })
    void invalidUtf8(String hex, long offset) {
        rejects(CBOR_INVALID_UTF8, offset, hex);
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({"f90000, 0", "fa00000000, 0", "fb0000000000000000, 0", "f9, 0", "82 00 f93c00, 2"})
    void floats(String hex, long offset) {
        rejects(CBOR_FLOAT_NOT_ALLOWED, offset, hex);
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({"e0, 0", "f0, 0", "f3, 0", "f7, 0", "f820, 0", "f8ff, 0", "82 f6 f7, 2"})
    void simpleValuesOtherThanFalseTrueNull(String hex, long offset) {
        rejects(CBOR_SIMPLE_NOT_ALLOWED, offset, hex);
    }

    @Test
    void tagsOnlyWhereAllowed() {
        rejects(CBOR_TAG_NOT_ALLOWED, 0, "c000");
        rejects(CBOR_TAG_NOT_ALLOWED, 1, "81 d82000");
        CborLimits tag0 = CborLimits.DEFAULT.withAllowedTags(Set.of(0L));
        rejects(CBOR_TAG_NOT_ALLOWED, 0, "c100", tag0);
        rejects(CBOR_TAG_NOT_ALLOWED, 1, "c0 c100", tag0);
        rejects(CBOR_TAG_NOT_ALLOWED, 0, "dbffffffffffffffff00", CborLimits.DEFAULT.withAllowedTags(Set.of(-1L)));
        assertEquals(new CborTag(0, new CborTag(0, CborInt.of(0))), accepts("c0c000", tag0));
        CborLimits big = CborLimits.DEFAULT.withAllowedTags(Set.of(Long.MAX_VALUE));
        assertEquals(new CborTag(Long.MAX_VALUE, CborNull.NULL), accepts("db7ffffffffffffffff6", big));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({
        "1b8000000000000000, 0",
        "1bffffffffffffffff, 0",
        "3b8000000000000000, 0",
        "3bffffffffffffffff, 0",
        "81 1b8000000000000000, 1"
    })
    void integersBeyondSigned64Bits(String hex, long offset) {
        rejects(CBOR_INT_OUT_OF_RANGE, offset, hex);
    }

    @Test
    void signed64BitExtremesAreAccepted() {
        assertEquals(CborInt.of(Long.MAX_VALUE), accepts("1b7fffffffffffffff"));
        assertEquals(CborInt.of(Long.MIN_VALUE), accepts("3b7fffffffffffffff"));
    }

    @Test
    void everyCodeIsMalformedInput() {
        var e = rejects(CBOR_TRAILING_BYTES, 1, "0000");
        assertEquals(ErrorFamily.MALFORMED_INPUT, e.code().family());
        assertEquals("1", e.details().get("offset"));
    }

    @Test
    void nullArgumentsAreProgrammingErrors() {
        assertThrows(NullPointerException.class, () -> Cbor.decode(null));
        assertThrows(NullPointerException.class, () -> Cbor.decode(new byte[] {0}, null));
        assertThrows(NullPointerException.class, () -> Cbor.encode(null));
    }
}
