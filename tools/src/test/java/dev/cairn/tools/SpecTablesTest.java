package dev.cairn.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.tools.specdoc.SpecTables;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecTablesTest {
    @Test
    void generatedSpecTablesMatchTheCode() {
        assertEquals(List.of(), SpecTables.stale(VectorsTest.ROOT.resolve("spec")), "run ./cairn generate");
    }
}
