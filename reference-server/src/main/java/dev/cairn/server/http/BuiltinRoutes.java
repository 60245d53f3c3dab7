package dev.cairn.server.http;

import dev.cairn.errors.ErrorCode;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * The routes every edge serves ({@code spec/http-api.md}, "Health, readiness, metrics, OpenAPI"),
 * declared like any other so that they are documented and measured like any other.
 */
final class BuiltinRoutes {
    static final String HEALTH = "/healthz";
    static final String READY = "/readyz";
    static final String METRICS = "/metrics";
    static final String OPENAPI = "/openapi.json";

    /** The Prometheus text exposition format, version 0.0.4. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private BuiltinRoutes() {}

    static List<Route> create(
            Readiness readiness, PrometheusMeterRegistry registry, Auth metricsAuth, Supplier<byte[]> openApi) {
        Route health = Route.get(HEALTH)
                .operationId("health")
                .summary("The process is alive")
                .auth(Auth.publicAccess())
                .response(Payload.json(Health.class))
                .handle(call -> call.respond(new Health("alive")));
        Route ready = Route.get(READY)
                .operationId("readiness")
                .summary("Every readiness check passes (200) or not (503, HTTP_NOT_READY)")
                .auth(Auth.publicAccess())
                .response(Payload.json(ReadinessReport.class))
                .errors(ErrorCode.HTTP_NOT_READY)
                .handle(call -> {
                    ReadinessReport report = readiness.run(call.traceId());
                    if (report.error() == null) {
                        call.respond(report);
                    } else {
                        ErrorResponses.head(call.context(), ErrorCode.HTTP_NOT_READY);
                        call.context().json(report);
                    }
                });
        Route metrics = Route.get(METRICS)
                .operationId("metrics")
                .summary("Prometheus metrics: requests per route and status, JVM")
                .auth(metricsAuth)
                .response(Payload.bytes(PROMETHEUS_TEXT))
                .handle(call -> call.respondBytes(registry.scrape().getBytes(StandardCharsets.UTF_8)));
        Route document = Route.get(OPENAPI)
                .operationId("openapi")
                .summary("This OpenAPI 3.1 document, generated from the route declarations")
                .auth(Auth.publicAccess())
                .response(Payload.bytes(Json.MEDIA_TYPE))
                .handle(call -> call.respondBytes(openApi.get()));
        return List.of(health, ready, metrics, document);
    }
}
