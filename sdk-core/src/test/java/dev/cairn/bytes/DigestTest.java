package dev.cairn.bytes;

import static dev.cairn.bytes.ByteGens.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import org.junit.jupiter.api.Test;

class DigestTest {

    @Test
    void acceptsExactly32Bytes() {
        qt().forAll(bytes(0, 70)).checkAssert(data -> {
            if (data.length == Digest.LENGTH) {
                Digest digest = Digest.of(data);
                assertArrayEquals(data, digest.toByteArray());
                assertEquals(Bytes.copyOf(data), digest.bytes());
            } else {
                assertThrows(IllegalArgumentException.class, () -> Digest.of(data));
                assertThrows(IllegalArgumentException.class, () -> new Digest(Bytes.copyOf(data)));
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Digest.fromHex(Bytes.copyOf(data).toHex()));
            }
        });
    }

    @Test
    void rejectsTheNeighbouringLengths() {
        for (int length : new int[] {0, 1, 31, 33, 64}) {
            assertThrows(IllegalArgumentException.class, () -> Digest.of(new byte[length]), "length " + length);
        }
        assertThrows(NullPointerException.class, () -> new Digest(null));
    }

    @Test
    void copiesInAndOut() {
        byte[] source = new byte[32];
        source[0] = 7;
        Digest digest = Digest.of(source);
        source[0] = 9;
        byte[] out = digest.toByteArray();
        out[1] = 9;
        assertEquals(7, digest.bytes().get(0));
        assertEquals(0, digest.bytes().get(1));
    }

    @Test
    void hexRoundTripAndOrder() {
        String hex = "00".repeat(31) + "80";
        Digest digest = Digest.fromHex(hex);
        assertEquals(hex, digest.toHex());
        assertEquals(hex, digest.toString());
        assertEquals(digest, Digest.fromHex(hex.toUpperCase(java.util.Locale.ROOT)));
        assertTrue(digest.compareTo(Digest.fromHex("00".repeat(31) + "7f")) > 0, "unsigned order");
        assertTrue(Digest.fromHex("ff" + "00".repeat(31)).compareTo(digest) > 0);
    }
}
