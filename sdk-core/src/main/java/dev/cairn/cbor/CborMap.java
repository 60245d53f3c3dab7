package dev.cairn.cbor;

import dev.cairn.bytes.Bytes;
import dev.cairn.cbor.internal.CborAccess;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A CBOR map (major type 5) with integer or text keys, held in canonical order: ascending by the
 * bytewise order of each key's encoding (RFC 8949 section 4.2.1). Keys are unique.
 *
 * <p>The typed {@code require...} accessors are how closed protocol structures are read: a missing
 * field raises {@link ErrorCode#CBOR_MISSING_FIELD}, a field of another type {@link
 * ErrorCode#CBOR_WRONG_TYPE}, and {@link #requireOnlyKeys(Collection)} rejects fields the structure
 * does not define with {@link ErrorCode#CBOR_UNKNOWN_FIELD}.
 */
public final class CborMap implements CborValue {
    private static final CborMap EMPTY = new CborMap(List.of());

    static {
        // The decoder builds maps from entries it has already checked to be in canonical order.
        CborAccess.registerCanonicalMaps(CborMap::ofCanonical);
    }

    /** Maps up to this size are searched linearly; larger ones build a hash index on first lookup. */
    private static final int LINEAR_LOOKUP_MAX = 16;

    private final List<Entry> entries;
    private volatile Map<CborValue, CborValue> index;

    private CborMap(List<Entry> canonicalEntries) {
        this.entries = List.copyOf(canonicalEntries);
    }

    private CborValue lookup(CborValue key) {
        if (entries.size() <= LINEAR_LOOKUP_MAX) {
            for (Entry entry : entries) {
                if (entry.key().equals(key)) {
                    return entry.value();
                }
            }
            return null;
        }
        Map<CborValue, CborValue> built = index;
        if (built == null) {
            built = new HashMap<>(entries.size() * 2);
            for (Entry entry : entries) {
                built.put(entry.key(), entry.value());
            }
            index = built;
        }
        return built.get(key);
    }

    /**
     * One key/value pair.
     *
     * @param key an integer or text key
     * @param value the value
     */
    public record Entry(CborValue key, CborValue value) {
        /**
         * Validates the components.
         *
         * @param key an integer or text key
         * @param value the value
         */
        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            if (!(key instanceof CborInt) && !(key instanceof CborText)) {
                throw new IllegalArgumentException("map keys must be integers or text, got " + key.toDiagnostic());
            }
        }
    }

    /**
     * Returns the empty map.
     *
     * @return a map without entries
     */
    public static CborMap empty() {
        return EMPTY;
    }

    /**
     * Starts a builder.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a map from entries in any order.
     *
     * @param entries the pairs; keys must be unique
     * @return the map in canonical order
     * @throws IllegalArgumentException on a duplicate key
     */
    public static CborMap of(Collection<Entry> entries) {
        Builder builder = builder();
        entries.forEach(e -> builder.put(e.key(), e.value()));
        return builder.build();
    }

    /**
     * Wraps entries that are already in strictly ascending canonical key order. Used by the decoder,
     * which has checked the order against the encoded key bytes.
     */
    static CborMap ofCanonical(List<Entry> canonicalEntries) {
        return canonicalEntries.isEmpty() ? EMPTY : new CborMap(canonicalEntries);
    }

    /**
     * The entries in canonical order.
     *
     * @return an unmodifiable list
     */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * The number of entries.
     *
     * @return the size
     */
    public int size() {
        return entries.size();
    }

    /**
     * Looks up a key.
     *
     * @param key the key
     * @return the value, or empty
     */
    public Optional<CborValue> get(CborValue key) {
        return Optional.ofNullable(lookup(key));
    }

    /**
     * Looks up an integer key.
     *
     * @param key the key
     * @return the value, or empty
     */
    public Optional<CborValue> get(long key) {
        return get(CborInt.of(key));
    }

    /**
     * Looks up a text key.
     *
     * @param key the key
     * @return the value, or empty
     */
    public Optional<CborValue> get(String key) {
        return get(CborText.of(key));
    }

    /**
     * Returns a required value of any type.
     *
     * @param key the key
     * @return the value
     * @throws MalformedInputException {@link ErrorCode#CBOR_MISSING_FIELD} if absent
     */
    public CborValue require(CborValue key) {
        CborValue value = lookup(key);
        if (value == null) {
            throw new MalformedInputException(ErrorCode.CBOR_MISSING_FIELD, "missing field " + key.toDiagnostic());
        }
        return value;
    }

    /**
     * Returns a required value of a given type.
     *
     * @param <T> the expected value type
     * @param key the key
     * @param type the expected value class
     * @return the value
     * @throws MalformedInputException {@link ErrorCode#CBOR_MISSING_FIELD} if absent, {@link
     *     ErrorCode#CBOR_WRONG_TYPE} if of another type
     */
    public <T extends CborValue> T require(CborValue key, Class<T> type) {
        CborValue value = require(key);
        if (!type.isInstance(value)) {
            throw new MalformedInputException(
                    ErrorCode.CBOR_WRONG_TYPE,
                    "field " + key.toDiagnostic() + ": got " + value.getClass().getSimpleName() + ", want "
                            + type.getSimpleName());
        }
        return type.cast(value);
    }

    /**
     * Returns a required integer under an integer key.
     *
     * @param key the key
     * @return the integer
     */
    public long requireInt(long key) {
        return require(CborInt.of(key), CborInt.class).value();
    }

    /**
     * Returns a required byte string under an integer key.
     *
     * @param key the key
     * @return the bytes
     */
    public Bytes requireBytes(long key) {
        return require(CborInt.of(key), CborBytes.class).value();
    }

    /**
     * Returns a required text string under an integer key.
     *
     * @param key the key
     * @return the text
     */
    public String requireText(long key) {
        return require(CborInt.of(key), CborText.class).value();
    }

    /**
     * Rejects keys outside an allowed set: the check that makes a structure closed.
     *
     * @param allowed the keys the structure defines
     * @throws MalformedInputException {@link ErrorCode#CBOR_UNKNOWN_FIELD} naming the first other key
     */
    public void requireOnlyKeys(Collection<? extends CborValue> allowed) {
        for (Entry entry : entries) {
            if (!allowed.contains(entry.key())) {
                throw new MalformedInputException(
                        ErrorCode.CBOR_UNKNOWN_FIELD,
                        "unknown field " + entry.key().toDiagnostic());
            }
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CborMap that && entries.equals(that.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return toDiagnostic();
    }

    @Override
    public String toDiagnostic() {
        return entries.stream()
                .map(e -> e.key().toDiagnostic() + ": " + e.value().toDiagnostic())
                .collect(Collectors.joining(", ", "{", "}"));
    }

    /** Collects entries in any order; {@link #build()} sorts them canonically. */
    public static final class Builder {
        private final List<Entry> entries = new ArrayList<>();

        private Builder() {}

        /**
         * Adds an entry.
         *
         * @param key an integer or text key
         * @param value the value
         * @return this builder
         */
        public Builder put(CborValue key, CborValue value) {
            entries.add(new Entry(key, value));
            return this;
        }

        /**
         * Adds an entry under an integer key.
         *
         * @param key the key
         * @param value the value
         * @return this builder
         */
        public Builder put(long key, CborValue value) {
            return put(CborInt.of(key), value);
        }

        /**
         * Adds an entry under a text key.
         *
         * @param key the key
         * @param value the value
         * @return this builder
         */
        public Builder put(String key, CborValue value) {
            return put(CborText.of(key), value);
        }

        /**
         * Sorts the entries by encoded key and checks keys are unique.
         *
         * @return the map
         * @throws IllegalArgumentException on a duplicate key
         */
        public CborMap build() {
            int n = entries.size();
            byte[][] encodedKeys = new byte[n][];
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                encodedKeys[i] = Cbor.encode(entries.get(i).key());
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Arrays.compareUnsigned(encodedKeys[a], encodedKeys[b]));
            List<Entry> sorted = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                if (i > 0 && Arrays.equals(encodedKeys[order[i]], encodedKeys[order[i - 1]])) {
                    throw new IllegalArgumentException(
                            "duplicate map key " + entries.get(order[i]).key().toDiagnostic());
                }
                sorted.add(entries.get(order[i]));
            }
            return sorted.isEmpty() ? EMPTY : new CborMap(sorted);
        }
    }
}
