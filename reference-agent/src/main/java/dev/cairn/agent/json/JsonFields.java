package dev.cairn.agent.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A strict reader of one JSON object, of a server answer or of a state file: each member is read once
 * with its exact JSON type ({@code null} is no value of any type), and {@link #end()} refuses every
 * member that was not read, so a record is closed. The parser ({@link #mapper(int)}) refuses duplicate
 * names, trailing content, nesting deeper than {@value #MAX_DEPTH}, strings longer than the dialect's
 * bound and numbers longer than 19 digits; the caller bounds the bytes before. Every refusal is the
 * {@link Dialect}'s, with the member's path.
 */
public final class JsonFields {
    /** The deepest nesting the parser accepts. */
    public static final int MAX_DEPTH = 8;

    private final ObjectNode node;
    private final String source;
    private final String prefix;
    private final Dialect dialect;
    private final Set<String> read = new HashSet<>();

    /** How a refusal of one kind of input is coded. */
    @FunctionalInterface
    public interface Refusal {
        /**
         * The exception of a refusal.
         *
         * @param source what was read, as the caller named it (an answer, a file)
         * @param path where in it: the dialect's root, or a member below it ({@code $.a.b}, {@code a.b})
         * @param message what is wrong, naming the path
         * @param cause the parser's exception, or {@code null}
         * @return the exception to throw
         */
        MalformedInputException refuse(String source, String path, String message, Throwable cause);
    }

    /**
     * The rules of one kind of input.
     *
     * @param mapper the parser, from {@link JsonFields#mapper(int)}
     * @param root the path of the top object; its members are {@code root.name}, or just {@code name}
     *     if the root is empty
     * @param refusal how refusals are coded
     */
    public record Dialect(ObjectMapper mapper, String root, Refusal refusal) {
        /**
         * Checks every part is present.
         *
         * @param mapper the parser
         * @param root the path of the top object
         * @param refusal how refusals are coded
         */
        public Dialect {
            Objects.requireNonNull(mapper, "mapper");
            Objects.requireNonNull(root, "root");
            Objects.requireNonNull(refusal, "refusal");
        }
    }

    private JsonFields(ObjectNode node, String source, String prefix, Dialect dialect) {
        this.node = node;
        this.source = source;
        this.prefix = prefix;
        this.dialect = dialect;
    }

    /**
     * A strict parser: duplicate names, trailing tokens, nesting deeper than {@value #MAX_DEPTH},
     * longer strings and numbers longer than 19 digits are refused.
     *
     * @param maxString the longest string, in characters
     * @return the parser, which also renders
     */
    public static ObjectMapper mapper(int maxString) {
        return new ObjectMapper(JsonFactory.builder()
                        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                        .streamReadConstraints(StreamReadConstraints.builder()
                                .maxNestingDepth(MAX_DEPTH)
                                .maxStringLength(maxString)
                                .maxNumberLength(19)
                                .build())
                        .build())
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * Parses bytes that must hold exactly one JSON object.
     *
     * @param json the bytes
     * @param source what they are, for the refusals
     * @param dialect the parser and the refusals
     * @return the reader of the object
     * @throws MalformedInputException the dialect's refusal if the bytes are not one strict JSON object
     */
    public static JsonFields parse(byte[] json, String source, Dialect dialect) {
        JsonNode root;
        try {
            root = dialect.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw dialect.refusal().refuse(source, dialect.root(), "not strict JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw dialect.refusal().refuse(source, dialect.root(), "not strict JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw dialect.refusal().refuse(source, dialect.root(), "want a JSON object", null);
        }
        return new JsonFields((ObjectNode) root, source, dialect.root().isEmpty() ? "" : dialect.root() + ".", dialect);
    }

    /**
     * A string member.
     *
     * @param name the member
     * @return its value
     * @throws MalformedInputException if it is missing or not a string
     */
    public String text(String name) {
        return optionalText(name).orElseThrow(() -> missing(name));
    }

    /**
     * An optional string member.
     *
     * @param name the member
     * @return its value, or empty if it is absent
     * @throws MalformedInputException if it is not a string
     */
    public Optional<String> optionalText(String name) {
        return member(name).map(value -> {
            if (!value.isTextual()) {
                throw wrong(name, "a string");
            }
            return value.textValue();
        });
    }

    /**
     * A string of 1 to {@code max} printable ASCII characters.
     *
     * @param name the member
     * @param max the longest value
     * @return its value
     * @throws MalformedInputException if it is missing or not such a string
     */
    public String ascii(String name, int max) {
        String value = text(name);
        if (value.isEmpty() || value.length() > max || !value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw wrong(name, "1 to " + max + " printable ASCII characters");
        }
        return value;
    }

    /**
     * An integer member within bounds.
     *
     * @param name the member
     * @param min the least value
     * @param max the greatest value
     * @return its value
     * @throws MalformedInputException if it is missing, not an integer or out of bounds
     */
    public long integer(String name, long min, long max) {
        return optionalInteger(name, min, max).orElseThrow(() -> missing(name));
    }

    /**
     * An optional integer member within bounds.
     *
     * @param name the member
     * @param min the least value
     * @param max the greatest value
     * @return its value, or empty if it is absent
     * @throws MalformedInputException if it is not an integer or out of bounds
     */
    public Optional<Long> optionalInteger(String name, long min, long max) {
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

    /**
     * A boolean member.
     *
     * @param name the member
     * @return its value
     * @throws MalformedInputException if it is missing or not {@code true} or {@code false}
     */
    public boolean bool(String name) {
        JsonNode value = member(name).orElseThrow(() -> missing(name));
        if (!value.isBoolean()) {
            throw wrong(name, "true or false");
        }
        return value.booleanValue();
    }

    /**
     * An instant in ISO-8601 UTC form ({@code 2026-12-01T12:00:00Z}, fractions allowed).
     *
     * @param name the member
     * @return its value
     * @throws MalformedInputException if it is missing or not such an instant
     */
    public Instant instant(String name) {
        String text = text(name);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw wrong(name, "an ISO-8601 UTC instant");
        }
    }

    /**
     * An instant in the one form {@link Instant#toString()} writes.
     *
     * @param name the member
     * @return its value
     * @throws MalformedInputException if it is missing or not such an instant
     */
    public Instant exactInstant(String name) {
        return optionalExactInstant(name).orElseThrow(() -> missing(name));
    }

    /**
     * An optional instant in the one form {@link Instant#toString()} writes.
     *
     * @param name the member
     * @return its value, or empty if it is absent
     * @throws MalformedInputException if it is not such an instant
     */
    public Optional<Instant> optionalExactInstant(String name) {
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

    /**
     * An object member, read the same way.
     *
     * @param name the member
     * @return its reader, whose {@link #end()} the caller calls
     * @throws MalformedInputException if it is missing or not an object
     */
    public JsonFields object(String name) {
        return optionalObject(name).orElseThrow(() -> missing(name));
    }

    /**
     * An optional object member, read the same way.
     *
     * @param name the member
     * @return its reader, or empty if it is absent
     * @throws MalformedInputException if it is not an object
     */
    public Optional<JsonFields> optionalObject(String name) {
        return member(name).map(value -> {
            if (!value.isObject()) {
                throw wrong(name, "an object");
            }
            return new JsonFields((ObjectNode) value, source, where(name) + ".", dialect);
        });
    }

    /**
     * An object whose members are all strings, at most {@code max} of them.
     *
     * @param name the member
     * @param max the most members
     * @return its members, in order
     * @throws MalformedInputException if it is missing or not such an object
     */
    public Map<String, String> strings(String name, int max) {
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

    /**
     * An array of at most {@code max} strings.
     *
     * @param name the member
     * @param max the most items
     * @return its items, in order
     * @throws MalformedInputException if it is missing or not such an array
     */
    public List<String> texts(String name, int max) {
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

    /**
     * Refuses every member that was not read.
     *
     * @throws MalformedInputException naming the first unknown member
     */
    public void end() {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!read.contains(name)) {
                throw dialect.refusal().refuse(source, where(name), "unknown member " + where(name), null);
            }
        }
    }

    /**
     * A refusal of a member's value by a caller's own rule.
     *
     * @param name the member
     * @param want what it must be
     * @return the exception to throw
     */
    public MalformedInputException invalid(String name, String want) {
        return wrong(name, want);
    }

    private Optional<JsonNode> member(String name) {
        read.add(name);
        return Optional.ofNullable(node.get(name));
    }

    private String where(String name) {
        return prefix + name;
    }

    private MalformedInputException missing(String name) {
        return dialect.refusal().refuse(source, where(name), "missing member " + where(name), null);
    }

    private MalformedInputException wrong(String name, String want) {
        return dialect.refusal().refuse(source, where(name), "member " + where(name) + " must be " + want, null);
    }
}
