package dev.cairn.server.http;

/**
 * A method and path template, as Javalin registered a handler for it.
 *
 * @param method the HTTP method, upper case
 * @param path the path template
 */
public record RouteKey(String method, String path) {}
