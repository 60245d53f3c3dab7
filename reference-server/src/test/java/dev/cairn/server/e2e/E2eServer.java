package dev.cairn.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.errors.ErrorCode;
import dev.cairn.server.app.ServerApp;
import dev.cairn.server.config.ConfigLoader;
import dev.cairn.server.config.ServerConfig;
import dev.cairn.testsupport.TestDataSource;
import dev.cairn.testsupport.TestDatabase;
import dev.cairn.testsupport.TestDatabases;
import dev.cairn.trust.pin.CaFingerprint;
import dev.cairn.trust.pin.PinnedServerTrust;
import dev.cairn.trust.tls.TlsContexts;
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
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The real server for end-to-end tests: {@link ServerApp} on 127.0.0.1 with its data directory under
 * a test's temporary directory and its state either in the embedded H2 database there (the server's
 * default, no database setting) or in a fresh PostgreSQL database of the test server that {@code
 * ./cairn test} starts, dropped on {@link #close()}; restartable on the same data directory, database
 * and port; and an
 * operator's client that authenticates the server the way an agent does (the pinned root) and calls
 * the operator API with a token obtained from the bootstrap admin credential.
 */
final class E2eServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    final Path root;
    final Path dataDir;
    private final Map<String, String> extra;
    private final TestDataSource database;
    private final ByteArrayOutputStream notices = new ByteArrayOutputStream();
    private ServerApp app;
    private int port;
    private HttpClient client;
    private String token;

    private E2eServer(Path root, Map<String, String> extra, TestDataSource database) {
        this.root = root;
        this.dataDir = root.resolve("server-data");
        this.extra = extra;
        this.database = database;
    }

    /** A server on a port of its choosing, storing its state in the given engine. */
    static E2eServer start(Path root, TestDatabase engine) {
        return start(root, engine, Map.of());
    }

    /** A server with extra configuration ({@code CAIRN_SERVER_*} variables). */
    static E2eServer start(Path root, TestDatabase engine, Map<String, String> extra) {
        TestDataSource database = engine == TestDatabase.POSTGRESQL ? TestDatabases.create(engine, "e2e") : null;
        E2eServer server = new E2eServer(root, extra, database);
        try {
            server.open(0);
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void open(int listenPort) {
        Map<String, String> env = new HashMap<>(extra);
        if (database != null) {
            env.put("CAIRN_SERVER_DATABASE_URL", database.jdbcUrl());
            if (database.user() != null) {
                env.put("CAIRN_SERVER_DATABASE_USER", database.user());
            }
            String password = System.getenv(TestDatabases.PG_PASSWORD_ENV);
            if (password != null) {
                env.put("CAIRN_SERVER_DATABASE_PASSWORD", password);
            }
        }
        env.put("CAIRN_SERVER_SERVER_TRUST_DOMAIN", "e2e.example");
        env.put("CAIRN_SERVER_SERVER_DATA_DIR", dataDir.toString());
        env.put("CAIRN_SERVER_LISTEN_PORT", Integer.toString(listenPort));
        ServerConfig config = ConfigLoader.load(Optional.empty(), env, root);
        app = ServerApp.start(config, Clock.systemUTC(), new PrintStream(notices, true, StandardCharsets.UTF_8));
        port = app.port();
        PinnedServerTrust trust =
                new PinnedServerTrust(pin(), Optional.empty(), Clock.systemUTC(), ErrorCode.AGENT_SERVER_UNTRUSTED);
        client = HttpClient.newBuilder()
                .sslContext(trust.clientContext())
                .sslParameters(TlsContexts.clientParameters())
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        token = null;
    }

    /** Stops the server. */
    void stop() {
        if (app != null) {
            app.close();
            app = null;
        }
    }

    /** Starts a new server on the same data directory and port. */
    void startAgain() {
        stop();
        open(port);
    }

    ServerApp app() {
        return app;
    }

    /** The server's base URL. */
    String url() {
        return "https://127.0.0.1:" + port;
    }

    /** The root CA's fingerprint, what operators give agents. */
    CaFingerprint pin() {
        return CaFingerprint.parse(app.pki().rootFingerprint(), ErrorCode.CONFIG_INVALID);
    }

    /** Creates a cluster. */
    void cluster(String name) {
        Reply reply = post("/v1/clusters", "{\"name\": \"" + name + "\"}");
        if (reply.status() != 201) {
            throw new AssertionError("cluster: " + reply.text());
        }
    }

    /** Creates a join token for a cluster and returns its secret form. */
    String joinToken(String cluster, int maxUses) {
        Reply reply = post(
                "/v1/clusters/" + cluster + "/join-tokens", "{\"ttl_seconds\": 3600, \"max_uses\": " + maxUses + "}");
        if (reply.status() != 201) {
            throw new AssertionError("join token: " + reply.text());
        }
        return reply.json().path("token").asText();
    }

    /** The join requests, optionally of one status. */
    List<JsonNode> joinRequests(String status) {
        Reply reply = get("/v1/join-requests" + (status == null ? "" : "?status=" + status));
        if (reply.status() != 200) {
            throw new AssertionError("join requests: " + reply.text());
        }
        List<JsonNode> out = new ArrayList<>();
        reply.json().path("join_requests").forEach(out::add);
        return out;
    }

    Reply approve(String requestId) {
        return post("/v1/join-requests/" + requestId + "/approve", null);
    }

    Reply deny(String requestId, String reason) {
        return post("/v1/join-requests/" + requestId + "/deny", "{\"reason\": \"" + reason + "\"}");
    }

    Reply revoke(String nodeId) {
        return post("/v1/nodes/" + nodeId + "/revoke", "{\"reason\": \"KEY_COMPROMISE\"}");
    }

    Reply node(String nodeId) {
        return get("/v1/nodes/" + nodeId);
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url() + path)).GET());
    }

    Reply post(String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path));
        if (json == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        return send(request);
    }

    private Reply send(HttpRequest.Builder request) {
        request.header("Authorization", "Bearer " + operatorToken()).timeout(Duration.ofSeconds(30));
        return exchange(request.build());
    }

    private String operatorToken() {
        if (token == null) {
            String credential;
            try {
                credential =
                        Files.readString(dataDir.resolve("admin.credential")).strip();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Reply reply = exchange(HttpRequest.newBuilder(URI.create(url() + "/v1/auth/token"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"credential\": \"" + credential + "\", \"scopes\":"
                            + " [\"clusters:write\", \"clusters:read\", \"enrollment:write\","
                            + " \"certificates:revoke\"]}"))
                    .timeout(Duration.ofSeconds(30))
                    .build());
            if (reply.status() != 201) {
                throw new AssertionError("operator token: " + reply.text());
            }
            token = reply.json().path("token").asText();
        }
        return token;
    }

    private Reply exchange(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    /** A response of the operator API. */
    record Reply(int status, byte[] body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + text(), e);
            }
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String code() {
            return json().path("error").path("code").asText("<no code: " + text() + ">");
        }
    }
}
