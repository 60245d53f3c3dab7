package dev.cairn.tools.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar cairn-server.jar serve} as a separate process on H2 in a fresh directory, on a
 * free port of its choosing, stopped with SIGTERM (its shutdown hook closes the server in order).
 */
final class ServerProcess implements AutoCloseable {
    static final String TRUST_DOMAIN = "demo.example";

    final Path dataDir;
    final Path log;
    final int port;
    final String fingerprint;
    private final Process process;

    private ServerProcess(Path dataDir, Path log, Process process, int port, String fingerprint) {
        this.dataDir = dataDir;
        this.log = log;
        this.process = process;
        this.port = port;
        this.fingerprint = fingerprint;
    }

    static Map<String, String> environment(Path dataDir) {
        return Map.of(
                "CAIRN_SERVER_SERVER_TRUST_DOMAIN",
                TRUST_DOMAIN,
                "CAIRN_SERVER_SERVER_DATA_DIR",
                dataDir.toString(),
                "CAIRN_SERVER_LISTEN_PORT",
                "0",
                "CAIRN_SERVER_AUDIT_CHECKPOINT_INTERVAL",
                "PT1S");
    }

    static ServerProcess start(Processes processes, Path dir) throws IOException, InterruptedException {
        Path dataDir = dir.resolve("server");
        Path ready = dir.resolve("server.port");
        Path log = dir.resolve("server.log");
        List<String> command =
                processes.java("reference-server/target/cairn-server.jar", "serve", "--ready-file", ready.toString());
        Process process = processes.start(command, environment(dataDir), log);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!Files.exists(ready) || Files.size(ready) == 0) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                process.destroyForcibly();
                throw new IOException("cairn-server did not start:\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
        int port = Integer.parseInt(
                Files.readString(ready, StandardCharsets.US_ASCII).strip());
        String fingerprint = null;
        for (String line : Files.readAllLines(log)) {
            int at = line.indexOf("CA fingerprint for agents: ");
            if (at >= 0) {
                fingerprint = line.substring(at + "CA fingerprint for agents: ".length())
                        .strip();
            }
        }
        if (fingerprint == null) {
            process.destroyForcibly();
            throw new IOException("cairn-server printed no CA fingerprint:\n" + Files.readString(log));
        }
        return new ServerProcess(dataDir, log, process, port, fingerprint);
    }

    String url() {
        return "https://127.0.0.1:" + port;
    }

    /** Stops the server with SIGTERM and waits for it. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    int exitValue() {
        return process.exitValue();
    }
}
