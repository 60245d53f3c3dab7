package dev.cairn.verifier.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory stays bounded whatever the bundle's size: a bundle of 200,000 real receipts (about 80 MB)
 * verifies in a child JVM whose whole heap is 12 MiB, and a damaged copy fails there with its code
 * rather than running out of memory. A heap limit is the direct measure: the bundle is seven times
 * the heap, and anything kept per entry, even one marker hash as an object (about 80 bytes), would
 * take some 16 MB for 200,000 entries and end the child with an OutOfMemoryError.
 */
class BoundedMemoryTest {
    private static final int RECEIPTS = 200_000;

    @Test
    void twoHundredThousandReceiptsVerifyInATwelveMebibyteHeap(@TempDir Path dir) throws Exception {
        SigningKey key = SigningKey.generate(KeyType.ED25519, new SecureRandom());
        Path bundle = dir.resolve("bundle");
        SyntheticBundle.write(bundle, key, RECEIPTS);
        assertTrue(Files.size(bundle) > 6L * 12 * 1024 * 1024, "bundle of " + Files.size(bundle) + " bytes");
        String hex = key.verificationKey().encoded().toHex();
        assertEquals("verified " + RECEIPTS, child(bundle, hex).split(" max heap")[0]);
        Path damaged = dir.resolve("damaged");
        Files.copy(bundle, damaged);
        try (RandomAccessFile file = new RandomAccessFile(damaged.toFile(), "rw")) {
            file.seek(file.length() / 2);
            int b = file.read();
            file.seek(file.length() / 2);
            file.write(b ^ 0x20);
        }
        assertTrue(child(damaged, hex).startsWith("failed "), "a coded failure, not a crash");
    }

    private static String child(Path bundle, String keyHex) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx12m",
                        "-XX:+UseSerialGC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        BundleVerifyChild.class.getName(),
                        bundle.toString(),
                        keyHex)
                .redirectErrorStream(true)
                .start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "child did not finish");
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(process.exitValue() <= 1, out);
        return out;
    }
}
