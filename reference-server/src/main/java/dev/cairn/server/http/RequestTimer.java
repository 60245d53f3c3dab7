package dev.cairn.server.http;

import dev.cairn.errors.ErrorCode;
import io.javalin.http.Context;

/** Measures each request from the edge's first handler to its last and records it. */
final class RequestTimer {
    static final String ATTRIBUTE = "dev.cairn.server.http.start";

    private RequestTimer() {}

    static void record(Context ctx, EdgeMetrics metrics) {
        Object start = ctx.attribute(ATTRIBUTE);
        long elapsed = start instanceof Long nanos ? System.nanoTime() - nanos : 0;
        Object route = ctx.attribute(RouteDispatcher.ROUTE_ATTRIBUTE);
        Object code = ctx.attribute(ErrorResponses.CODE_ATTRIBUTE);
        metrics.record(
                ctx.method().name(),
                route instanceof Route r ? r.path() : EdgeMetrics.UNMATCHED,
                ctx.statusCode(),
                code instanceof ErrorCode c ? c.name() : "none",
                elapsed);
    }
}
