package dev.cairn.server.http;

import dev.cairn.trust.bundle.TrustBundle;
import dev.cairn.trust.revocation.RevocationState;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where the edge finds the trust state it checks node certificates against. Both parts change
 * while the server runs (a CA rotation publishes a new bundle, a revocation a new head), so the
 * edge asks on every request instead of holding a copy.
 */
public interface PeerTrust {
    /**
     * The current trust bundle. Two bundles with the same sequence and trust domain must be the
     * same bundle (a trust bundle state guarantees it).
     *
     * @return the bundle
     */
    TrustBundle trustBundle();

    /**
     * The current revocation state: normally one instance for the server's life, updated in place
     * as heads are published. If another instance is returned, the edge checks against it from the
     * next request on.
     *
     * @return the revocation state
     */
    RevocationState revocation();

    /**
     * Trust state from a bundle source and one revocation state updated in place.
     *
     * @param bundles the current bundle, read on every call
     * @param revocation the revocation state
     * @return the trust state
     */
    static PeerTrust of(Supplier<TrustBundle> bundles, RevocationState revocation) {
        Objects.requireNonNull(bundles, "bundles");
        Objects.requireNonNull(revocation, "revocation");
        return new PeerTrust() {
            @Override
            public TrustBundle trustBundle() {
                return bundles.get();
            }

            @Override
            public RevocationState revocation() {
                return revocation;
            }
        };
    }
}
