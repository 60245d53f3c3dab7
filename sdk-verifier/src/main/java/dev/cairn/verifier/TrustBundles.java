package dev.cairn.verifier;

import dev.cairn.errors.ErrorCode;
import dev.cairn.trust.bundle.TrustBundle;
import dev.cairn.trust.bundle.TrustBundleState;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Verifies a sequence of signed trust bundles from one obtained out of band ({@code
 * spec/trust-bundle.md}, "Updating"), through sdk-trust's {@link TrustBundleState}: each signed
 * bundle must be signed by a CA key of the bundle held before it, be for the same trust domain,
 * and have a greater sequence. A signed bundle identical to the one just accepted is a replay and
 * changes nothing.
 */
public final class TrustBundles {
    private TrustBundles() {}

    /**
     * Applies signed bundles in order to an initial bundle.
     *
     * @param initial the bundle obtained out of band, trusted as given
     * @param signedBundles the signed bundles (tagged COSE_Sign1 over the JWKS form), oldest first;
     *     possibly none
     * @return the bundle held after the last one
     * @throws dev.cairn.errors.CairnException {@link ErrorCode#BUNDLE_MALFORMED}, {@link
     *     ErrorCode#BUNDLE_SIGNER_UNTRUSTED}, {@link ErrorCode#BUNDLE_TRUST_DOMAIN_MISMATCH} or {@link
     *     ErrorCode#BUNDLE_ROLLBACK} for the first signed bundle that fails; details then carry its
     *     position in {@code update}
     */
    public static VerifiedTrustBundle verifySequence(TrustBundle initial, List<byte[]> signedBundles) {
        Objects.requireNonNull(initial, "initial");
        TrustBundleState state = new TrustBundleState(initial);
        List<Long> sequences = new ArrayList<>();
        sequences.add(initial.sequence());
        for (int i = 0; i < signedBundles.size(); i++) {
            byte[] signed = Objects.requireNonNull(signedBundles.get(i), "signed bundle");
            TrustBundle held = Failures.at("update", i, () -> state.update(signed));
            sequences.add(held.sequence());
        }
        return new VerifiedTrustBundle(initial, state.current(), sequences);
    }
}
