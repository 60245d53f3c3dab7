package dev.cairn.server.http;

import dev.cairn.errors.ErrorCode;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The declaration of one route: what the edge registers with Javalin, authenticates, limits and
 * documents in {@code /openapi.json}. A route can only be served through a declaration, so the
 * OpenAPI document lists every route there is ({@code spec/http-api.md}, "Routes").
 *
 * <pre>{@code
 * Route.post("/v1/nodes/{node}/heartbeat")
 *         .summary("Report a heartbeat")
 *         .auth(Auth.node(FreshnessTier.RISKY))
 *         .request(Payload.json(Heartbeat.class))
 *         .response(Payload.json(HeartbeatAck.class))
 *         .errors(ErrorCode.NODE_NOT_FOUND)
 *         .handle(call -> call.respond(service.heartbeat(call.peer(), call.body(Heartbeat.class))));
 * }</pre>
 *
 * @param method the HTTP method
 * @param path the path template: literal segments and {@code {name}} parameters
 * @param operationId the OpenAPI operation id, unique per edge
 * @param summary one line for the OpenAPI document
 * @param auth how the caller is authenticated
 * @param request what the request body is
 * @param response what a successful response carries
 * @param status the status of a successful response (200, 201, 202 or 204)
 * @param errors the codes the handler itself may raise (the edge adds its own per auth and body)
 * @param handler the code
 */
public record Route(
        HttpMethod method,
        String path,
        String operationId,
        String summary,
        Auth auth,
        Payload request,
        Payload response,
        int status,
        Set<ErrorCode> errors,
        RouteHandler handler) {
    private static final Pattern PATH = Pattern.compile("/|(/([A-Za-z0-9._~-]+|\\{[a-z][A-Za-z0-9_]*\\}))+");
    private static final Pattern OPERATION_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    /**
     * Checks the declaration.
     *
     * @param method the method
     * @param path the path template
     * @param operationId the operation id
     * @param summary the summary
     * @param auth the authentication
     * @param request the request payload
     * @param response the response payload
     * @param status the success status
     * @param errors the handler's codes
     * @param handler the handler
     */
    public Route {
        Objects.requireNonNull(method, "method");
        if (path == null || !PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("path '" + path + "', want /segment or /{param} segments");
        }
        if (operationId == null || !OPERATION_ID.matcher(operationId).matches()) {
            throw new IllegalArgumentException("operation id '" + operationId + "'");
        }
        if (summary == null || summary.isBlank()) {
            throw new IllegalArgumentException(method + " " + path + " needs a summary");
        }
        Objects.requireNonNull(auth, method + " " + path + " needs an auth kind");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(response, "response");
        if (method == HttpMethod.GET && !(request instanceof Payload.None)) {
            throw new IllegalArgumentException("GET " + path + " cannot have a request body");
        }
        if (status != 200 && status != 201 && status != 202 && status != 204) {
            throw new IllegalArgumentException("success status " + status + ", want 200, 201, 202 or 204");
        }
        if ((status == 204) != (response instanceof Payload.None)) {
            throw new IllegalArgumentException("status 204 exactly when the response has no body");
        }
        errors = Collections.unmodifiableSet(new LinkedHashSet<>(errors));
        Objects.requireNonNull(handler, "handler");
    }

    /**
     * Starts a GET route.
     *
     * @param path the path template
     * @return a builder
     */
    public static Builder get(String path) {
        return new Builder(HttpMethod.GET, path);
    }

    /**
     * Starts a POST route.
     *
     * @param path the path template
     * @return a builder
     */
    public static Builder post(String path) {
        return new Builder(HttpMethod.POST, path);
    }

    /**
     * Starts a PUT route.
     *
     * @param path the path template
     * @return a builder
     */
    public static Builder put(String path) {
        return new Builder(HttpMethod.PUT, path);
    }

    /**
     * Starts a DELETE route.
     *
     * @param path the path template
     * @return a builder
     */
    public static Builder delete(String path) {
        return new Builder(HttpMethod.DELETE, path);
    }

    /**
     * Starts a route of any method.
     *
     * @param method the method
     * @param path the path template
     * @return a builder
     */
    public static Builder of(HttpMethod method, String path) {
        return new Builder(method, path);
    }

    /** Builds a {@link Route}; summary, auth and handler are required. */
    public static final class Builder {
        private final HttpMethod method;
        private final String path;
        private String operationId;
        private String summary;
        private Auth auth;
        private Payload request = Payload.none();
        private Payload response = Payload.none();
        private Integer status;
        private final Set<ErrorCode> errors = new LinkedHashSet<>();

        private Builder(HttpMethod method, String path) {
            this.method = Objects.requireNonNull(method, "method");
            this.path = path;
        }

        /**
         * Sets the operation id; by default it is made from the method and path.
         *
         * @param id letters, digits and underscores, starting with a letter
         * @return this builder
         */
        public Builder operationId(String id) {
            this.operationId = id;
            return this;
        }

        /**
         * Sets the one-line summary.
         *
         * @param text the summary
         * @return this builder
         */
        public Builder summary(String text) {
            this.summary = text;
            return this;
        }

        /**
         * Sets how callers authenticate. Required: there is no default.
         *
         * @param kind the kind
         * @return this builder
         */
        public Builder auth(Auth kind) {
            this.auth = kind;
            return this;
        }

        /**
         * Sets the request body; none by default.
         *
         * @param payload the body
         * @return this builder
         */
        public Builder request(Payload payload) {
            this.request = payload;
            return this;
        }

        /**
         * Sets the success response body; none (204) by default.
         *
         * @param payload the body
         * @return this builder
         */
        public Builder response(Payload payload) {
            this.response = payload;
            return this;
        }

        /**
         * Sets the success status; 200, or 204 without a response body, by default.
         *
         * @param code 200, 201, 202 or 204
         * @return this builder
         */
        public Builder status(int code) {
            this.status = code;
            return this;
        }

        /**
         * Adds codes the handler may raise, for the OpenAPI document.
         *
         * @param codes the codes
         * @return this builder
         */
        public Builder errors(ErrorCode... codes) {
            errors.addAll(Arrays.asList(codes));
            return this;
        }

        /**
         * Finishes the declaration with its handler.
         *
         * @param handler the code of the route
         * @return the route
         */
        public Route handle(RouteHandler handler) {
            int code = status != null ? status : response instanceof Payload.None ? 204 : 200;
            String id = operationId != null ? operationId : defaultOperationId(method, path);
            return new Route(method, path, id, summary, auth, request, response, code, errors, handler);
        }

        private static String defaultOperationId(HttpMethod method, String path) {
            StringBuilder id = new StringBuilder(method.name().toLowerCase(Locale.ROOT));
            for (String segment : path.split("/")) {
                if (segment.isEmpty()) {
                    continue;
                }
                boolean parameter = segment.startsWith("{");
                String word = parameter ? "By_" + segment.substring(1, segment.length() - 1) : segment;
                for (String part : word.split("[^A-Za-z0-9]+")) {
                    if (!part.isEmpty()) {
                        id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
                    }
                }
            }
            return id.length() > 64 ? id.substring(0, 64) : id.toString();
        }
    }
}
