/**
 * The HTTP edge of the reference server ({@code spec/http-api.md}): one TLS 1.3 listener; routes
 * declared with {@link dev.cairn.server.http.Route}, each with its {@link dev.cairn.server.http.Auth}
 * kind (public, operator bearer token, node or service certificate verified per request); strict,
 * bounded request bodies ({@link dev.cairn.server.http.Json}); one JSON error body with a stable
 * code and status ({@link dev.cairn.server.http.ErrorBody}, {@link dev.cairn.server.http.ErrorStatus});
 * W3C trace context ({@link dev.cairn.server.http.Trace}); health, readiness, Prometheus metrics and
 * the OpenAPI 3.1 document generated from the declarations. Started by {@link
 * dev.cairn.server.http.HttpEdge}. The SDK's TLS identity rules are in {@code spec/tls-identity.md},
 * token rules in {@code spec/tokens.md}.
 */
package dev.cairn.server.http;
