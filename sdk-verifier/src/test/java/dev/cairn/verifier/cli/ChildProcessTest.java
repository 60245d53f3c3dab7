package dev.cairn.verifier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.mmr.Mmr;
import dev.cairn.mmr.MmrMath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn-verify} as a separate process: the shaded {@code target/cairn-verify.jar} when it exists
 * at test time (it is built in the package phase, after the tests of a first build), else the main
 * class on this test class path. The exit code is the process's.
 */
class ChildProcessTest {
    private static final Path JAR = Path.of("target", "cairn-verify.jar");

    @TempDir
    Path dir;

    private record Process(int exit, String out, String err) {}

    private static List<String> command() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        if (Files.isRegularFile(JAR)) {
            return new ArrayList<>(List.of(java, "-jar", JAR.toString()));
        }
        return new ArrayList<>(
                List.of(java, "-cp", System.getProperty("java.class.path"), CairnVerify.class.getName()));
    }

    private Process run(byte[] stdin, String... args) throws IOException, InterruptedException {
        List<String> command = command();
        command.addAll(List.of(args));
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        Path in = dir.resolve("in");
        Files.write(in, stdin);
        java.lang.Process process = new ProcessBuilder(command)
                .redirectInput(in.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "cairn-verify did not finish: " + command);
        return new Process(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void theCommandRunsAsAProcessWithItsExitCodes() throws IOException, InterruptedException {
        Mmr mmr = ProofDocs.mmr(11);
        byte[] valid = ProofDocs.bytes(ProofDocs.inclusion(mmr, MmrMath.leafIndex(9), mmr.size()));
        Process ok = run(valid, "proof", "-");
        assertEquals(0, ok.exit(), ok.toString());
        assertTrue(ok.out().startsWith("VALID mmr-inclusion"), ok.out());
        String tampered = new String(valid, StandardCharsets.UTF_8).replace("\"index\":", "\"index\":1");
        Process bad = run(tampered.getBytes(StandardCharsets.UTF_8), "proof", "--json", "-");
        assertTrue(bad.exit() == 1 || bad.exit() == 2, bad.toString());
        assertTrue(bad.out().contains("\"code\":\"MMR_"), bad.out());
        Process malformed = run("{".getBytes(StandardCharsets.UTF_8), "proof", "-");
        assertEquals(2, malformed.exit(), malformed.toString());
        Process usage = run(new byte[0]);
        assertEquals(2, usage.exit(), usage.toString());
        assertTrue(usage.err().contains("Usage: cairn-verify"), usage.err());
        Process help = run(new byte[0], "--help");
        assertEquals(0, help.exit(), help.toString());
        assertTrue(help.out().contains("Exit codes:"), help.out());
    }
}
