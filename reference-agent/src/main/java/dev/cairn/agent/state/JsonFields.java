package dev.cairn.agent.state;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A strict reader of one JSON object: each member is read once with its exact type, and {@link #end()}
 * refuses any member that was not read. The parser refuses duplicate keys, trailing tokens, deep
 * nesting and long strings; the caller bounds the input size before.
 */
final class JsonFields {
    static final int MAX_DEPTH = 8;
    static final int MAX_STRING = 16 * 1024;

    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .maxStringLength(MAX_STRING)
                            .maxNumberLength(19)
                            .build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final ObjectNode node;
    private final String file;
    private final String path;
    private final Set<String> read = new HashSet<>();

    private JsonFields(ObjectNode node, String file, String path) {
        this.node = node;
        this.file = file;
        this.path = path;
    }

    /** Parses bytes that must hold one JSON object. */
    static JsonFields parse(byte[] json, String file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw Invalid.file(file, "not strict JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw Invalid.file(file, "not strict JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw Invalid.file(file, "want a JSON object", null);
        }
        return new JsonFields((ObjectNode) root, file, "");
    }

    String text(String name) {
        return optionalText(name).orElseThrow(() -> missing(name));
    }

    Optional<String> optionalText(String name) {
        return member(name).map(value -> {
            if (!value.isTextual()) {
                throw wrong(name, "a string");
            }
            return value.textValue();
        });
    }

    long integer(String name) {
        JsonNode value = member(name).orElseThrow(() -> missing(name));
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.isBigInteger()) {
            throw wrong(name, "an integer");
        }
        return value.longValue();
    }

    Instant instant(String name) {
        return optionalInstant(name).orElseThrow(() -> missing(name));
    }

    Optional<Instant> optionalInstant(String name) {
        return optionalText(name).map(text -> {
            try {
                Instant instant = Instant.parse(text);
                if (instant.toString().equals(text)) {
                    return instant;
                }
            } catch (DateTimeParseException e) {
                // reported below
            }
            throw wrong(name, "an RFC 3339 UTC instant as Instant.toString() writes it");
        });
    }

    JsonFields object(String name) {
        return optionalObject(name).orElseThrow(() -> missing(name));
    }

    Optional<JsonFields> optionalObject(String name) {
        return member(name).map(value -> {
            if (!value.isObject()) {
                throw wrong(name, "an object");
            }
            return new JsonFields((ObjectNode) value, file, where(name) + ".");
        });
    }

    List<String> texts(String name, int max) {
        JsonNode value = member(name).orElseThrow(() -> missing(name));
        if (!value.isArray() || value.size() > max) {
            throw wrong(name, "an array of at most " + max + " strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw wrong(name, "an array of strings");
            }
            out.add(item.textValue());
        }
        return out;
    }

    /** Refuses every member that was not read. */
    void end() {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!read.contains(name)) {
                throw Invalid.file(file, "unknown or misplaced member " + where(name), null);
            }
        }
    }

    private Optional<JsonNode> member(String name) {
        read.add(name);
        return Optional.ofNullable(node.get(name));
    }

    private String where(String name) {
        return path + name;
    }

    private RuntimeException missing(String name) {
        return Invalid.file(file, "missing member " + where(name), null);
    }

    private RuntimeException wrong(String name, String want) {
        return Invalid.file(file, "member " + where(name) + " must be " + want, null);
    }
}
