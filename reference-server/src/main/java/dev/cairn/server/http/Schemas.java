package dev.cairn.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * JSON Schemas (OpenAPI 3.1) of the Java types routes declare, derived from the types themselves
 * the way {@link Json} maps them: records are closed objects with {@code snake_case} members, all
 * required except those written only when present; lists are arrays, sets arrays of unique items,
 * {@code Map<String, V>} objects of {@code V}, enums strings of their names, {@code byte[]}
 * base64 strings. A type outside these has no schema, and the OpenAPI document is not built.
 */
final class Schemas {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final PropertyNamingStrategies.NamingBase NAMES =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    /** Types whose objects may carry members beside their own (the error body). */
    private static final Set<Class<?>> OPEN = Set.of(ErrorBody.class);

    private final ObjectNode components = NODES.objectNode();
    private final Map<String, Class<?>> named = new HashMap<>();

    /** The schemas referenced so far, by name. */
    ObjectNode components() {
        return components;
    }

    /** The schema of a type: a {@code $ref} for records, inline otherwise. */
    JsonNode of(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                ObjectNode array = NODES.objectNode().put("type", "array");
                array.set("items", of(arguments[0]));
                if (Set.class.isAssignableFrom(raw)) {
                    array.put("uniqueItems", true);
                }
                return array;
            }
            if (Map.class.isAssignableFrom(raw) && arguments[0] == String.class) {
                ObjectNode map = NODES.objectNode().put("type", "object");
                map.set("additionalProperties", of(arguments[1]));
                return map;
            }
            throw unsupported(type);
        }
        if (!(type instanceof Class<?> c)) {
            throw unsupported(type);
        }
        if (c == String.class) {
            return NODES.objectNode().put("type", "string");
        }
        if (c == boolean.class || c == Boolean.class) {
            return NODES.objectNode().put("type", "boolean");
        }
        if (c == int.class || c == Integer.class) {
            return NODES.objectNode().put("type", "integer").put("format", "int32");
        }
        if (c == long.class || c == Long.class) {
            return NODES.objectNode().put("type", "integer").put("format", "int64");
        }
        if (c == double.class || c == Double.class) {
            return NODES.objectNode().put("type", "number");
        }
        if (c == byte[].class) {
            return NODES.objectNode().put("type", "string").put("contentEncoding", "base64");
        }
        if (c.isEnum()) {
            ObjectNode schema = NODES.objectNode().put("type", "string");
            ArrayNode values = schema.putArray("enum");
            for (Object constant : c.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
            return schema;
        }
        if (c.isRecord()) {
            return ref(c);
        }
        throw unsupported(type);
    }

    private JsonNode ref(Class<?> record) {
        String name = record.getSimpleName();
        Class<?> previous = named.putIfAbsent(name, record);
        if (previous != null && previous != record) {
            throw new IllegalArgumentException("two schema types named " + name + ": " + previous + ", " + record);
        }
        if (previous == null) {
            ObjectNode schema = NODES.objectNode().put("type", "object");
            components.set(name, schema); // before the members: a record may refer to itself
            ObjectNode properties = schema.putObject("properties");
            ArrayNode required = NODES.arrayNode();
            for (RecordComponent component : record.getRecordComponents()) {
                String wire = NAMES.translate(component.getName());
                properties.set(wire, of(component.getGenericType()));
                JsonInclude include = component.getAccessor().getAnnotation(JsonInclude.class);
                if (include == null || include.value() != JsonInclude.Include.NON_NULL) {
                    required.add(wire);
                }
            }
            if (!required.isEmpty()) {
                schema.set("required", required);
            }
            schema.put("additionalProperties", OPEN.contains(record));
        }
        return NODES.objectNode().put("$ref", "#/components/schemas/" + name);
    }

    private static IllegalArgumentException unsupported(Type type) {
        return new IllegalArgumentException("no JSON schema for " + type.getTypeName());
    }
}
