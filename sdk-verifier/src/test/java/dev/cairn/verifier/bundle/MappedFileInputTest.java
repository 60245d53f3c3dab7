package dev.cairn.verifier.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappedFileInputTest {
    @TempDir
    Path dir;

    @Test
    void readsEveryByteInOrderAcrossWindowsWhateverTheReadSizes() throws IOException {
        Random random = new Random(7);
        for (int size : new int[] {0, 1, 99, 100, 101, 1000, 4097}) {
            byte[] content = new byte[size];
            random.nextBytes(content);
            Path file = Files.write(dir.resolve("f" + size), content);
            for (long window : new long[] {1, 7, 100, 1 << 20}) {
                ByteArrayOutputStream read = new ByteArrayOutputStream();
                try (MappedFileInput in = new MappedFileInput(file, window)) {
                    byte[] buffer = new byte[1 + random.nextInt(300)];
                    for (int n = in.read(buffer, 0, buffer.length); n >= 0; n = in.read(buffer, 0, buffer.length)) {
                        read.write(buffer, 0, n);
                        if (random.nextBoolean()) {
                            int b = in.read();
                            if (b < 0) {
                                break;
                            }
                            read.write(b);
                        }
                    }
                    assertEquals(-1, in.read());
                }
                assertArrayEquals(content, read.toByteArray(), size + " bytes in windows of " + window);
            }
        }
    }

    @Test
    void aZeroLengthReadReadsNothing() throws IOException {
        Path file = Files.write(dir.resolve("f"), new byte[] {1, 2, 3});
        try (MappedFileInput in = new MappedFileInput(file)) {
            assertEquals(0, in.read(new byte[4], 0, 0));
            assertEquals(1, in.read());
        }
    }
}
