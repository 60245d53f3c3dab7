package dev.cairn.trust.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSerialLedgerTest {
    @TempDir
    Path dir;

    @Test
    void aSerialIsRecordedOnceAndSurvivesReopening() throws IOException {
        Path file = dir.resolve("serials");
        BigInteger big = BigInteger.ONE.shiftLeft(126).add(BigInteger.TEN);
        try (FileSerialLedger ledger = FileSerialLedger.open(file)) {
            assertTrue(ledger.record(big));
            assertTrue(ledger.record(BigInteger.TWO));
            assertFalse(ledger.record(big));
        }
        // A torn record from a crash mid-write is cut on open.
        Files.write(file, new byte[] {1, 2, 3}, StandardOpenOption.APPEND);
        try (FileSerialLedger ledger = FileSerialLedger.open(file)) {
            assertEquals(2, ledger.size());
            assertFalse(ledger.record(big));
            assertFalse(ledger.record(BigInteger.TWO));
            assertTrue(ledger.record(BigInteger.ONE));
        }
        assertEquals(3 * FileSerialLedger.RECORD, Files.size(file));
    }
}
