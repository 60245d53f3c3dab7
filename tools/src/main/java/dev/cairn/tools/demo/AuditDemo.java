package dev.cairn.tools.demo;

import dev.cairn.audit.AuditBundleExporter;
import dev.cairn.cbor.Cbor;
import dev.cairn.keys.VerificationKey;
import dev.cairn.receipt.IssuedStatement;
import dev.cairn.receipt.ReceiptLog;
import dev.cairn.receipt.SignedCheckpoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The auditor's step of the demo: the log exports an audit bundle, and {@code java -jar
 * cairn-verify.jar bundle ...}, a separate process that trusts nothing but the log's public key,
 * verifies it; then a copy with one byte changed is refused with its code.
 */
final class AuditDemo {
    private final PrintStream out;
    private final Path repoRoot;

    AuditDemo(PrintStream out, Path repoRoot) {
        this.out = out;
        this.repoRoot = repoRoot;
    }

    /** Exports the log's whole range under the checkpoint into {@code dir}. */
    static Path export(
            ReceiptLog log, List<IssuedStatement> issued, SignedCheckpoint checkpoint, VerificationKey key, Path dir) {
        Path bundle = dir.resolve("audit.bundle");
        try (OutputStream file = Files.newOutputStream(bundle)) {
            AuditBundleExporter.builder(log)
                    .checkpoint(checkpoint)
                    .logKeys(List.of(key))
                    .statements(issued)
                    .build()
                    .export(file, 0, issued.size());
            write(dir.resolve("log-key.cose"), Cbor.encode(key.toCoseKey()));
            return bundle;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a file for the auditor (the demo leaves its outputs in its temporary directory). */
    static void write(Path file, byte[] content) {
        try {
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the verifier jar on the bundle and on a tampered copy; whether both behaved as they must. */
    boolean run(Path bundle, String logId) throws IOException, InterruptedException {
        Path jar = repoRoot.resolve("sdk-verifier/target/cairn-verify.jar");
        if (!Files.isRegularFile(jar)) {
            out.println("  " + jar + " is missing: build it with ./cairn demo (which builds it first)");
            return false;
        }
        Path key = bundle.resolveSibling("log-key.cose");
        out.println("  exported " + bundle + " (" + Files.size(bundle) + " bytes) and the log's public key "
                + key.getFileName() + "; the auditor trusts only that key");
        List<String> command =
                List.of(javaBinary(), "-jar", jar.toString(), "bundle", "--log-id", logId, "--key", key.toString());
        int valid = runShown(command, bundle);

        byte[] bytes = Files.readAllBytes(bundle);
        int at = LogDemo.indexOf(bytes, "n-3".getBytes(StandardCharsets.US_ASCII));
        bytes[at + 2] = '9';
        Path tampered = bundle.resolveSibling("audit-tampered.bundle");
        Files.write(tampered, bytes);
        out.println(
                "  a copy with one byte changed (node n-3 renamed n-9 in one statement): " + tampered.getFileName());
        int refused = runShown(command, tampered);
        return valid == 0 && refused == 1;
    }

    private int runShown(List<String> command, Path bundle) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(command);
        full.add(bundle.toString());
        out.println("  $ java -jar sdk-verifier/target/cairn-verify.jar bundle --log-id " + full.get(5) + " --key "
                + Path.of(full.get(7)).getFileName() + " " + bundle.getFileName());
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                out.println("    " + line);
            }
        }
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("cairn-verify did not finish");
        }
        out.println("    (exit code " + process.exitValue() + ")");
        return process.exitValue();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
