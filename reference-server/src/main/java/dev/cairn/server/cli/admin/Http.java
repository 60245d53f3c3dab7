package dev.cairn.server.cli.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.ErrorFamily;
import dev.cairn.errors.InternalException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/** The HTTP plumbing both connections share: one client per trust decision, error bodies parsed. */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private Http() {}

    static HttpClient client(SSLContext context) {
        return HttpClient.newBuilder()
                .sslContext(context)
                .sslParameters(dev.cairn.trust.tls.TlsContexts.clientParameters())
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
    }

    static HttpRequest.Builder request(URI base, String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT);
    }

    /** Sends and returns the body of an answer of status {@code expected}, or throws its error. */
    static byte[] send(HttpClient client, HttpRequest request, int expected) throws IOException {
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
        if (response.statusCode() != expected) {
            throw error(response.statusCode(), response.body());
        }
        return response.body();
    }

    /** The typed form of an error answer, or a stand-in when the body is not a Cairn error body. */
    static ServerError error(int status, byte[] body) {
        try {
            JsonNode error = JSON.readTree(body).path("error");
            if (error.path("code").isTextual() && error.path("family").isTextual()) {
                return new ServerError(
                        status,
                        error.path("code").asText(),
                        ErrorFamily.valueOf(error.path("family").asText()),
                        error.path("message").asText(""),
                        error.path("hint").asText(""),
                        error.path("trace_id").asText(""));
            }
        } catch (IOException | IllegalArgumentException e) {
            // not an error body: reported below
        }
        String shown =
                new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8).replaceAll("\\p{Cntrl}", "?");
        return new ServerError(
                status,
                "HTTP_" + status,
                ErrorFamily.INTERNAL,
                "unexpected answer (status " + status + "): " + shown,
                "Check --server: it should name a Cairn server.",
                "");
    }

    static JsonNode json(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new InternalException(ErrorCode.INTERNAL_IO, "the server answered malformed JSON", e);
        }
    }
}
