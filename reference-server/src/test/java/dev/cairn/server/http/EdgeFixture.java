package dev.cairn.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.ca.Profile;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.token.OperatorScope;
import dev.cairn.trust.token.OperatorTokenIssuer;
import dev.cairn.trust.token.OperatorTokenValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/** An edge with the test routes on 127.0.0.1, a port of its choosing, and clients for it. */
final class EdgeFixture implements AutoCloseable {
    static final String ISSUER = "https://cairn.test.example";
    static final String AUDIENCE = "cairn-control-plane";
    static final ObjectMapper MAPPER = new ObjectMapper();

    final TestPki pki;
    final TestRoutes routes = new TestRoutes();
    final SigningKey tokenKey;
    final OperatorTokenIssuer tokens;
    final HttpEdge edge;
    final TestPki.Credential node;

    EdgeFixture() {
        this(b -> {});
    }

    EdgeFixture(Consumer<HttpEdge.Builder> customise) {
        this(new TestPki("edge.example", KeyType.P256), customise);
    }

    EdgeFixture(TestPki pki, Consumer<HttpEdge.Builder> customise) {
        this.pki = pki;
        this.node = pki.issue(pki.node("n-1"), Profile.NODE_CLIENT);
        this.tokenKey = SigningKey.generate(KeyType.ED25519, pki.random);
        this.tokens = OperatorTokenIssuer.builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .signingKey(tokenKey)
                .build();
        OperatorTokenValidator validator = OperatorTokenValidator.builder()
                .expectIssuer(ISSUER)
                .expectAudience(AUDIENCE)
                .trustJwks(tokens.jwks())
                .build();
        HttpEdge.Builder builder = HttpEdge.builder()
                .tls(pki.server.key(), pki.server.chain(), TestPki.ACCESS)
                .peerTrust(pki.trust())
                .operatorTokens(validator)
                .port(0)
                .bindJvmMetrics(false)
                .routes(routes.all());
        customise.accept(builder);
        this.edge = builder.build().start();
    }

    URI uri(String path) {
        return URI.create("https://127.0.0.1:" + edge.port() + path);
    }

    /** A client presenting {@code credential}. */
    HttpClient client(TestPki.Credential credential) {
        return client(pki.clientContext(credential));
    }

    /** A client without a certificate. */
    HttpClient anonymous() {
        return client(pki.anonymousContext());
    }

    static HttpClient client(SSLContext context) {
        return HttpClient.newBuilder()
                .sslContext(context)
                .sslParameters(dev.cairn.trust.tls.TlsContexts.clientParameters())
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    String token(OperatorScope... scopes) {
        return tokens.issue(CairnId.operator(pki.domain, "alice"), Set.of(scopes), Duration.ofMinutes(10))
                .token();
    }

    Reply get(HttpClient client, String path, String... headers) {
        return send(client, HttpRequest.newBuilder(uri(path)).GET(), headers);
    }

    Reply post(HttpClient client, String path, String contentType, String body, String... headers) {
        return post(client, path, contentType, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    Reply post(HttpClient client, String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(client, request, headers);
    }

    Reply send(HttpClient client, HttpRequest.Builder request, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<byte[]> response = client.send(
                    request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        edge.close();
    }

    /** A response. */
    record Reply(int status, HttpHeaders headers, byte[] body) {
        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + text(), e);
            }
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The error code of an error body. */
        String code() {
            return json().path("error").path("code").asText("<no code: " + text() + ">");
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }
}
