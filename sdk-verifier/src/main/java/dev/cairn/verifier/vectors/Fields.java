package dev.cairn.verifier.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.cairn.bytes.Digest;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborMap;
import dev.cairn.cbor.CborValue;
import dev.cairn.checkpoint.LogId;
import dev.cairn.errors.CairnException;
import dev.cairn.keys.KeySet;
import dev.cairn.keys.VerificationKey;
import dev.cairn.mmr.Accumulator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Reading a vector's fields strictly, and comparing what a step yields with what the vector says.
 * A field that is missing or not of its form is a {@link MalformedVector}; a result that differs is
 * a {@link VectorFailure}.
 */
final class Fields {
    private static final HexFormat HEX = HexFormat.of();

    private Fields() {}

    /** A required member, not null. */
    static JsonNode field(JsonNode v, String name) {
        JsonNode value = v.get(name);
        if (value == null || value.isNull()) {
            throw new MalformedVector("missing field " + name);
        }
        return value;
    }

    /** A required string. */
    static String text(JsonNode v, String name) {
        JsonNode value = field(v, name);
        if (!value.isTextual()) {
            throw new MalformedVector("field " + name + " is not a string");
        }
        return value.asText();
    }

    /** A required string of lowercase hex. */
    static byte[] hex(JsonNode v, String name) {
        return hexOf(field(v, name), name);
    }

    /** A JSON string of lowercase hex, such as an array item. */
    static byte[] hexOf(JsonNode value, String what) {
        String text = value.isTextual() ? value.asText() : "";
        if (!value.isTextual() || text.length() % 2 != 0 || !text.chars().allMatch(Fields::lowerHex)) {
            throw new MalformedVector(what + " is not a string of lowercase hex");
        }
        return HEX.parseHex(text);
    }

    private static boolean lowerHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }

    /** A required integer within the signed 64-bit range. */
    static long integer(JsonNode v, String name) {
        JsonNode value = field(v, name);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new MalformedVector("field " + name + " is not a 64-bit integer");
        }
        return value.asLong();
    }

    /** An optional boolean, false when absent. */
    static boolean flag(JsonNode v, String name) {
        JsonNode value = v.get(name);
        if (value == null) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new MalformedVector("field " + name + " is not a boolean");
        }
        return value.asBoolean();
    }

    /** A required array. */
    static JsonNode array(JsonNode v, String name) {
        JsonNode value = field(v, name);
        if (!value.isArray()) {
            throw new MalformedVector("field " + name + " is not an array");
        }
        return value;
    }

    /** An optional array, empty when absent. */
    static JsonNode optionalArray(JsonNode v, String name) {
        return v.has(name) ? array(v, name) : JsonNodeFactory.instance.arrayNode();
    }

    /** A required RFC 3339 time. */
    static Instant time(JsonNode v, String name) {
        try {
            return Instant.parse(text(v, name));
        } catch (DateTimeParseException e) {
            throw new MalformedVector("field " + name + " is not an RFC 3339 time");
        }
    }

    /** A constant of an enum by its name, such as a key type or a role. */
    static <E extends Enum<E>> E constant(Class<E> type, String name, String what) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new MalformedVector("unknown " + what + " " + name);
        }
    }

    /** A required log id. */
    static LogId logId(JsonNode v, String name) {
        try {
            return new LogId(text(v, name));
        } catch (IllegalArgumentException e) {
            throw new MalformedVector("field " + name + " is not a log id: " + e.getMessage());
        }
    }

    /** A fixed clock at an instant. */
    static Clock clock(Instant now) {
        return Clock.fixed(now, ZoneOffset.UTC);
    }

    /** A required array of COSE_Keys (hex), the keys the vector's verifier trusts. */
    static KeySet keys(JsonNode v, String name) {
        List<VerificationKey> keys = new ArrayList<>();
        for (JsonNode key : array(v, name)) {
            keys.add(coseKey(hexOf(key, name + " item")));
        }
        return KeySet.of(keys);
    }

    /** A COSE_Key the vector trusts; it must decode, or the vector is broken. */
    static VerificationKey coseKey(byte[] encoded) {
        return setUp("trusted COSE_Key", () -> VerificationKey.fromCoseKey(coseKeyMap(encoded)));
    }

    /** Decodes the CBOR of a COSE_Key, which must be a map; the step that reads it may refuse it. */
    static CborMap coseKeyMap(byte[] encoded) {
        CborValue value = Cbor.decode(encoded);
        if (!(value instanceof CborMap map)) {
            throw VectorFailure.broken("a COSE_Key field is not a CBOR map");
        }
        return map;
    }

    /** An accumulator {@code {"size": n, "peaks": [hex, ...]}}, built as the step under test. */
    static Accumulator accumulator(JsonNode v, String name) {
        JsonNode node = field(v, name);
        return new Accumulator(integer(node, "size"), digests(node, "peaks"));
    }

    /** A required array of 32-byte hashes in hex. */
    static List<Digest> digests(JsonNode v, String name) {
        List<Digest> digests = new ArrayList<>();
        for (JsonNode item : array(v, name)) {
            digests.add(digest(item, name + " item"));
        }
        return digests;
    }

    /** A 32-byte hash in hex. */
    static Digest digest(JsonNode value, String what) {
        byte[] bytes = hexOf(value, what);
        if (bytes.length != Digest.LENGTH) {
            throw new MalformedVector(what + " is " + bytes.length + " bytes, want " + Digest.LENGTH);
        }
        return Digest.of(bytes);
    }

    /**
     * Runs what a vector needs before the step under test: any coded failure there is a broken
     * vector, not the rejection the vector asks for.
     */
    static <T> T setUp(String what, Supplier<T> step) {
        try {
            return step.get();
        } catch (CairnException e) {
            throw VectorFailure.broken(what + " failed with " + e.code() + ": " + e.getMessage());
        }
    }

    /** A result of the step under test must be the vector's. */
    static void same(String what, Object want, Object got) {
        if (!Objects.equals(want, got)) {
            throw VectorFailure.differs(what, want, got);
        }
    }
}
