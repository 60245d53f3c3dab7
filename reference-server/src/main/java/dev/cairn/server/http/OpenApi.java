package dev.cairn.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.errors.ErrorCode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI 3.1 document of an edge, generated from its route declarations and nothing else
 * ({@code spec/http-api.md}, "OpenAPI"): each route's method, path and parameters, summary,
 * security (public, {@code operatorBearer} with the route's scopes, or {@code peerCertificate},
 * mutual TLS, with the accepted identity kinds and freshness tier), request and success response
 * schemas, and every error code it may answer with, grouped under their HTTP status.
 */
public final class OpenApi {
    /** The OpenAPI version written. */
    public static final String VERSION = "3.1.0";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    private OpenApi() {}

    /**
     * Builds the document.
     *
     * @param title the API's title
     * @param version the API's version
     * @param routes every route of the edge
     * @return the document
     * @throws IllegalArgumentException if two routes share a method and path or an operation id, or
     *     a declared type has no JSON schema
     */
    public static ObjectNode document(String title, String version, List<Route> routes) {
        ObjectNode doc = NODES.objectNode().put("openapi", VERSION);
        doc.putObject("info").put("title", title).put("version", version);
        Schemas schemas = new Schemas();
        Map<String, ObjectNode> paths = new TreeMap<>();
        Set<String> operationIds = new HashSet<>();
        for (Route route : routes) {
            ObjectNode item = paths.computeIfAbsent(route.path(), p -> NODES.objectNode());
            String method = route.method().name().toLowerCase(Locale.ROOT);
            if (item.has(method)) {
                throw new IllegalArgumentException("two routes for " + route.method() + " " + route.path());
            }
            if (!operationIds.add(route.operationId())) {
                throw new IllegalArgumentException("two routes with operation id " + route.operationId());
            }
            item.set(method, operation(route, schemas));
        }
        ObjectNode pathsNode = doc.putObject("paths");
        paths.forEach(pathsNode::set);
        ObjectNode components = doc.putObject("components");
        ObjectNode security = components.putObject("securitySchemes");
        security.putObject("operatorBearer")
                .put("type", "http")
                .put("scheme", "bearer")
                .put("bearerFormat", "JWT")
                .put("description", "An operator token (spec/tokens.md); the route lists the scopes it needs.");
        security.putObject("peerCertificate")
                .put("type", "mutualTLS")
                .put(
                        "description",
                        "The client certificate of an enrolled node or service, verified on every"
                                + " request against the current trust bundle and revocation state (spec/tls-identity.md).");
        schemas.of(ErrorBody.class);
        components.set("schemas", schemas.components());
        return doc;
    }

    private static ObjectNode operation(Route route, Schemas schemas) {
        ObjectNode op =
                NODES.objectNode().put("operationId", route.operationId()).put("summary", route.summary());
        List<String> names = parameters(route.path());
        if (!names.isEmpty()) {
            ArrayNode parameters = op.putArray("parameters");
            for (String name : names) {
                ObjectNode parameter = parameters
                        .addObject()
                        .put("name", name)
                        .put("in", "path")
                        .put("required", true);
                parameter.putObject("schema").put("type", "string");
            }
        }
        security(op, route.auth());
        if (!(route.request() instanceof Payload.None)) {
            ObjectNode body = op.putObject("requestBody").put("required", true);
            content(body, route.request(), schemas);
        }
        ObjectNode responses = op.putObject("responses");
        ObjectNode success =
                responses.putObject(Integer.toString(route.status())).put("description", "success");
        if (!(route.response() instanceof Payload.None)) {
            content(success, route.response(), schemas);
        }
        Map<Integer, List<ErrorCode>> byStatus = new TreeMap<>();
        for (ErrorCode code : EdgeCodes.of(route)) {
            byStatus.computeIfAbsent(ErrorStatus.of(code), s -> new ArrayList<>())
                    .add(code);
        }
        byStatus.forEach((status, codes) -> {
            ObjectNode response = responses.putObject(Integer.toString(status));
            response.put(
                    "description",
                    String.join(", ", codes.stream().map(Enum::name).toList()));
            ArrayNode list = response.putArray("x-cairn-codes");
            codes.forEach(code -> list.add(code.name()));
            response.putObject("content")
                    .putObject(Json.MEDIA_TYPE)
                    .putObject("schema")
                    .put("$ref", "#/components/schemas/ErrorBody");
        });
        return op;
    }

    private static void security(ObjectNode op, Auth auth) {
        ArrayNode security = op.putArray("security");
        if (auth instanceof Auth.Operator operator) {
            ArrayNode scopes = security.addObject().putArray("operatorBearer");
            operator.scopes().forEach(scope -> scopes.add(scope.token()));
        } else if (auth instanceof Auth.Peer peer) {
            security.addObject().putArray("peerCertificate");
            ObjectNode extension =
                    op.putObject("x-cairn-peer").put("tier", peer.tier().name());
            ArrayNode kinds = extension.putArray("kinds");
            peer.kinds().forEach(kind -> kinds.add(kind.name()));
        }
    }

    private static void content(ObjectNode target, Payload payload, Schemas schemas) {
        ObjectNode content = target.putObject("content");
        if (payload instanceof Payload.Json json) {
            content.putObject(Json.MEDIA_TYPE).set("schema", schemas.of(json.type()));
        } else if (payload instanceof Payload.Bytes bytes) {
            boolean jsonBytes =
                    MediaType.parse(bytes.mediaType()).orElseThrow().essence().equals(Json.MEDIA_TYPE);
            JsonNode schema = jsonBytes
                    ? NODES.objectNode().put("type", "object")
                    : NODES.objectNode().put("type", "string").put("contentMediaType", bytes.mediaType());
            content.putObject(bytes.mediaType()).set("schema", schema);
        }
    }

    private static List<String> parameters(String path) {
        List<String> names = new ArrayList<>();
        Matcher m = PARAMETER.matcher(path);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
