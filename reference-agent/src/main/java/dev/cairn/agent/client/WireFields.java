package dev.cairn.agent.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A strict reader of one JSON object of a server answer: each member is read once with its exact JSON
 * type ({@code null} is no value of any type), and {@link #end()} refuses every member that was not
 * read, so a record is closed. The parser refuses duplicate names, trailing content, nesting deeper
 * than {@value #MAX_DEPTH}, strings longer than {@value #MAX_STRING} characters and numbers longer
 * than 19 digits; the caller bounds the bytes before. Every refusal is {@link
 * ErrorCode#AGENT_SERVER_ANSWER_MALFORMED} with the member's path in the details.
 */
final class WireFields {
    static final int MAX_DEPTH = 8;
    static final int MAX_STRING = 320 * 1024;

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
    private final String what;
    private final String path;
    private final Set<String> read = new HashSet<>();

    private WireFields(ObjectNode node, String what, String path) {
        this.node = node;
        this.what = what;
        this.path = path;
    }

    /** Parses bytes that must hold exactly one JSON object. */
    static WireFields parse(byte[] json, String what) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw malformed(what, "$", "not strict JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw malformed(what, "$", "not strict JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw malformed(what, "$", "want a JSON object");
        }
        return new WireFields((ObjectNode) root, what, "$");
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

    /** A string of 1 to {@code max} printable ASCII characters. */
    String ascii(String name, int max) {
        String value = text(name);
        if (value.isEmpty() || value.length() > max || !value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw wrong(name, "1 to " + max + " printable ASCII characters");
        }
        return value;
    }

    long integer(String name, long min, long max) {
        return optionalInteger(name, min, max).orElseThrow(() -> missing(name));
    }

    Optional<Long> optionalInteger(String name, long min, long max) {
        return member(name).map(value -> {
            if (!value.isIntegralNumber() || !value.canConvertToLong() || value.isBigInteger()) {
                throw wrong(name, "an integer");
            }
            long v = value.longValue();
            if (v < min || v > max) {
                throw wrong(name, "an integer from " + min + " to " + max);
            }
            return v;
        });
    }

    boolean bool(String name) {
        JsonNode value = member(name).orElseThrow(() -> missing(name));
        if (!value.isBoolean()) {
            throw wrong(name, "true or false");
        }
        return value.booleanValue();
    }

    /** An instant in ISO-8601 UTC form ({@code 2026-12-01T12:00:00Z}, fractions allowed). */
    Instant instant(String name) {
        String text = text(name);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw wrong(name, "an ISO-8601 UTC instant");
        }
    }

    WireFields object(String name) {
        JsonNode value = member(name).orElseThrow(() -> missing(name));
        if (!value.isObject()) {
            throw wrong(name, "an object");
        }
        return new WireFields((ObjectNode) value, what, where(name));
    }

    /** An object whose members are all strings, at most {@code max} of them. */
    Map<String, String> strings(String name, int max) {
        JsonNode value = member(name).orElseThrow(() -> missing(name));
        if (!value.isObject() || value.size() > max) {
            throw wrong(name, "an object of at most " + max + " string members");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            if (!entry.getValue().isTextual()) {
                throw wrong(name + "." + entry.getKey(), "a string");
            }
            out.put(entry.getKey(), entry.getValue().textValue());
        }
        return out;
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
                throw malformed(what, where(name), "unknown member " + where(name));
            }
        }
    }

    /** A refusal of a member's value by a caller's own rule. */
    MalformedInputException invalid(String name, String want) {
        return wrong(name, want);
    }

    private Optional<JsonNode> member(String name) {
        read.add(name);
        return Optional.ofNullable(node.get(name));
    }

    private String where(String name) {
        return path + "." + name;
    }

    private MalformedInputException missing(String name) {
        return malformed(what, where(name), "missing member " + where(name));
    }

    private MalformedInputException wrong(String name, String want) {
        return malformed(what, where(name), "member " + where(name) + " must be " + want);
    }

    static MalformedInputException malformed(String what, String path, String message) {
        return new MalformedInputException(
                ErrorCode.AGENT_SERVER_ANSWER_MALFORMED, what + ": " + message, -1, Map.of("path", path), null);
    }
}
