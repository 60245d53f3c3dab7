package dev.cairn.cbor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborInt;
import dev.cairn.cbor.CborMap;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class CborAccessTest {
    @Test
    void theFactorySlotCannotBeTaken() {
        assertThrows(IllegalStateException.class, () -> CborAccess.registerCanonicalMaps(entries -> CborMap.empty()));
        CborMap decoded = (CborMap) Cbor.decode(HexFormat.of().parseHex("a201020304"));
        assertEquals(
                CborMap.builder().put(3, CborInt.of(4)).put(1, CborInt.of(2)).build(), decoded);
    }

    @Test
    void theRegisteredFactoryKeepsTheGivenOrder() {
        CborMap.Entry one = new CborMap.Entry(CborInt.of(1), CborInt.of(2));
        CborMap.Entry three = new CborMap.Entry(CborInt.of(3), CborInt.of(4));
        assertEquals(
                List.of(one, three),
                CborAccess.canonicalMaps().apply(List.of(one, three)).entries());
        assertSame(CborMap.empty(), CborAccess.canonicalMaps().apply(List.of()));
    }
}
