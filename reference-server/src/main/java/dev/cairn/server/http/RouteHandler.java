package dev.cairn.server.http;

/**
 * The code of one route. It runs only after the route's {@link Auth} passed on this request; it
 * reads the body through {@link Call#body(Class)} or {@link Call#bytes()}, calls the SDK, and
 * renders through {@link Call#respond(Object)}. Any exception it throws becomes the JSON error
 * body: a {@link dev.cairn.errors.CairnException} with its own code, anything else with {@code
 * INTERNAL_BUG}.
 */
@FunctionalInterface
public interface RouteHandler {
    /**
     * Handles one request.
     *
     * @param call the request, its authenticated caller and the response
     * @throws Exception any failure; it is rendered as an error body
     */
    void handle(Call call) throws Exception;
}
