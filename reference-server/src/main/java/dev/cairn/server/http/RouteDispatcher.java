package dev.cairn.server.http;

import dev.cairn.errors.CairnException;
import dev.cairn.trust.tls.PeerIdentity;
import dev.cairn.trust.token.VerifiedOperatorToken;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * The Javalin handler of one declared route: on every request it authenticates the caller as the
 * route declares, then reads the declared body strictly, and only then calls the route's handler.
 * A request that fails either step never reaches the handler, so it changes no state.
 */
final class RouteDispatcher implements Handler {
    static final String ROUTE_ATTRIBUTE = "dev.cairn.server.http.route";

    private final Route route;
    private final PeerAuthenticator peers;
    private final OperatorAuthenticator operators;
    private final int maxBodyBytes;

    RouteDispatcher(Route route, PeerAuthenticator peers, OperatorAuthenticator operators, int maxBodyBytes) {
        this.route = route;
        this.peers = peers;
        this.operators = operators;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handle(Context ctx) throws Exception {
        ctx.attribute(ROUTE_ATTRIBUTE, route);
        PeerIdentity peer = null;
        VerifiedOperatorToken operator = null;
        if (route.auth() instanceof Auth.Peer auth) {
            peer = peers.authenticate(ctx, auth);
        } else if (route.auth() instanceof Auth.Operator auth) {
            try {
                operator = operators.authenticate(ctx, auth);
            } catch (CairnException e) {
                ErrorResponses.bearerChallenge(e).forEach(ctx::header);
                throw e;
            }
        }
        Object body = null;
        if (route.request() instanceof Payload.Json json) {
            body = Json.read(ctx, json.type());
        } else if (route.request() instanceof Payload.Bytes bytes) {
            Body.requireMediaType(ctx, bytes.mediaType());
            body = Body.read(ctx, maxBodyBytes);
        }
        route.handler().handle(new Call(ctx, route, ErrorResponses.trace(ctx), peer, operator, body));
    }
}
