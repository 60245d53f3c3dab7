package dev.cairn.server.cli.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.trust.token.OperatorScope;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Set;

/**
 * The operator's connection to one server, after {@link ServerTrust} authenticated it: exchanges the
 * admin credential for a token with exactly the scopes asked for, then sends the calls with it. The
 * credential and the token stay in this object; nothing prints them.
 */
final class AdminClient {
    private final URI base;
    private final ServerTrust trust;
    private final HttpClient client;
    private String token;

    private AdminClient(URI base, ServerTrust trust) {
        this.base = base;
        this.trust = trust;
        this.client = trust.client();
    }

    /**
     * Authenticates the server, then exchanges the credential for a token of {@code scopes}.
     *
     * @param connection the resolved options
     * @param scopes the scopes the subcommand needs
     * @return the client
     * @throws IOException when the server cannot be reached or its TLS is refused
     */
    static AdminClient open(Connection.Resolved connection, Set<OperatorScope> scopes) throws IOException {
        ServerTrust trust = ServerTrust.establish(connection.server(), connection.pin(), connection.localCas());
        AdminClient admin = new AdminClient(connection.server(), trust);
        admin.authorize(Connection.credential(connection.credential()), scopes);
        return admin;
    }

    ServerTrust trust() {
        return trust;
    }

    private void authorize(String credential, Set<OperatorScope> scopes) throws IOException {
        ObjectNode body = Http.JSON.createObjectNode().put("credential", credential);
        scopes.stream().map(OperatorScope::token).sorted().forEach(body.putArray("scopes")::add);
        JsonNode answer = Http.json(send(post("/v1/auth/token", body), 201, false));
        this.token = Objects.requireNonNull(answer.path("token").textValue(), "token");
    }

    JsonNode get(String path) throws IOException {
        return Http.json(send(Http.request(base, path).GET(), 200, true));
    }

    JsonNode post(String path, JsonNode body, int expected) throws IOException {
        return Http.json(send(post(path, body), expected, true));
    }

    JsonNode postEmpty(String path, int expected) throws IOException {
        return Http.json(send(Http.request(base, path).POST(HttpRequest.BodyPublishers.noBody()), expected, true));
    }

    byte[] postForBytes(String path, int expected) throws IOException {
        return send(Http.request(base, path).POST(HttpRequest.BodyPublishers.noBody()), expected, true);
    }

    /**
     * Streams a 200 answer into {@code out}: written to a sibling temporary file, then moved into
     * place, so that {@code out} never holds a partial or error answer.
     *
     * @return the bytes written
     */
    long download(String path, Path out) throws IOException {
        HttpRequest request = bearer(Http.request(base, path).GET()).build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw Http.error(response.statusCode(), body.readNBytes(64 * 1024));
            }
            Path absolute = out.toAbsolutePath();
            Path temp = Files.createTempFile(absolute.getParent(), absolute.getFileName() + ".", ".part");
            try {
                long written = Files.copy(body, temp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return written;
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }

    private HttpRequest.Builder post(String path, JsonNode body) throws IOException {
        return Http.request(base, path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Http.JSON.writeValueAsBytes(body)));
    }

    private byte[] send(HttpRequest.Builder request, int expected, boolean authenticated) throws IOException {
        return Http.send(client, (authenticated ? bearer(request) : request).build(), expected);
    }

    private HttpRequest.Builder bearer(HttpRequest.Builder request) {
        return request.header("Authorization", "Bearer " + Objects.requireNonNull(token, "not authorized"));
    }
}
