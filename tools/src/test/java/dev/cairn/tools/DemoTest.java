package dev.cairn.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.tools.demo.Demo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DemoTest {
    @Test
    void demoRunsToTheEndAndShowsTheRejectionCodes() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int exit = new Demo(new PrintStream(buffer, true, StandardCharsets.UTF_8)).run(VectorsTest.ROOT);
        String output = buffer.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, output);
        assertTrue(output.contains("COSE_BAD_SIGNATURE"), output);
        assertTrue(output.contains("CBOR_NON_CANONICAL"), output);
        assertTrue(output.contains("CSR_NAMES_NOT_ALLOWED"), output);
        assertTrue(output.contains(" 0 failed"), output);
    }
}
