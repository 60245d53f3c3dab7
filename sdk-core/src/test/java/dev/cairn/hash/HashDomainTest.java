package dev.cairn.hash;

import static dev.cairn.bytes.ByteGens.bytes;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.quicktheories.core.Gen;

class HashDomainTest {
    private static final Pattern TAG = Pattern.compile("cairn/[a-z0-9-]+/v[0-9]+");

    /** Tags as {@link HashDomain#frame(String)} accepts them: 1 to 255 printable ASCII characters. */
    private static Gen<String> tags(int maxLength) {
        return strings().betweenCodePoints(0x21, 0x7e).ofLengthBetween(1, maxLength);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static boolean isPrefix(byte[] prefix, byte[] of) {
        return prefix.length <= of.length && Arrays.equals(prefix, 0, prefix.length, of, 0, prefix.length);
    }

    @Test
    void registeredTagsAreDistinctAndWellFormed() {
        Set<String> seen = new HashSet<>();
        assertAll(Stream.of(HashDomain.values()).map(domain -> (Executable) () -> {
            assertTrue(seen.add(domain.tag()), "tag reused: " + domain.tag());
            assertTrue(TAG.matcher(domain.tag()).matches(), domain.tag());
            assertArrayEquals(HashDomain.frame(domain.tag()), domain.framedTag());
        }));
    }

    @Test
    void registeredFramesArePrefixFree() {
        for (HashDomain a : HashDomain.values()) {
            for (HashDomain b : HashDomain.values()) {
                if (a != b) {
                    assertFalse(isPrefix(a.framedTag(), b.framedTag()), a + " frames a prefix of " + b);
                }
            }
        }
    }

    @Test
    void frameIsLengthThenAscii() {
        qt().forAll(tags(255)).checkAssert(tag -> {
            byte[] framed = HashDomain.frame(tag);
            byte[] ascii = tag.getBytes(StandardCharsets.US_ASCII);
            assertEquals(ascii.length, framed[0] & 0xff);
            assertArrayEquals(ascii, Arrays.copyOfRange(framed, 1, framed.length));
        });
    }

    @Test
    void differentTagsNeverFrameTheSameInput() {
        qt().forAll(tags(40), tags(40), bytes(40), bytes(40))
                .assuming((t1, t2, d1, d2) -> !t1.equals(t2))
                .checkAssert((t1, t2, d1, d2) -> {
                    byte[] f1 = HashDomain.frame(t1);
                    byte[] f2 = HashDomain.frame(t2);
                    assertFalse(isPrefix(f1, f2), t1 + " / " + t2);
                    assertFalse(isPrefix(f2, f1), t2 + " / " + t1);
                    assertFalse(Arrays.equals(concat(f1, d1), concat(f2, d2)));
                });
    }

    @Test
    void aTagExtendedByItsOwnDataDoesNotCollide() {
        // The attack a bare concatenation allows: tag "cairn/a" + data "b..." against tag "cairn/ab" + data "...".
        qt().forAll(tags(60), tags(60), bytes(20)).checkAssert((tag, suffix, data) -> {
            String longer = (tag + suffix).length() <= 255 ? tag + suffix : tag;
            if (longer.equals(tag)) {
                return;
            }
            byte[] shortInput = concat(HashDomain.frame(tag), concat(suffix.getBytes(StandardCharsets.US_ASCII), data));
            byte[] longInput = concat(HashDomain.frame(longer), data);
            assertFalse(Arrays.equals(shortInput, longInput));
            assertFalse(isPrefix(HashDomain.frame(tag), HashDomain.frame(longer)));
        });
    }

    @Test
    void frameRejectsBadTags() {
        String[] bad = {"", "a".repeat(256), "cairn/kid v1", "cairn/kid/v1\n", "cairn/\u00e9/v1", "tab\there", "\u007f"
        };
        for (String tag : bad) {
            assertThrows(IllegalArgumentException.class, () -> HashDomain.frame(tag), tag);
        }
        assertEquals(256, HashDomain.frame("a".repeat(255)).length);
        assertEquals(2, HashDomain.frame("!").length);
    }
}
