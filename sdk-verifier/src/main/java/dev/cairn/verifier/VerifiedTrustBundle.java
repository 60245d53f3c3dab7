package dev.cairn.verifier;

import dev.cairn.trust.bundle.TrustBundle;
import java.util.List;

/**
 * A trust bundle reached from one obtained out of band through signed updates that {@link
 * TrustBundles} checked. Only the verifier creates one.
 */
public final class VerifiedTrustBundle {
    private final TrustBundle initial;
    private final TrustBundle bundle;
    private final List<Long> sequences;

    VerifiedTrustBundle(TrustBundle initial, TrustBundle bundle, List<Long> sequences) {
        this.initial = initial;
        this.bundle = bundle;
        this.sequences = List.copyOf(sequences);
    }

    /**
     * The bundle the sequence started from.
     *
     * @return the initial bundle
     */
    public TrustBundle initial() {
        return initial;
    }

    /**
     * The bundle held after the last update: the trust anchors of the trust domain.
     *
     * @return the bundle
     */
    public TrustBundle bundle() {
        return bundle;
    }

    /**
     * The sequence held after each step: the initial bundle's first, then one per signed bundle.
     *
     * @return an unmodifiable list, never decreasing
     */
    public List<Long> sequences() {
        return sequences;
    }

    @Override
    public String toString() {
        return "VerifiedTrustBundle[" + bundle.trustDomain() + ", sequence " + bundle.sequence() + ", "
                + (sequences.size() - 1) + " updates]";
    }
}
