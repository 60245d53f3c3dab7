package dev.cairn.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cairn.errors.ErrorCode;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error handler for what fails before Javalin sees a request (a malformed request line,
 * headers over the limit, a bad URI): the same JSON error body, so that no error leaves the server
 * as HTML or without a code, with {@code Connection: close} because Jetty closes the connection
 * after such an error.
 */
final class JsonErrorHandler extends ErrorHandler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Object attribute = request.getAttribute(ERROR_STATUS);
        int status = attribute instanceof Integer s ? s : response.getStatus();
        ErrorCode code = ErrorResponses.forStatus(status);
        Trace trace = Trace.begin(request.getHeaders().getValuesList(Trace.HEADER));
        response.setStatus(ErrorStatus.of(code));
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, Json.MEDIA_TYPE);
        headers.put(Trace.HEADER, trace.traceparent());
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        headers.put("X-Content-Type-Options", "nosniff");
        // Jetty closes the connection after an error it raised before routing (the body, if any, was
        // never read); saying so keeps a client from sending its next request down a dead connection.
        headers.put(HttpHeader.CONNECTION, "close");
        code.retryAfter().ifPresent(d -> headers.put(HttpHeader.RETRY_AFTER, Long.toString(ErrorBody.seconds(d))));
        response.write(true, ByteBuffer.wrap(body(code, status, trace)), callback);
        return true;
    }

    private static byte[] body(ErrorCode code, int status, Trace trace) {
        ErrorBody body = ErrorBody.of(
                code,
                "HTTP " + status + " before any route: the request was not valid HTTP/1.1 for this server",
                Map.of(),
                trace.traceId());
        try {
            return Json.writer().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the error body cannot be written", e);
        }
    }
}
