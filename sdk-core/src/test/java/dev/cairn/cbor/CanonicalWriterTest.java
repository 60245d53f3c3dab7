package dev.cairn.cbor;

import static dev.cairn.cbor.CborAssertions.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalWriterTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "0, 00",
        "23, 17",
        "24, 1818",
        "255, 18ff",
        "256, 190100",
        "65535, 19ffff",
        "65536, 1a00010000",
        "4294967295, 1affffffff",
        "4294967296, 1b0000000100000000",
        "9223372036854775807, 1b7fffffffffffffff",
        "-1, 20",
        "-24, 37",
        "-25, 3818",
        "-256, 38ff",
        "-257, 390100",
        "-65536, 39ffff",
        "-65537, 3a00010000",
        "-4294967296, 3affffffff",
        "-4294967297, 3b0000000100000000",
        "-9223372036854775808, 3b7fffffffffffffff",
    })
    void integersUseTheShortestHead(long value, String encoded) {
        assertEquals(encoded, hex(Cbor.encode(CborInt.of(value))));
        assertEquals(CborInt.of(value), Cbor.decode(hex(encoded)));
    }

    @ParameterizedTest(name = "length {0} -> {1}")
    @CsvSource({"0, 40", "23, 57", "24, 5818", "255, 58ff", "256, 590100", "65535, 59ffff", "65536, 5a00010000"})
    void byteStringLengthsUseTheShortestHead(int length, String head) {
        byte[] encoded = Cbor.encode(CborBytes.of(new byte[length]));
        assertEquals(head, hex(encoded).substring(0, head.length()));
        assertEquals(head.length() / 2 + length, encoded.length);
        assertEquals(CborBytes.of(new byte[length]), Cbor.decode(encoded));
    }

    @ParameterizedTest(name = "length {0} -> {1}")
    @CsvSource({"0, 60", "23, 77", "24, 7818", "255, 78ff", "256, 790100", "65536, 7a00010000"})
    void textLengthsCountUtf8Bytes(int length, String head) {
        String text = "a".repeat(length);
        assertEquals(head, hex(Cbor.encode(CborText.of(text))).substring(0, head.length()));
        // The same byte length in two-byte characters gets the same head.
        if (length % 2 == 0) {
            String twoByte = "\u00fc".repeat(length / 2);
            assertEquals(head, hex(Cbor.encode(CborText.of(twoByte))).substring(0, head.length()));
        }
    }

    @ParameterizedTest(name = "{0} items -> {1}")
    @CsvSource({"0, 80", "23, 97", "24, 9818", "256, 990100"})
    void arrayCountsUseTheShortestHead(int count, String head) {
        CborArray array = new CborArray(Collections.nCopies(count, CborInt.of(0)));
        byte[] encoded = Cbor.encode(array);
        assertEquals(head, hex(encoded).substring(0, head.length()));
        assertEquals(array, Cbor.decode(encoded));
    }

    @Test
    void mapCountsUseTheShortestHead() {
        CborMap.Builder builder = CborMap.builder();
        for (int i = 0; i < 24; i++) {
            builder.put(i, CborNull.NULL);
        }
        assertEquals("b818", hex(Cbor.encode(builder.build())).substring(0, 4));
        assertEquals("a0", hex(Cbor.encode(CborMap.empty())));
    }

    @ParameterizedTest(name = "tag {0} -> {1}")
    @CsvSource({
        "0, c0",
        "23, d7",
        "24, d818",
        "255, d8ff",
        "256, d90100",
        "65536, da00010000",
        "4294967296, db0000000100000000",
        "9223372036854775807, db7fffffffffffffff"
    })
    void tagsUseTheShortestHead(long tag, String head) {
        assertEquals(head + "f6", hex(Cbor.encode(new CborTag(tag, CborNull.NULL))));
    }

    @Test
    void simpleValuesAreOneByte() {
        assertEquals("f4", hex(Cbor.encode(CborBool.FALSE)));
        assertEquals("f5", hex(Cbor.encode(CborBool.TRUE)));
        assertEquals("f6", hex(Cbor.encode(CborNull.NULL)));
    }

    @Test
    void textIsUtf8() {
        assertEquals("62c3bc", hex(Cbor.encode(CborText.of("\u00fc"))));
        assertEquals("63e6b0b4", hex(Cbor.encode(CborText.of("\u6c34"))));
        assertEquals("64f0908591", hex(Cbor.encode(CborText.of("\ud800\udd51"))));
        String mixed = "a\u00fc\u07ff\u0800\ud7ff\ue000\uffff\ud800\udc00\udbff\udfffz";
        byte[] utf8 = mixed.getBytes(StandardCharsets.UTF_8);
        byte[] encoded = Cbor.encode(CborText.of(mixed));
        assertEquals("78" + String.format("%02x", utf8.length), hex(encoded).substring(0, 4));
        assertArrayEquals(utf8, Arrays.copyOfRange(encoded, 2, encoded.length));
        assertEquals(CborText.of(mixed), Cbor.decode(encoded));
    }

    /** RFC 8949 section 4.2.1 lists these keys in their canonical order. */
    @Test
    void mapKeysSortByTheirEncodedBytes() {
        List<CborValue> keys =
                List.of(CborInt.of(10), CborInt.of(100), CborInt.of(-1), CborText.of("z"), CborText.of("aa"));
        List<CborValue> shuffled = new ArrayList<>(keys);
        Collections.reverse(shuffled);
        CborMap.Builder builder = CborMap.builder();
        shuffled.forEach(k -> builder.put(k, CborNull.NULL));
        CborMap map = builder.build();
        assertEquals(keys, map.entries().stream().map(CborMap.Entry::key).toList());
        String expected = "a5" + "0af6" + "1864f6" + "20f6" + "617af6" + "626161f6";
        assertEquals(expected, hex(Cbor.encode(map)));
        assertEquals(map, Cbor.decode(hex(expected)));
    }

    @Test
    void nestedValuesEncodeInOrder() {
        CborValue value = CborArray.of(
                CborInt.of(1),
                CborMap.builder()
                        .put("b", CborArray.of(CborInt.of(2), CborInt.of(3)))
                        .put("a", CborInt.of(1))
                        .build(),
                CborBytes.of(new byte[] {1, 2}),
                new CborTag(24, CborBytes.of(new byte[] {0x60})));
        assertEquals(
                "84" + "01" + "a2" + "6161" + "01" + "6162" + "820203" + "420102" + "d818" + "4160",
                hex(Cbor.encode(value)));
    }

    @Test
    void largeValuesGrowTheBuffer() {
        byte[] big = new byte[100_000];
        big[99_999] = 7;
        CborArray array = CborArray.of(CborBytes.of(big), CborText.of("\u6c34".repeat(50_000)));
        byte[] encoded = Cbor.encode(array);
        assertEquals(1 + 5 + 100_000 + 5 + 150_000, encoded.length);
        assertEquals(array, Cbor.decode(encoded));
    }
}
