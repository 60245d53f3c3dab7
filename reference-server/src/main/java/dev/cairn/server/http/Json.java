package dev.cairn.server.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.errors.MalformedInputException;
import io.javalin.config.Key;
import io.javalin.http.Context;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strict JSON for request bodies, and the one mapper for response bodies ({@code
 * spec/http-api.md}, "JSON"). A body is read only as {@code application/json} (optionally {@code
 * charset=utf-8}), within the body size limit, as well-formed UTF-8 without a byte order mark,
 * holding exactly one JSON value, nested no deeper than the limit, with no member name twice in one
 * object, no member the target type does not define, every member of the target record present
 * (an optional one is sent as {@code null} and the record decides), and no coercion between
 * strings, numbers and booleans. Member names are {@code snake_case} on the wire.
 *
 * <p>Every failure is a {@link MalformedInputException} with an {@code HTTP_JSON_*}, {@code
 * HTTP_BODY_*} or {@code HTTP_UNSUPPORTED_MEDIA_TYPE} code, or the {@link CairnException} the
 * target record's constructor threw; nothing else escapes, and the handler has not run.
 */
public final class Json {
    /** The media type of JSON bodies. */
    public static final String MEDIA_TYPE = "application/json";

    /** Where the edge keeps its codec for {@link #read(Context, Class)}. */
    static final Key<Json> KEY = new Key<>("dev.cairn.server.http.json");

    private static final PropertyNamingStrategies.NamingBase NAMES =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;
    private static final Pattern MISSING = Pattern.compile("Missing creator property '([^']*)'");
    private static final Pattern QUALIFIED_NAME = Pattern.compile("`(?:[A-Za-z_$][\\w$]*\\.)+([\\w$]+)`");
    private static final ObjectMapper WRITER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private final Limits limits;
    private final ObjectMapper reader;

    /**
     * A codec bounded by {@code limits}.
     *
     * @param limits the body size and JSON limits
     */
    public Json(Limits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.reader = strictMapper(limits);
    }

    /**
     * Reads the body of the request as {@code type}, with the limits of the edge serving it.
     *
     * @param ctx the request
     * @param type the record type of the body
     * @param <T> the type
     * @return the body
     * @throws MalformedInputException {@code HTTP_UNSUPPORTED_MEDIA_TYPE}, {@code HTTP_BODY_TOO_LARGE},
     *     {@code HTTP_JSON_MALFORMED}, {@code HTTP_JSON_DUPLICATE_KEY}, {@code HTTP_JSON_UNKNOWN_FIELD},
     *     {@code HTTP_JSON_LIMIT} or {@code HTTP_BODY_INVALID}
     * @throws CairnException what the record's constructor threw
     */
    public static <T> T read(Context ctx, Class<T> type) {
        Json json = ctx.appData(KEY);
        Body.requireMediaType(ctx, MEDIA_TYPE);
        return json.parse(Body.read(ctx, json.limits.maxBodyBytes()), type);
    }

    /**
     * The mapper every response body is written with: {@code snake_case} member names.
     *
     * @return the shared mapper; do not reconfigure it
     */
    public static ObjectMapper writer() {
        return WRITER;
    }

    /**
     * Parses a body as {@code type}.
     *
     * @param body the body bytes
     * @param type the record type
     * @param <T> the type
     * @return the value
     * @throws MalformedInputException as {@link #read(Context, Class)}, except the media type
     * @throws CairnException what the record's constructor threw
     */
    public <T> T parse(byte[] body, Class<T> type) {
        if (body.length > limits.maxBodyBytes()) {
            throw MalformedInputExceptions.mismatch(
                    ErrorCode.HTTP_BODY_TOO_LARGE,
                    "at most " + limits.maxBodyBytes() + " bytes",
                    body.length + " bytes");
        }
        String text = utf8(body);
        if (text.isBlank()) {
            throw new MalformedInputException(ErrorCode.HTTP_JSON_MALFORMED, "empty body, want one JSON value");
        }
        JsonNode tree = syntax(text);
        closed(tree, type, "$");
        try {
            T value = reader.treeToValue(tree, type);
            if (value == null) {
                throw new MalformedInputException(ErrorCode.HTTP_BODY_INVALID, "got null, want an object");
            }
            return value;
        } catch (IOException | IllegalArgumentException e) {
            throw schema(e);
        }
    }

    /**
     * First pass, independent of the target type: one well-formed JSON value within the limits,
     * no duplicate member names, nothing after it.
     */
    private JsonNode syntax(String text) {
        try (JsonParser parser = reader.createParser(text)) {
            JsonNode tree = reader.readTree(parser);
            if (tree == null || tree.isMissingNode()) {
                throw new MalformedInputException(ErrorCode.HTTP_JSON_MALFORMED, "empty body, want one JSON value");
            }
            if (parser.nextToken() != null) {
                throw new MalformedInputException(
                        ErrorCode.HTTP_JSON_MALFORMED,
                        "trailing data after the JSON value",
                        parser.currentLocation().getCharOffset());
            }
            return tree;
        } catch (IOException e) {
            throw syntaxError(e);
        }
    }

