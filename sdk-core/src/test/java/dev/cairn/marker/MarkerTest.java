package dev.cairn.marker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.bytes.Bytes;
import dev.cairn.bytes.Digest;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The marker, its hash and its field rules; the worked example of spec/marker-stream.md. */
class MarkerTest {
    private static Digest filled(int value) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) value);
        return Digest.of(bytes);
    }

    /** The example in spec/marker-stream.md, section "Example", byte for byte. */
    @Test
    void specExample() {
        Marker m0 = Marker.of(0, 1_700_000_000_000L, "node.enroll", filled(0x11), Marker.GENESIS_PREV_HASH);
        assertEquals(
                "85001b0000018bcfe568006b6e6f64652e656e726f6c6c5820" + "11".repeat(32) + "5820" + "00".repeat(32),
                m0.content().toHex());
        assertEquals(
                "bce9b7e9e6138cf5847517aa3c44d888b28497dcf149782eade3c35c6cf896a7",
                m0.hash().toHex());

        Marker m1 = Marker.of(1, 1_700_000_000_250L, "node.approve", filled(0x22), m0.hash());
        assertEquals(
                "60cf24c6ab4bce4131ce11590042881e3323408f41bd067c56907cacffdad04a",
                m1.hash().toHex());
    }

    @Test
    void constructorAcceptsTheRightHashAndRefusesAnyOther() {
        Marker marker = Marker.of(5, MarkerFixtures.T0, "k", MarkerFixtures.payload(1), MarkerFixtures.payload(2));
        assertEquals(
                marker,
                new Marker(5, MarkerFixtures.T0, "k", marker.payloadDigest(), marker.prevHash(), marker.hash()));
        MalformedInputException e = assertThrows(
                MalformedInputException.class,
                () -> new Marker(
                        5,
                        MarkerFixtures.T0,
                        "k",
                        marker.payloadDigest(),
                        marker.prevHash(),
                        MarkerFixtures.payload(3)));
        assertEquals(ErrorCode.MARKER_MALFORMED, e.code());
        assertEquals("5", e.details().get("seq"));
    }

    @Test
    void everyFieldIsInTheHash() {
        Marker base = Marker.of(3, 10, "a", MarkerFixtures.payload(1), MarkerFixtures.payload(2));
        Marker[] variants = {
            Marker.of(4, 10, "a", MarkerFixtures.payload(1), MarkerFixtures.payload(2)),
            Marker.of(3, 11, "a", MarkerFixtures.payload(1), MarkerFixtures.payload(2)),
            Marker.of(3, 10, "b", MarkerFixtures.payload(1), MarkerFixtures.payload(2)),
            Marker.of(3, 10, "a", MarkerFixtures.payload(9), MarkerFixtures.payload(2)),
            Marker.of(3, 10, "a", MarkerFixtures.payload(1), MarkerFixtures.payload(9)),
        };
        for (Marker variant : variants) {
            assertEquals(false, variant.hash().equals(base.hash()), variant.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\t", "a\nb", "caf\u00e9", "\u007f", "x\u0000"})
    void badKindsAreRefused(String kind) {
        MalformedInputException e = assertThrows(
                MalformedInputException.class,
                () -> Marker.of(0, 0, kind, MarkerFixtures.payload(0), Marker.GENESIS_PREV_HASH));
        assertEquals(ErrorCode.MARKER_KIND_INVALID, e.code());
    }

    @Test
    void kindLengthIsOneTo64PrintableCharacters() {
        assertEquals("x".repeat(64), Marker.checkKind("x".repeat(64)));
        assertEquals(" ~", Marker.checkKind(" ~"));
        assertEquals(
                ErrorCode.MARKER_KIND_INVALID,
                assertThrows(MalformedInputException.class, () -> Marker.checkKind("x".repeat(65)))
                        .code());
    }

    @Test
    void negativeSequenceOrTimeAndANonGenesisFirstLinkAreMalformed() {
        Digest p = MarkerFixtures.payload(0);
        assertEquals(
                ErrorCode.MARKER_MALFORMED,
                assertThrows(MalformedInputException.class, () -> Marker.of(-1, 0, "k", p, p))
                        .code());
        assertEquals(
                ErrorCode.MARKER_MALFORMED,
                assertThrows(MalformedInputException.class, () -> Marker.of(1, -1, "k", p, p))
                        .code());
        assertEquals(
                ErrorCode.MARKER_MALFORMED,
                assertThrows(MalformedInputException.class, () -> Marker.of(0, 0, "k", p, p))
                        .code());
    }

    @Test
    void timeIsTheInstantOfTheMilliseconds() {
        Marker marker = Marker.of(0, 1234, "k", MarkerFixtures.payload(0), Marker.GENESIS_PREV_HASH);
        assertEquals(Instant.ofEpochMilli(1234), marker.time());
        assertEquals(Bytes.copyOf(new byte[32]), Marker.GENESIS_PREV_HASH.bytes());
    }
}
