package dev.cairn.marker.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.cairn.bytes.ByteGens;
import dev.cairn.bytes.Bytes;
import dev.cairn.bytes.Digest;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.ErrorFamily;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.marker.Marker;
import dev.cairn.marker.MarkerFixtures;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/** The 256-byte record and the segment header: layout, round trip, and hostile bytes. */
class RecordCodecTest {
    private static final Marker M1 = Marker.of(
            1,
            1_700_000_000_250L,
            "node.approve",
            filled(0x22),
            Digest.fromHex("bce9b7e9e6138cf5847517aa3c44d888b28497dcf149782eade3c35c6cf896a7"));

    private static Digest filled(int value) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) value);
        return Digest.of(bytes);
    }

    /** The record example in spec/marker-stream.md, byte for byte. */
    @Test
    void specExample() {
        String expected = "434d524b010c0000" + "0000000000000001" + "0000018bcfe568fa" + "0000000000000001"
                + "6e6f64652e617070726f7665" + "00".repeat(52) + "22".repeat(32)
                + "bce9b7e9e6138cf5847517aa3c44d888b28497dcf149782eade3c35c6cf896a7"
                + "60cf24c6ab4bce4131ce11590042881e3323408f41bd067c56907cacffdad04a" + "00".repeat(60) + "53821e9b";
        byte[] record = RecordCodec.encode(M1, 1);
        assertEquals(expected, Bytes.copyOf(record).toHex());
        assertEquals(new RecordCodec.Stored(M1, 1), RecordCodec.decode(record));
    }

    @Test
    void roundTripsArbitraryMarkers() {
        qt().withExamples(500)
                .forAll(
                        longs().between(1, Long.MAX_VALUE),
                        longs().between(0, Long.MAX_VALUE),
                        integers().between(1, 64),
                        integers().between(0, 1000))
                .checkAssert((seq, time, kindLength, salt) -> {
                    String kind = "k".repeat(kindLength - 1) + (char) (0x20 + salt % 95);
                    Marker marker =
                            Marker.of(seq, time, kind, MarkerFixtures.payload(salt), MarkerFixtures.payload(-salt));
                    long batchStart = seq - salt % (seq + 1);
                    byte[] record = RecordCodec.encode(marker, batchStart);
                    assertEquals(RecordCodec.SIZE, record.length);
                    RecordCodec.Stored stored = RecordCodec.decode(record);
                    assertEquals(marker, stored.marker());
                    assertEquals(batchStart, stored.batchStart());
                    assertArrayEquals(record, RecordCodec.encode(stored.marker(), stored.batchStart()));
                });
    }

    @Test
    void everySingleByteChangeIsMalformed() {
        byte[] record = RecordCodec.encode(M1, 1);
        for (int i = 0; i < record.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] changed = record.clone();
                changed[i] ^= (byte) (1 << bit);
                MalformedInputException e =
                        assertThrows(MalformedInputException.class, () -> RecordCodec.decode(changed));
                assertEquals(ErrorCode.MARKER_MALFORMED, e.code(), "byte " + i);
            }
        }
    }

    @Test
    void wrongLengthsAreMalformed() {
        for (int length : new int[] {0, 1, 255, 257, 512}) {
            byte[] bytes = Arrays.copyOf(RecordCodec.encode(M1, 1), length);
            assertEquals(
                    ErrorCode.MARKER_MALFORMED,
                    assertThrows(MalformedInputException.class, () -> RecordCodec.decode(bytes))
                            .code());
        }
    }

    /** Nothing but a value or a typed malformed-input error escapes, for random and for near-valid bytes. */
    @Test
    void hostileBytesGiveAValueOrAMalformedInputError() {
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();
        byte[] valid = RecordCodec.encode(M1, 1);
        qt().withExamples(20_000)
                .forAll(
                        ByteGens.bytes(0, 300),
                        integers().between(0, 255),
                        integers().between(0, 255))
                .checkAssert((random, position, value) -> {
                    // Half the inputs: the valid record with one byte set and the checksum recomputed,
                    // so that the field checks behind the checksum are reached.
                    byte[] input = random;
                    if (value % 2 == 0) {
                        input = valid.clone();
                        input[Math.min(position, RecordCodec.CRC - 1)] = (byte) (int) value;
                        reseal(input);
                    }
                    try {
                        RecordCodec.Stored stored = RecordCodec.decode(input);
                        accepted.incrementAndGet();
                        assertArrayEquals(input, RecordCodec.encode(stored.marker(), stored.batchStart()));
                    } catch (MalformedInputException e) {
                        rejected.incrementAndGet();
                        assertEquals(ErrorFamily.MALFORMED_INPUT, e.code().family());
                        assertTrue(
                                e.code().name().startsWith("MARKER_"), e.code().name());
                    }
                });
        assertTrue(accepted.get() > 5, "accepted " + accepted);
        assertTrue(rejected.get() > 50, "rejected " + rejected);
    }

    @Test
    void segmentHeaderRoundTripsAndRefusesDamage() {
        SegmentHeader header = new SegmentHeader(3L << 16, 1 << 16);
        byte[] bytes = header.encode();
        assertEquals(header, SegmentHeader.decode(bytes));
        for (int i = 0; i < bytes.length; i++) {
            byte[] changed = bytes.clone();
            changed[i] ^= 0x40;
            assertEquals(
                    ErrorCode.MARKER_MALFORMED,
                    assertThrows(MalformedInputException.class, () -> SegmentHeader.decode(changed))
                            .code());
        }
        qt().withExamples(2000).forAll(ByteGens.bytes(0, 300)).checkAssert(random -> {
            try {
                SegmentHeader.decode(random);
            } catch (MalformedInputException e) {
                assertEquals(ErrorCode.MARKER_MALFORMED, e.code());
            }
        });
    }

    static void reseal(byte[] record) {
        CRC32C crc = new CRC32C();
        crc.update(record, 0, RecordCodec.CRC);
        ByteBuffer.wrap(record).putInt(RecordCodec.CRC, (int) crc.getValue());
    }
}
