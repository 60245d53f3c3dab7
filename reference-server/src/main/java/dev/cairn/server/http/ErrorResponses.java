package dev.cairn.server.http;

import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.ErrorFamily;
import dev.cairn.errors.InternalException;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.errors.VerificationException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Collections;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure of a request into the JSON error body with the code's status, {@code
 * Retry-After} where the code fixes a delay, and the request's {@code traceparent}. The one
 * exception mapper of the edge: typed errors keep their code, Javalin's own (404, 413, ...) get the
 * edge's codes, anything else is {@code INTERNAL_BUG}, logged with its stack trace under the trace
 * id and never sent.
 */
final class ErrorResponses {
    static final String TRACE_ATTRIBUTE = "dev.cairn.server.http.trace";
    static final String CODE_ATTRIBUTE = "dev.cairn.server.http.code";

    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

    private ErrorResponses() {}

    /** The request's trace, started by the edge's first handler (or now, if that did not run). */
    static Trace trace(Context ctx) {
        Object trace = ctx.attribute(TRACE_ATTRIBUTE);
        if (trace instanceof Trace t) {
            return t;
        }
        Trace started = Trace.begin(Collections.list(ctx.req().getHeaders(Trace.HEADER)));
        ctx.attribute(TRACE_ATTRIBUTE, started);
        return started;
    }

    /** Renders a typed error. */
    static void write(Context ctx, CairnException e) {
        if (e.code().family() == ErrorFamily.INTERNAL) {
            LOG.error(
                    "{} {} failed, trace {}",
                    ctx.method(),
                    ctx.path(),
                    trace(ctx).traceId(),
                    e);
        }
        write(ctx, ErrorBody.of(e, trace(ctx).traceId()), e.code());
    }

    /** Renders a body with the status of its code. */
    static void write(Context ctx, ErrorBody body, ErrorCode code) {
        head(ctx, code);
        ctx.json(body);
    }

    /** Sets the status and headers of an error response of {@code code}, not its body. */
    static void head(Context ctx, ErrorCode code) {
        ctx.status(ErrorStatus.of(code));
        code.retryAfter().ifPresent(delay -> ctx.header("Retry-After", Long.toString(ErrorBody.seconds(delay))));
        ctx.header(Trace.HEADER, trace(ctx).traceparent());
        ctx.attribute(CODE_ATTRIBUTE, code);
    }

    /** Renders what Javalin raised itself: 404, 405, 413, 400 and so on. */
    static void write(Context ctx, HttpResponseException e, Routes routes) {
        int status = e.getStatus();
        if (status == 404 || status == 405) {
            String allow = routes.allowedMethods(ctx.path());
            if (allow.isEmpty()) {
                write(
                        ctx,
                        new VerificationException(
                                ErrorCode.HTTP_NOT_FOUND, "no route for path " + truncate(ctx.path())));
            } else {
                ctx.header("Allow", allow);
                write(
                        ctx,
                        VerificationException.mismatch(
                                ErrorCode.HTTP_METHOD_NOT_ALLOWED,
                                allow,
                                truncate(ctx.method().name())));
            }
            return;
        }
        ErrorCode code = forStatus(status);
        if (code.family() == ErrorFamily.INTERNAL) {
            write(ctx, new InternalException(code, "HTTP " + status + ": " + e.getMessage(), e));
        } else {
            write(ctx, new MalformedInputException(code, "HTTP " + status));
        }
    }

    /** Renders a failure that is not a typed error. */
    static void writeUnexpected(Context ctx, Throwable e) {
        if (e instanceof CairnException cairn) {
            write(ctx, cairn);
            return;
        }
        write(
                ctx,
                new InternalException(
                        ErrorCode.INTERNAL_BUG, "uncaught " + e.getClass().getName(), e));
    }

    /** The edge's code for a status Jetty or Javalin chose. */
    static ErrorCode forStatus(int status) {
        return switch (status) {
            case 404 -> ErrorCode.HTTP_NOT_FOUND;
            case 405 -> ErrorCode.HTTP_METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.HTTP_BODY_TOO_LARGE;
            case 414, 431 -> ErrorCode.HTTP_HEADERS_TOO_LARGE;
            case 415 -> ErrorCode.HTTP_UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ErrorCode.HTTP_UNAVAILABLE;
            case 501, 505 -> ErrorCode.HTTP_REQUEST_INVALID; // unsupported framing or version: the client's
            default -> status >= 400 && status < 500 ? ErrorCode.HTTP_REQUEST_INVALID : ErrorCode.INTERNAL_BUG;
        };
    }

    private static String truncate(String text) {
        return text.length() > 128 ? text.substring(0, 128) + "..." : text;
    }

    /** The headers of a 401 or 403 on an operator route (RFC 6750 section 3). */
    static Map<String, String> bearerChallenge(CairnException e) {
        String challenge = switch (e.code()) {
            case AUTH_REQUIRED -> "Bearer realm=\"cairn\"";
            case AUTH_HEADER_MALFORMED -> "Bearer realm=\"cairn\", error=\"invalid_request\"";
            case TOKEN_SCOPE_MISSING ->
                "Bearer realm=\"cairn\", error=\"insufficient_scope\", scope=\""
                        + e.details().getOrDefault("expected", "") + "\"";
            default -> "Bearer realm=\"cairn\", error=\"invalid_token\"";
        };
        return Map.of("WWW-Authenticate", challenge);
    }
}
