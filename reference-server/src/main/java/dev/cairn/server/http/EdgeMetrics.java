package dev.cairn.server.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Set;

/**
 * The request metrics of the edge: one timer {@code http.server.requests} (Prometheus: {@code
 * http_server_requests_seconds_count}, {@code _sum}, {@code _max} and {@code _bucket}) tagged with
 * the method, the route template ({@code unmatched} when no route matched), the status and the
 * error code ({@code none} on success). Every tag has a bounded set of values.
 */
final class EdgeMetrics {
    static final String NAME = "http.server.requests";
    static final String UNMATCHED = "unmatched";

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    private final MeterRegistry registry;

    EdgeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(String method, String route, int status, String code, long nanos) {
        Timer.builder(NAME)
                .description("HTTP requests served by the Cairn edge")
                .tag("method", METHODS.contains(method) ? method : "OTHER")
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .tag("code", code)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry)
                .record(Duration.ofNanos(nanos));
    }
}
