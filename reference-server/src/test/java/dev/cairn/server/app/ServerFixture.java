package dev.cairn.server.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.server.config.ConfigLoader;
import dev.cairn.server.config.ServerConfig;
import dev.cairn.server.revocation.PublishedHead;
import dev.cairn.server.revocation.ServerRevocation;
import dev.cairn.trust.revocation.FreshnessTier;
import dev.cairn.trust.revocation.RevocationState;
import dev.cairn.trust.tls.PeerRole;
import dev.cairn.trust.tls.PeerVerifier;
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
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A real server on 127.0.0.1 (port of its choosing, H2 in a directory) and an operator's client for
 * it. The client trusts the server the way an operator on the server's machine does: the trust bundle
 * the server publishes, its identity, and a revocation state fed from the server's published head.
 */
final class ServerFixture implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    final Path dataDir;
    final ByteArrayOutputStream notices = new ByteArrayOutputStream();
    final ServerApp app;
    final HttpClient client;

    ServerFixture(Path dir, Map<String, String> extra) {
        this(dir, extra, Clock.systemUTC());
    }

    ServerFixture(Path dir, Map<String, String> extra, Clock clock) {
        this.dataDir = dir.resolve("data");
        Map<String, String> env = new HashMap<>(extra);
        env.putIfAbsent("CAIRN_SERVER_SERVER_TRUST_DOMAIN", "e2e.example");
        env.put("CAIRN_SERVER_SERVER_DATA_DIR", dataDir.toString());
        env.put("CAIRN_SERVER_LISTEN_PORT", "0");
        env.putIfAbsent("CAIRN_SERVER_AUDIT_CHECKPOINT_INTERVAL", "PT1S");
        ServerConfig config = ConfigLoader.load(Optional.empty(), env, dir);
        this.app = ServerApp.start(config, clock, new PrintStream(notices, true, StandardCharsets.UTF_8));
        this.client = HttpClient.newBuilder()
                .sslContext(TlsContexts.client(serverVerifier(app)))
                .sslParameters(TlsContexts.clientParameters())
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    static PeerVerifier serverVerifier(ServerApp app) {
        ServerTrustBundle bundle = ServerTrustBundle.of(app.pki());
        RevocationState state = RevocationState.builder(
                        app.pki().trustDomain(), bundle.bundle().keys())
                .build();
        ServerRevocation revocation = app.revocation();
        PublishedHead head = revocation.current().orElseThrow();
        state.updateFromStart(head.signedHead().toByteArray(), revocation.entries(0, head.chainSize()));
        return PeerVerifier.builder()
                .trustBundle(bundle.bundle())
                .revocation(state)
                .tier(FreshnessTier.RISKY)
                .role(PeerRole.SERVER)
                .expectId(app.pki().serverIdentity())
                .build();
    }

    String adminCredential() {
        try {
            return Files.readString(dataDir.resolve("admin.credential")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String token(String... scopes) {
        StringBuilder body = new StringBuilder("{\"credential\": \"" + adminCredential() + "\", \"scopes\": [");
        for (int i = 0; i < scopes.length; i++) {
            body.append(i == 0 ? "" : ", ").append('"').append(scopes[i]).append('"');
        }
        Reply reply = post("/v1/auth/token", null, body.append("]}").toString());
        if (reply.status() != 201) {
            throw new AssertionError("token: " + reply.text());
        }
        return reply.json().path("token").asText();
    }

    URI uri(String path) {
        return URI.create("https://127.0.0.1:" + app.port() + path);
    }

    Reply get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        return send(request, token);
    }

    Reply post(String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        return send(request, token);
    }

    Reply postEmpty(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()), token);
    }

    /** Any request: a method, a path with its query, an optional body of a media type. */
    Reply request(String method, String path, String token, String mediaType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (mediaType != null) {
            request.header("Content-Type", mediaType);
        }
        return send(request, token);
    }

    private Reply send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<byte[]> response = client.send(
                    request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
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
        app.close();
    }

    /** A response. */
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
