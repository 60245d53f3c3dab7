package dev.cairn.cbor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks the validator at every boundary of Unicode Table 3-7 and against a literal reading of it. */
class Utf8Test {
    /** Table 3-7, one row per line: the allowed range of each byte of the sequence. */
    private static final int[][][] TABLE_3_7 = {
        {{0x00, 0x7f}},
        {{0xc2, 0xdf}, {0x80, 0xbf}},
        {{0xe0, 0xe0}, {0xa0, 0xbf}, {0x80, 0xbf}},
        {{0xe1, 0xec}, {0x80, 0xbf}, {0x80, 0xbf}},
        {{0xed, 0xed}, {0x80, 0x9f}, {0x80, 0xbf}},
        {{0xee, 0xef}, {0x80, 0xbf}, {0x80, 0xbf}},
        {{0xf0, 0xf0}, {0x90, 0xbf}, {0x80, 0xbf}, {0x80, 0xbf}},
        {{0xf1, 0xf3}, {0x80, 0xbf}, {0x80, 0xbf}, {0x80, 0xbf}},
        {{0xf4, 0xf4}, {0x80, 0x8f}, {0x80, 0xbf}, {0x80, 0xbf}},
    };

    /** The slow, literal reference: at each position, some row of the table must match. */
    private static int referenceFirstInvalid(byte[] in) {
        int i = 0;
        outer:
        while (i < in.length) {
            for (int[][] row : TABLE_3_7) {
                if (matches(row, in, i)) {
                    i += row.length;
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static boolean matches(int[][] row, byte[] in, int at) {
        if (at + row.length > in.length) {
            return false;
        }
        for (int k = 0; k < row.length; k++) {
            int b = in[at + k] & 0xff;
            if (b < row[k][0] || b > row[k][1]) {
                return false;
            }
        }
        return true;
    }

    private static int check(byte[] in) {
        return Utf8.firstInvalid(in, 0, in.length);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "00",
                "7f",
                "c280",
                "dfbf",
                "e0a080",
                "e0bfbf",
                "e18080",
                "ecbfbf",
                "ed8080",
                "ed9fbf",
                "ee8080",
                "efbfbf",
                "f0908080",
                "f0bfbfbf",
                "f1808080",
                "f3bfbfbf",
                "f4808080",
                "f48fbfbf",
                "61c3bce6b0b4f0908591"
            })
    void acceptsEveryRowAtItsBounds(String hex) {
        assertEquals(-1, check(HexFormat.of().parseHex(hex)));
    }

    @ParameterizedTest(name = "{0} invalid at {1}")
    @CsvSource({
        "80, 0",
        "bf, 0",
        "c080, 0",
        "c1bf, 0",
        "c2, 0",
        "c27f, 0",
        "c2c0, 0",
        "e09fbf, 0",
        "e0a0, 0",
        "eda080, 0",
        "edbfbf, 0",
        "e1807f, 0",
        "f08fbfbf, 0",
        "f4908080, 0",
        "f5808080, 0",
        "f7bfbfbf, 0",
        "f88080808080, 0",
        "fe, 0",
        "ff, 0",
        "f18080c0, 0",
        "f1808080 80, 4",
        "6162eda080, 2",
        "61c3bc e6b0, 3",
        "616263 c3, 3"
    })
    void rejectsWithTheOffsetOfTheBadSequence(String hex, int offset) {
        assertEquals(offset, check(HexFormat.of().parseHex(hex.replace(" ", ""))));
    }

    @Test
    void respectsTheRangeBounds() {
        byte[] in = HexFormat.of().parseHex("ff61c3bcff");
        assertEquals(-1, Utf8.firstInvalid(in, 1, 4));
        assertEquals(2, Utf8.firstInvalid(in, 1, 3)); // the range cuts the sequence
    }

    @Test
    void agreesWithTheTableOnEveryShortSequence() {
        for (int a = 0; a < 256; a++) {
            assertEquals(referenceFirstInvalid(new byte[] {(byte) a}), check(new byte[] {(byte) a}));
            for (int b = 0; b < 256; b++) {
                byte[] two = {(byte) a, (byte) b};
                assertEquals(
                        referenceFirstInvalid(two),
                        check(two),
                        () -> HexFormat.of().formatHex(two));
            }
        }
        for (int a = 0xe0; a < 0x100; a++) {
            for (int b = 0x70; b < 0xd0; b++) {
                for (int c = 0x70; c < 0xd0; c++) {
                    byte[] three = {(byte) a, (byte) b, (byte) c};
                    assertEquals(referenceFirstInvalid(three), check(three));
                }
            }
        }
    }

    @Test
    void agreesWithTheTableOnRandomSequences() {
        SplittableRandom random = new SplittableRandom(8949);
        int[] interesting = {
            0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed, 0xee,
            0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff
        };
        for (int n = 0; n < 200_000; n++) {
            byte[] in = new byte[random.nextInt(9)];
            for (int i = 0; i < in.length; i++) {
                in[i] = (byte)
                        (random.nextBoolean() ? interesting[random.nextInt(interesting.length)] : random.nextInt(256));
            }
            assertEquals(
                    referenceFirstInvalid(in), check(in), () -> HexFormat.of().formatHex(in));
        }
    }

    @Test
    void acceptsEveryScalarValue() {
        StringBuilder all = new StringBuilder();
        for (int cp = 0; cp <= 0x10ffff; cp++) {
            if (cp < 0xd800 || cp > 0xdfff) {
                all.appendCodePoint(cp);
            }
        }
        assertEquals(-1, check(all.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
