package dev.cairn.cbor.internal;

import dev.cairn.cbor.CborMap;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Gives the decoder the package-private factories of {@code dev.cairn.cbor} without making them
 * public API (the "shared secrets" pattern of the JDK).
 *
 * <p>{@link CborMap}'s static initialiser registers its trusted factory here. This package is not
 * exported by {@code module-info}, so only Cairn's own code can reach it on the module path. On the
 * class path the registration is first-wins and {@link #registerCanonicalMaps(Function)} forces
 * {@code CborMap}'s initialiser to run before it stores anything, so no other caller can take the
 * slot. This class has no static initialiser of its own, so there is no class-initialisation cycle
 * between the two classes and no initialisation deadlock between threads.
 */
public final class CborAccess {
    private static volatile Function<List<CborMap.Entry>, CborMap> canonicalMaps;

    private CborAccess() {}

    /**
     * Registers the factory that wraps entries already in canonical order. Called once, by {@link
     * CborMap}.
     *
     * @param factory wraps a list of entries in strictly ascending canonical key order, without
     *     sorting or copying it again
     * @throws IllegalStateException if a factory is already registered
     */
    public static void registerCanonicalMaps(Function<List<CborMap.Entry>, CborMap> factory) {
        Objects.requireNonNull(factory, "factory");
        // Runs CborMap's initialiser first (a no-op when called from it), so its factory wins.
        CborMap.empty();
        synchronized (CborAccess.class) {
            if (canonicalMaps != null) {
                throw new IllegalStateException("the canonical map factory is already registered");
            }
            canonicalMaps = factory;
        }
    }

    /**
     * Returns the registered factory, initialising {@link CborMap} if that has not happened yet.
     *
     * @return the factory that wraps entries already in canonical order
     */
    public static Function<List<CborMap.Entry>, CborMap> canonicalMaps() {
        Function<List<CborMap.Entry>, CborMap> factory = canonicalMaps;
        if (factory == null) {
            CborMap.empty(); // runs CborMap's initialiser, which registers
            factory = canonicalMaps;
        }
        return Objects.requireNonNull(factory, "CborMap did not register its factory");
    }
}