    /** Decodes strict UTF-8: malformed sequences and a byte order mark are refused. */
    private static String utf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new MalformedInputException(ErrorCode.HTTP_JSON_MALFORMED, "not well-formed UTF-8", in.position());
        }
        out.flip();
        if (out.length() > 0 && out.charAt(0) == '\uFEFF') {
            throw new MalformedInputException(ErrorCode.HTTP_JSON_MALFORMED, "byte order mark, want none", 0);
        }
        return out.toString();
    }

    /**
     * Refuses a member that the record at its place does not define, before any other check of the
     * shape, so that an unknown member is reported as such even when a known one is missing too.
     */
    private static void closed(JsonNode node, Type type, String path) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw) && node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    closed(node.get(i), arguments[0], path + "[" + i + "]");
                }
            } else if (Map.class.isAssignableFrom(raw) && node.isObject()) {
                node.properties().forEach(e -> closed(e.getValue(), arguments[1], path + "." + e.getKey()));
            }
            return;
        }
        if (!(type instanceof Class<?> c) || !c.isRecord() || !node.isObject()) {
            return;
        }
        Map<String, Type> members = new LinkedHashMap<>();
        for (RecordComponent component : c.getRecordComponents()) {
            members.put(NAMES.translate(component.getName()), component.getGenericType());
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            Type member = members.get(field.getKey());
            String at = path + "." + field.getKey();
            if (member == null) {
                Map<String, String> details = new LinkedHashMap<>();
                details.put("path", at);
                throw new MalformedInputException(
                        ErrorCode.HTTP_JSON_UNKNOWN_FIELD,
                        "at " + at + ": unknown member, want one of " + members.keySet(),
                        -1,
                        details,
                        null);
            }
            closed(field.getValue(), member, at);
        }
    }

    private static RuntimeException syntaxError(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamConstraintsException limit) {
                return new MalformedInputException(ErrorCode.HTTP_JSON_LIMIT, sanitize(limit.getOriginalMessage()));
            }
        }
        String message = e instanceof JsonProcessingException p ? sanitize(p.getOriginalMessage()) : "unreadable JSON";
        ErrorCode code =
                message.startsWith("Duplicate") ? ErrorCode.HTTP_JSON_DUPLICATE_KEY : ErrorCode.HTTP_JSON_MALFORMED;
        long offset = e instanceof JsonProcessingException p && p.getLocation() != null
                ? p.getLocation().getCharOffset()
                : -1;
        return new MalformedInputException(code, message, offset);
    }

    /** Second pass: the well-formed value does not fit the type. */
    private static RuntimeException schema(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CairnException cairn) {
                return cairn;
            }
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return invalid(
                    ErrorCode.HTTP_JSON_UNKNOWN_FIELD,
                    unknown,
                    "unknown member \"" + unknown.getPropertyName() + "\", want one of "
                            + unknown.getKnownPropertyIds());
        }
        if (e instanceof InvalidDefinitionException) {
            return new InternalException(ErrorCode.INTERNAL_BUG, "request type cannot be read: " + e.getMessage(), e);
        }
        if (e instanceof ValueInstantiationException refused) {
            Throwable cause = refused.getCause();
            String why = cause == null || cause.getMessage() == null ? "refused" : cause.getMessage();
            return invalid(ErrorCode.HTTP_BODY_INVALID, refused, why);
        }
        if (e instanceof JsonMappingException mapping) {
            return invalid(ErrorCode.HTTP_BODY_INVALID, mapping, sanitize(mapping.getOriginalMessage()));
        }
        String message = e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
        return new MalformedInputException(ErrorCode.HTTP_BODY_INVALID, sanitize(message));
    }

    private static MalformedInputException invalid(ErrorCode code, JsonMappingException e, String message) {
        String path = path(e);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("path", path);
        return new MalformedInputException(code, "at " + path + ": " + firstLine(message), -1, details, null);
    }

    /** The JSON path of the failure, as {@code $.member[2].member} with wire names. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder("$");
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append('.').append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Jackson's message without Java package names, source locations or feature names. */
    private static String sanitize(String message) {
        if (message == null) {
            return "unreadable JSON";
        }
        Matcher missing = MISSING.matcher(message);
        if (missing.lookingAt()) {
            return "missing member '" + missing.group(1) + "'";
        }
        String text = firstLine(QUALIFIED_NAME.matcher(message).replaceAll("`$1`"));
        int source = text.indexOf(" (start marker at");
        if (source < 0) {
            source = text.indexOf(" at [Source");
        }
        return source < 0 ? text : text.substring(0, source);
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static ObjectMapper strictMapper(Limits limits) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxJsonDepth())
                        .maxNameLength(limits.maxJsonNameLength())
                        .maxNumberLength(limits.maxJsonNumberLength())
                        .maxStringLength(limits.maxBodyBytes())
                        .maxDocumentLength(limits.maxBodyBytes())
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        ObjectMapper mapper = JsonMapper.builder(factory)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        for (CoercionInputShape shape : new CoercionInputShape[] {
            CoercionInputShape.String,
            CoercionInputShape.Boolean,
            CoercionInputShape.EmptyString,
            CoercionInputShape.EmptyArray,
            CoercionInputShape.EmptyObject
        }) {
            mapper.coercionConfigDefaults().setCoercion(shape, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return mapper;
    }
}
