package dev.cairn.agent.client;

import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.errors.VerificationException;
import dev.cairn.trust.pin.PinnedServerTrust;
import dev.cairn.trust.tls.TlsContexts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

/**
 * HTTP/1.1 over TLS 1.3 to one server, with the JDK's {@link HttpClient}: one client per TLS context,
 * whose connection is kept alive and reused from request to request (a new handshake only when the
 * server closed the idle connection), no proxy, no redirects. The context decides whom the agent
 * trusts and which certificate it presents; there is no host-name check (see {@link
 * PinnedServerTrust}).
 *
 * <p>Every response body is bounded. A 2xx answer is returned with its bytes; any other status must
 * carry the JSON error body, returned as {@link ApiError}. A failure to get an answer at all is an
 * exception: {@link ErrorCode#AGENT_SERVER_UNTRUSTED} when the agent's trust manager refused the
 * server, {@link ErrorCode#AGENT_TLS_REFUSED} when the server ended the handshake of a client that
 * presented its certificate, {@link ErrorCode#AGENT_SERVER_UNREACHABLE} otherwise.
 */
public final class AgentHttp {
    /** How long a connection attempt may take. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** How long a request may take, answer included. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final HttpClient client;
    private final boolean mutual;

    private AgentHttp(URI base, HttpClient client, boolean mutual) {
        this.base = base;
        this.client = client;
        this.mutual = mutual;
    }

    /**
     * A client of a server.
     *
     * @param base the server's base URL ({@code https://host:port[/prefix]})
     * @param context the TLS context: trust in the server, and the client certificate if any
     * @param mutual whether the context presents a client certificate
     * @return the client
     */
    public static AgentHttp create(URI base, SSLContext context, boolean mutual) {
        Objects.requireNonNull(base, "base");
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(Objects.requireNonNull(context, "context"))
                .sslParameters(TlsContexts.clientParameters())
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY)
                .build();
        return new AgentHttp(base, client, mutual);
    }

    /** A response: a success's bytes, or the error the server answered with. */
    record Response(int status, Optional<String> contentType, byte[] body) {}

    /**
     * Sends a GET.
     *
     * @param path the path, starting with {@code /}
     * @param headers extra headers
     * @param maxBytes the largest success body accepted
     * @return the answer's bytes, or the server's error
     */
    Answer<byte[]> get(String path, Map<String, String> headers, int maxBytes) {
        HttpRequest.Builder request = request(path).GET();
        headers.forEach(request::header);
        return send(request.build(), maxBytes);
    }

    /**
     * Sends a POST with a JSON body.
     *
     * @param path the path
     * @param json the body
     * @param maxBytes the largest success body accepted
     * @return the answer's bytes, or the server's error
     */
    Answer<byte[]> postJson(String path, byte[] json, int maxBytes) {
        return send(
                request(path)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                        .build(),
                maxBytes);
    }

    private HttpRequest.Builder request(String path) {
        String root = base.toString();
        if (root.endsWith("/")) {
            root = root.substring(0, root.length() - 1);
        }
        return HttpRequest.newBuilder(URI.create(root + path)).timeout(REQUEST_TIMEOUT);
    }

    private Answer<byte[]> send(HttpRequest request, int maxBytes) {
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, BoundedBody.handler(Math.max(maxBytes, ApiError.MAX_BYTES)));
        } catch (BoundedBody.TooLarge e) {
            throw Wire.malformed(describe(request), "$", e.getMessage());
        } catch (IOException e) {
            if (cause(e, BoundedBody.TooLarge.class) != null) {
                throw Wire.malformed(describe(request), "$", "the answer exceeds its limit");
            }
            throw transport(e, mutual, describe(request));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InternalException(ErrorCode.AGENT_SERVER_UNREACHABLE, describe(request) + ": interrupted", e);
        }
        int status = response.statusCode();
        byte[] body = response.body();
        if (status >= 200 && status < 300) {
            if (body.length > maxBytes) {
                throw Wire.malformed(describe(request), "$", body.length + " bytes, want at most " + maxBytes);
            }
            return new Answer.Ok<>(body);
        }
        if (status < 400) {
            throw Wire.malformed(describe(request), "$", "HTTP " + status + ", want 2xx or an error body");
        }
        return new Answer.Refused<>(ApiError.parse(status, body));
    }

    private static String describe(HttpRequest request) {
        return request.method() + " " + request.uri().getPath();
    }

    /** What a failed exchange means, from the exception the JDK raised. */
    static CairnException transport(IOException e, boolean mutual, String what) {
        CairnException refusal = cause(e, CairnException.class);
        if (refusal != null && refusal.code() == ErrorCode.AGENT_SERVER_UNTRUSTED) {
            return refusal;
        }
        if (refusal != null) {
            Map<String, String> details = new LinkedHashMap<>(refusal.details());
            details.put("cause", refusal.code().name());
            return new VerificationException(
                    ErrorCode.AGENT_SERVER_UNTRUSTED,
                    what + ": the server's certificate was refused: " + refusal.getMessage(),
                    details,
                    e);
        }
        if (mutual && cause(e, SSLHandshakeException.class) != null) {
            return new VerificationException(
                    ErrorCode.AGENT_TLS_REFUSED,
                    what + ": the TLS handshake with this node's certificate failed: " + e.getMessage(),
                    Map.of(),
                    e);
        }
        return new InternalException(ErrorCode.AGENT_SERVER_UNREACHABLE, what + ": " + describe(e), e);
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : " " + message);
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (type.isInstance(suppressed)) {
                    return type.cast(suppressed);
                }
            }
        }
        return null;
    }
}
