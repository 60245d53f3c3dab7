package dev.cairn.cbor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Jackson's CBOR module as a differential oracle. Jackson reads integer map keys as strings, so maps
 * are compared by the decimal form of integer keys, with the later of two colliding keys winning as
 * in Jackson's tree model.
 */
final class JacksonOracle {
    private static final CBORMapper MAPPER = new CBORMapper();

    private JacksonOracle() {}

    /** Jackson's reading of the first data item in the input, or null when Jackson fails. */
    static JsonNode read(byte[] input) {
        try {
            JsonNode node = MAPPER.readTree(input);
            return node == null || node.isMissingNode() ? null : node;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Writes a tag-free value with Jackson's generator, using definite lengths. */
    static byte[] write(CborValue value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator generator = MAPPER.getFactory().createGenerator(out)) {
            write(generator, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(CBORGenerator g, CborValue value) throws IOException {
        if (value instanceof CborInt i) {
            g.writeNumber(i.value());
        } else if (value instanceof CborBytes b) {
            g.writeBinary(b.value().toByteArray());
        } else if (value instanceof CborText t) {
            g.writeString(t.value());
        } else if (value instanceof CborBool b) {
            g.writeBoolean(b.value());
        } else if (value instanceof CborNull) {
            g.writeNull();
        } else if (value instanceof CborArray a) {
            g.writeStartArray(a, a.size());
            for (CborValue item : a.items()) {
                write(g, item);
            }
            g.writeEndArray();
        } else if (value instanceof CborMap m) {
            g.writeStartObject(m, m.size());
            for (CborMap.Entry entry : m.entries()) {
                if (entry.key() instanceof CborInt k) {
                    g.writeFieldId(k.value());
                } else {
                    g.writeFieldName(((CborText) entry.key()).value());
                }
                write(g, entry.value());
            }
            g.writeEndObject();
        } else {
            throw new IllegalArgumentException("no tags in the Jackson oracle: " + value.toDiagnostic());
        }
    }

    /** Asserts that Jackson's tree holds the same value as ours. */
    static void assertSame(CborValue ours, JsonNode theirs) {
        assertNotNull(theirs, () -> "Jackson failed where we read " + ours.toDiagnostic());
        String where = ours.toDiagnostic() + " vs " + theirs;
        if (ours instanceof CborInt i) {
            assertTrue(theirs.isIntegralNumber(), where);
            assertEquals(BigInteger.valueOf(i.value()), theirs.bigIntegerValue(), where);
        } else if (ours instanceof CborBytes b) {
            assertTrue(theirs.isBinary(), where);
            try {
                assertArrayEquals(b.value().toByteArray(), theirs.binaryValue(), where);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else if (ours instanceof CborText t) {
            assertTrue(theirs.isTextual(), where);
            assertEquals(t.value(), theirs.textValue(), where);
        } else if (ours instanceof CborBool b) {
            assertTrue(theirs.isBoolean() && theirs.booleanValue() == b.value(), where);
        } else if (ours instanceof CborNull) {
            assertTrue(theirs.isNull(), where);
        } else if (ours instanceof CborArray a) {
            assertTrue(theirs.isArray() && theirs.size() == a.size(), where);
            for (int i = 0; i < a.size(); i++) {
                assertSame(a.get(i), theirs.get(i));
            }
        } else if (ours instanceof CborMap m) {
            Map<String, CborValue> byName = new LinkedHashMap<>();
            m.entries().forEach(e -> byName.put(keyName(e.key()), e.value()));
            assertTrue(theirs.isObject() && theirs.size() == byName.size(), where);
            byName.forEach((name, value) -> assertSame(value, theirs.get(name)));
        } else {
            throw new AssertionError("tags are outside the oracle: " + where);
        }
    }

    private static String keyName(CborValue key) {
        return key instanceof CborInt i ? Long.toString(i.value()) : ((CborText) key).value();
    }

    /**
     * Converts Jackson's tree to our value, or null when it holds something outside the profile.
     *
     * @param numericKeysAsInts read a map key that is a decimal long as an integer key
     */
    static CborValue toCbor(JsonNode node, boolean numericKeysAsInts) {
        if (node.isIntegralNumber()) {
            BigInteger v = node.bigIntegerValue();
            return v.bitLength() <= 63 ? CborInt.of(v.longValue()) : null;
        } else if (node.isBinary()) {
            try {
                return CborBytes.of(node.binaryValue());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else if (node.isTextual()) {
            return isUnicode(node.textValue()) ? CborText.of(node.textValue()) : null;
        } else if (node.isBoolean()) {
            return CborBool.of(node.booleanValue());
        } else if (node.isNull()) {
            return CborNull.NULL;
        } else if (node.isArray()) {
            CborValue[] items = new CborValue[node.size()];
            for (int i = 0; i < items.length; i++) {
                items[i] = toCbor(node.get(i), numericKeysAsInts);
                if (items[i] == null) {
                    return null;
                }
            }
            return CborArray.of(items);
        } else if (node.isObject()) {
            CborMap.Builder builder = CborMap.builder();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                CborValue value = toCbor(field.getValue(), numericKeysAsInts);
                if (value == null) {
                    return null;
                }
                String name = field.getKey();
                if (numericKeysAsInts && isDecimalLong(name)) {
                    builder.put(Long.parseLong(name), value);
                } else if (isUnicode(name)) {
                    builder.put(name, value);
                } else {
                    return null;
                }
            }
            return builder.build();
        }
        return null; // floats, POJOs
    }

    /** Jackson may decode ill-formed UTF-8 into unpaired surrogates, which are not Unicode text. */
    private static boolean isUnicode(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDecimalLong(String s) {
        try {
            return Long.toString(Long.parseLong(s)).equals(s);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
