package dev.cairn.bytes;

import static dev.cairn.bytes.ByteGens.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BytesTest {

    /** The literal reference order: compare byte by byte as 0..255, then the shorter one first. */
    private static int referenceCompare(byte[] a, byte[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int x = a[i] & 0xff;
            int y = b[i] & 0xff;
            if (x != y) {
                return x < y ? -1 : 1;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    @Test
    void copyOfCopiesIn() {
        byte[] source = {1, 2, 3};
        Bytes value = Bytes.copyOf(source);
        source[0] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, value.toByteArray());
    }

    @Test
    void copyOfRangeCopiesIn() {
        byte[] source = {1, 2, 3, 4};
        Bytes value = Bytes.copyOf(source, 1, 2);
        source[1] = 9;
        source[2] = 9;
        assertArrayEquals(new byte[] {2, 3}, value.toByteArray());
    }

    @Test
    void toByteArrayCopiesOut() {
        Bytes value = Bytes.fromHex("010203");
        byte[] out = value.toByteArray();
        out[0] = 9;
        assertEquals(Bytes.fromHex("010203"), value);
        assertEquals(1, value.get(0));
        assertTrue(out != value.toByteArray(), "each call hands out a fresh array");
    }

    @Test
    void mutatingAnyArrayNeverChangesTheValue() {
        qt().forAll(bytes(64)).checkAssert(data -> {
            byte[] in = data.clone();
            Bytes value = Bytes.copyOf(in);
            Arrays.fill(in, (byte) 0x5a);
            byte[] out = value.toByteArray();
            Arrays.fill(out, (byte) 0xa5);
            byte[] target = new byte[data.length + 2];
            value.copyTo(target, 1);
            Arrays.fill(target, (byte) 0x33);
            assertArrayEquals(data, value.toByteArray());
        });
    }

    @Test
    void copyToWritesAtOffset() {
        byte[] target = new byte[5];
        Bytes.fromHex("aabb").copyTo(target, 2);
        assertArrayEquals(new byte[] {0, 0, (byte) 0xaa, (byte) 0xbb, 0}, target);
        assertThrows(
                IndexOutOfBoundsException.class, () -> Bytes.fromHex("aabb").copyTo(target, 4));
    }

    @Test
    void emptyValues() {
        assertEquals(0, Bytes.empty().length());
        assertEquals(Bytes.empty(), Bytes.copyOf(new byte[0]));
        assertEquals(Bytes.empty(), Bytes.fromHex(""));
        assertEquals(Bytes.empty(), Bytes.fromBase64Url(""));
        assertEquals("", Bytes.empty().toHex());
        assertEquals("", Bytes.empty().toBase64Url());
    }

    @Test
    void nullInputsAreRejected() {
        assertThrows(NullPointerException.class, () -> Bytes.copyOf(null));
        assertThrows(NullPointerException.class, () -> Bytes.copyOf(null, 0, 0));
        assertThrows(NullPointerException.class, () -> Bytes.fromHex(null));
    }

    @Test
    void equalsAndHashCodeFollowContent() {
        qt().forAll(bytes(16), bytes(16)).checkAssert((a, b) -> {
            Bytes x = Bytes.copyOf(a);
            Bytes y = Bytes.copyOf(b);
            assertEquals(Arrays.equals(a, b), x.equals(y));
            assertEquals(x, Bytes.copyOf(a.clone()));
            assertEquals(x.hashCode(), Bytes.copyOf(a.clone()).hashCode());
            assertNotEquals(x, (Object) a, "never equal to a raw array");
        });
    }

    @Test
    void equalsDistinguishesNearValues() {
        assertNotEquals(Bytes.fromHex("00"), Bytes.empty());
        assertNotEquals(Bytes.fromHex("0000"), Bytes.fromHex("00"));
        assertNotEquals(Bytes.fromHex("80"), Bytes.fromHex("7f"));
        assertNotEquals(Bytes.fromHex("01"), null);
    }

    @Test
    void compareToIsUnsignedLexicographic() {
        qt().forAll(bytes(6), bytes(6)).checkAssert((a, b) -> {
            int got = Integer.signum(Bytes.copyOf(a).compareTo(Bytes.copyOf(b)));
            assertEquals(referenceCompare(a, b), got);
            assertEquals(-got, Integer.signum(Bytes.copyOf(b).compareTo(Bytes.copyOf(a))));
            assertEquals(got == 0, Bytes.copyOf(a).equals(Bytes.copyOf(b)), "consistent with equals");
        });
    }

    @Test
    void compareToKnownOrders() {
        assertTrue(Bytes.fromHex("80").compareTo(Bytes.fromHex("7f")) > 0, "0x80 is 128, not -128");
        assertTrue(Bytes.fromHex("ff").compareTo(Bytes.fromHex("00ff")) > 0);
        assertTrue(Bytes.fromHex("01").compareTo(Bytes.fromHex("0100")) < 0, "shorter first on a common prefix");
        assertTrue(Bytes.empty().compareTo(Bytes.fromHex("00")) < 0);
        assertEquals(0, Bytes.fromHex("abcd").compareTo(Bytes.fromHex("ABCD")));
    }

    @Test
    void hexRoundTrips() {
        qt().forAll(bytes(64)).checkAssert(data -> {
            Bytes value = Bytes.copyOf(data);
            String hex = value.toHex();
            assertEquals(2 * data.length, hex.length());
            assertTrue(hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')), hex);
            assertEquals(value, Bytes.fromHex(hex));
            assertEquals(value, Bytes.fromHex(hex.toUpperCase(java.util.Locale.ROOT)));
            assertEquals(hex, value.toString());
        });
    }

    @Test
    void hexKnownAnswer() {
        assertEquals(
                "00017f80ff",
                Bytes.copyOf(new byte[] {0, 1, 0x7f, (byte) 0x80, (byte) 0xff}).toHex());
    }

    @Test
    void invalidHexIsRejected() {
        for (String bad : new String[] {"0", "abc", "zz", "0g", " 00", "00 ", "0x00", "-1"}) {
            assertThrows(IllegalArgumentException.class, () -> Bytes.fromHex(bad), bad);
        }
    }

    @Test
    void base64UrlRoundTrips() {
        qt().forAll(bytes(64)).checkAssert(data -> {
            Bytes value = Bytes.copyOf(data);
            String text = value.toBase64Url();
            assertTrue(text.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_'), text);
            assertEquals((4 * data.length + 2) / 3, text.length(), "unpadded length");
            assertEquals(value, Bytes.fromBase64Url(text));
            assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(data), text);
        });
    }

    @Test
    void base64UrlKnownAnswers() {
        // RFC 4648 section 10, without padding, and the two characters base64url changes.
        assertEquals("", Bytes.fromHex("").toBase64Url());
        assertEquals(
                "Zg",
                Bytes.copyOf("f".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                        .toBase64Url());
        assertEquals(
                "Zm8",
                Bytes.copyOf("fo".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                        .toBase64Url());
        assertEquals(
                "Zm9vYmFy",
                Bytes.copyOf("foobar".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                        .toBase64Url());
        assertEquals("-_8", Bytes.fromHex("fbff").toBase64Url());
    }

    @Test
    void invalidBase64UrlIsRejected() {
        for (String bad : new String[] {"Z", "Zg=", "+w", "/w", "a b", "Zm9v\n", "Zm9v!"}) {
            assertThrows(IllegalArgumentException.class, () -> Bytes.fromBase64Url(bad), bad);
        }
    }

    @Test
    void base64UrlAcceptsOnlyCanonicalText() {
        for (String nonCanonical : new String[] {"Zg==", "Zm8=", "Zh", "Zm9"}) {
            assertThrows(IllegalArgumentException.class, () -> Bytes.fromBase64Url(nonCanonical), nonCanonical);
        }
        qt().forAll(strings().betweenCodePoints('-', 'z').ofLengthBetween(0, 12))
                .checkAssert(text -> {
                    Bytes decoded;
                    try {
                        decoded = Bytes.fromBase64Url(text);
                    } catch (IllegalArgumentException rejected) {
                        return;
                    }
                    assertEquals(text, decoded.toBase64Url(), "an accepted text is the one encoding of its bytes");
                });
    }

    @Test
    void sliceReturnsTheRange() {
        qt().forAll(bytes(32), integers().between(0, 1000), integers().between(0, 1000))
                .checkAssert((data, a, b) -> {
                    int from = Math.min(a, b) % (data.length + 1);
                    int to = from + (Math.max(a, b) % (data.length + 1 - from));
                    Bytes slice = Bytes.copyOf(data).slice(from, to);
                    assertArrayEquals(Arrays.copyOfRange(data, from, to), slice.toByteArray());
                    assertEquals(Bytes.copyOf(data, from, to - from), slice);
                });
    }

    @Test
    void sliceOfWholeAndEmpty() {
        Bytes value = Bytes.fromHex("0102030405");
        assertEquals(value, value.slice(0, 5));
        assertSame(Bytes.empty(), value.slice(2, 2));
        assertEquals(Bytes.fromHex("05"), value.slice(4, 5));
    }

    @Test
    void sliceBoundsAreChecked() {
        Bytes value = Bytes.fromHex("0102030405");
        assertThrows(IndexOutOfBoundsException.class, () -> value.slice(-1, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> value.slice(0, 6));
        assertThrows(IndexOutOfBoundsException.class, () -> value.slice(3, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> value.slice(6, 6));
        assertThrows(IndexOutOfBoundsException.class, () -> Bytes.copyOf(new byte[3], 2, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> Bytes.copyOf(new byte[3], -1, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> Bytes.copyOf(new byte[3], 0, -1));
        assertThrows(IndexOutOfBoundsException.class, () -> value.get(5));
        assertThrows(IndexOutOfBoundsException.class, () -> value.get(-1));
    }
}
