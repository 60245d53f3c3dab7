package dev.cairn.verifier.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InputsTest {
    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void lowercaseHexTextIsDecoded() {
        assertArrayEquals(new byte[] {(byte) 0xd2, (byte) 0x84}, Inputs.decodeHex(ascii("d284")));
        assertArrayEquals(new byte[] {(byte) 0xd2, (byte) 0x84}, Inputs.decodeHex(ascii("d284\n")));
        assertArrayEquals(new byte[] {(byte) 0xd2, (byte) 0x84}, Inputs.decodeHex(ascii("d284 \r\n\t")));
    }

    @Test
    void anythingElseIsTakenAsBinary() {
        for (String text : new String[] {"", "\n", "d28", "D284", "d2 84", "0x84", "d284x"}) {
            assertArrayEquals(ascii(text), Inputs.decodeHex(ascii(text)), text);
        }
        byte[] binary = {(byte) 0xd2, (byte) 0x84, 0x30, 0x31};
        assertArrayEquals(binary, Inputs.decodeHex(binary));
    }
}
