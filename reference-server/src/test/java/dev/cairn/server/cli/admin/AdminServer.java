package dev.cairn.server.cli.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.errors.ErrorCode;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.server.app.ServerApp;
import dev.cairn.server.cli.CairnServer;
import dev.cairn.server.config.ConfigLoader;
import dev.cairn.server.config.ServerConfig;
import dev.cairn.trust.csr.CsrBuilder;
import dev.cairn.trust.pin.CaFingerprint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real server on 127.0.0.1 (port 0, H2 in a temporary directory) and runs of {@code cairn-server}
 * against it through {@link CairnServer#run}, every output kept so a test can check that no secret
 * was ever printed.
 */
final class AdminServer implements AutoCloseable {
    final Path dataDir;
    final ServerApp app;
    final List<Run> runs = new ArrayList<>();
    private final ByteArrayOutputStream notices = new ByteArrayOutputStream();

    AdminServer(Path dir) {
        this.dataDir = dir.resolve("data");
        Map<String, String> env = new HashMap<>();
        env.put("CAIRN_SERVER_SERVER_TRUST_DOMAIN", "e2e.example");
        env.put("CAIRN_SERVER_SERVER_DATA_DIR", dataDir.toString());
        env.put("CAIRN_SERVER_LISTEN_PORT", "0");
        env.put("CAIRN_SERVER_AUDIT_CHECKPOINT_INTERVAL", "PT1S");
        ServerConfig config = ConfigLoader.load(Optional.empty(), env, dir);
        this.app = ServerApp.start(config, Clock.systemUTC(), new PrintStream(notices, true, StandardCharsets.UTF_8));
    }

    String url() {
        return "https://127.0.0.1:" + app.port();
    }

    String credential() {
        try {
            return Files.readString(dataDir.resolve("admin.credential")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code cairn-server admin ARGS --server URL --data-dir DIR}. */
    Run admin(String... args) {
        List<String> all = new ArrayList<>(List.of("admin"));
        all.addAll(List.of(args));
        all.addAll(List.of("--server", url(), "--data-dir", dataDir.toString()));
        return run(all.toArray(new String[0]));
    }

    /** {@code cairn-server ARGS} as given. */
    Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = CairnServer.run(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                args);
        Run run = new Run(
                List.of(args), exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        runs.add(run);
        return run;
    }

    /**
     * Submits a join request as an agent would: a real CSR, over TLS to the server authenticated the
     * way the CLI does it.
     *
     * @return the request id
     */
    String submitJoinRequest(String joinToken, String hostFingerprint) throws Exception {
        SigningKey key = SigningKey.generate(KeyType.P256, new SecureRandom());
        byte[] csr = CsrBuilder.build(key, Optional.empty()).der().toByteArray();
        ObjectNode body = Http.JSON.createObjectNode();
        body.put("token", joinToken);
        body.put("csr", Base64.getEncoder().encodeToString(csr));
        ObjectNode facts = body.putObject("facts");
        facts.put("host_fingerprint", hostFingerprint);
        facts.put("hostname", "worker-1");
        facts.putNull("os");
        facts.putNull("arch");
        facts.put("agent_version", "0.1.0");
        body.putArray("capabilities").add("gpu").add("storage");
        URI base = URI.create(url() + "/");
        HttpClient client = ServerTrust.establish(
                        base, CaFingerprint.parse(app.pki().rootFingerprint(), ErrorCode.CONFIG_INVALID), List.of())
                .client();
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(base.resolve("/v1/enroll/join-requests"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new AssertionError("join request: " + response.body());
        }
        return Http.JSON.readTree(response.body()).path("request_id").asText();
    }

    @Override
    public void close() {
        app.close();
    }

    /** One run of the command line. */
    record Run(List<String> args, int exit, String out, String err) {
        JsonNode json() {
            try {
                return Http.JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + this, e);
            }
        }

        @Override
        public String toString() {
            return args + " -> exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
        }
    }
}
