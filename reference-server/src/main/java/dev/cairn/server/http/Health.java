package dev.cairn.server.http;

/**
 * The body of {@code GET /healthz}: the process is alive and serving HTTP. It says nothing about
 * dependencies; that is {@code /readyz}.
 *
 * @param status always {@code alive}
 */
public record Health(String status) {}
