package dev.cairn.server.http;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.trust.tls.PeerIdentity;
import dev.cairn.trust.token.VerifiedOperatorToken;
import io.javalin.http.Context;
import java.util.Objects;

/**
 * One request to a declared route, after its authentication passed and its body was read: the
 * caller's verified identity, the body read strictly as the route declares it, and the response. Handlers use this
 * rather than Javalin's {@link Context} for everything the edge guarantees; {@link #context()}
 * remains for path and query parameters and headers such as {@code Idempotency-Key}.
 */
public final class Call {
    private final Context ctx;
    private final Route route;
    private final Trace trace;
    private final PeerIdentity peer;
    private final VerifiedOperatorToken operator;
    private final Object body;

    Call(Context ctx, Route route, Trace trace, PeerIdentity peer, VerifiedOperatorToken operator, Object body) {
        this.ctx = ctx;
        this.route = route;
        this.trace = trace;
        this.peer = peer;
        this.operator = operator;
        this.body = body;
    }

    /**
     * Javalin's context of the request.
     *
     * @return the context
     */
    public Context context() {
        return ctx;
    }

    /**
     * The route being served.
     *
     * @return the declaration
     */
    public Route route() {
        return route;
    }

    /**
     * The request's trace id (32 hex digits), as in error bodies and the {@code traceparent}
     * response header.
     *
     * @return the trace id
     */
    public String traceId() {
        return trace.traceId();
    }

    /**
     * The node or service calling, verified on this request from its TLS certificate.
     *
     * @return the identity
     * @throws InternalException {@code INTERNAL_BUG} if the route is not declared with {@link Auth.Peer}
     */
    public PeerIdentity peer() {
        if (peer == null) {
            throw bug("peer() on a route without peer authentication");
        }
        return peer;
    }

    /**
     * The operator calling, from a token verified on this request with the route's scopes.
     *
     * @return the token
     * @throws InternalException {@code INTERNAL_BUG} if the route is not declared with {@link Auth.Operator}
     */
    public VerifiedOperatorToken operator() {
        if (operator == null) {
            throw bug("operator() on a route without operator authentication");
        }
        return operator;
    }

    /**
     * A path parameter of the route's template.
     *
     * @param name the parameter's name
     * @return its value, decoded
     */
    public String pathParam(String name) {
        return ctx.pathParam(name);
    }

    /**
     * The JSON body. The edge read it strictly ({@link Json}) before the handler was called: a body
     * that is not exactly such a value never reaches a handler.
     *
     * @param type the type the route declares with {@link Payload#json(Class)}
     * @param <T> the type
     * @return the body
     * @throws InternalException {@code INTERNAL_BUG} if the route declares another request payload
     */
    public <T> T body(Class<T> type) {
        if (!(route.request() instanceof Payload.Json json) || !json.type().equals(type)) {
            throw bug("body(" + type.getSimpleName() + ") but the route declares " + route.request());
        }
        return type.cast(body);
    }

    /**
     * The binary body, of the media type the route declares with {@link Payload#bytes(String)},
     * read within the body size limit before the handler was called.
     *
     * @return a fresh copy of the body
     * @throws InternalException {@code INTERNAL_BUG} if the route declares another request payload
     */
    public byte[] bytes() {
        if (!(route.request() instanceof Payload.Bytes)) {
            throw bug("bytes() but the route declares " + route.request());
        }
        return ((byte[]) body).clone();
    }

    /**
     * Sends the success response with a JSON body of the declared type.
     *
     * @param body the body
     * @throws InternalException {@code INTERNAL_BUG} if the route declares another response payload
     */
    public void respond(Object body) {
        Objects.requireNonNull(body, "body");
        if (!(route.response() instanceof Payload.Json json) || !json.type().isInstance(body)) {
            throw bug("respond(" + body.getClass().getSimpleName() + ") but the route declares " + route.response());
        }
        ctx.status(route.status());
        ctx.json(body);
    }

    /**
     * Sends the success response with a body of the declared media type.
     *
     * @param body the body
     * @throws InternalException {@code INTERNAL_BUG} if the route declares another response payload
     */
    public void respondBytes(byte[] body) {
        Objects.requireNonNull(body, "body");
        if (!(route.response() instanceof Payload.Bytes declared)) {
            throw bug("respondBytes but the route declares " + route.response());
        }
        ctx.status(route.status());
        ctx.contentType(declared.mediaType());
        ctx.result(body);
    }

    /**
     * Sends the success response without a body (the route's status is 204).
     *
     * @throws InternalException {@code INTERNAL_BUG} if the route declares a response body
     */
    public void respondEmpty() {
        if (!(route.response() instanceof Payload.None)) {
            throw bug("respondEmpty but the route declares " + route.response());
        }
        ctx.status(route.status());
    }

    private InternalException bug(String what) {
        return new InternalException(ErrorCode.INTERNAL_BUG, route.method() + " " + route.path() + ": " + what, null);
    }
}
