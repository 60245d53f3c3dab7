package dev.cairn.keys;

import dev.cairn.bytes.Bytes;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable set of trusted verification keys, looked up by their derived kid: the trust anchors
 * a verifier accepts signatures from. Thread-safe.
 */
public final class KeySet {
    private final Map<Bytes, VerificationKey> byKid;

    private KeySet(Map<Bytes, VerificationKey> byKid) {
        this.byKid = byKid;
    }

    /**
     * Builds a set from keys; duplicates collapse.
     *
     * @param keys the trusted keys, at least one
     * @return the set
     * @throws IllegalArgumentException if {@code keys} is empty
     */
    public static KeySet of(Collection<VerificationKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a key set needs at least one key");
        }
        Map<Bytes, VerificationKey> byKid = new LinkedHashMap<>();
        keys.forEach(key -> byKid.put(key.kid(), key));
        return new KeySet(byKid);
    }

    /**
     * Builds a set from keys.
     *
     * @param keys the trusted keys, at least one
     * @return the set
     */
    public static KeySet of(VerificationKey... keys) {
        return of(List.of(keys));
    }

    /**
     * Finds the key with a kid.
     *
     * @param kid a derived kid
     * @return the key, or empty when no trusted key has that kid
     */
    public Optional<VerificationKey> find(Bytes kid) {
        return Optional.ofNullable(byKid.get(kid));
    }

    /**
     * The keys, in the order first given.
     *
     * @return an unmodifiable list
     */
    public List<VerificationKey> keys() {
        return List.copyOf(byKid.values());
    }

    @Override
    public String toString() {
        return "KeySet" + byKid.values();
    }
}
