package dev.cairn.verifier;

import dev.cairn.errors.ErrorCode;
import dev.cairn.keys.KeySet;
import dev.cairn.keys.VerificationKey;
import dev.cairn.trust.bundle.TrustBundle;
import dev.cairn.trust.bundle.TrustBundleJwks;
import dev.cairn.trust.revocation.RevocationEntry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an auditor trusts, obtained out of band: the log's verification keys, a trust bundle (and
 * the signed bundles that followed it), a signed revocation head with its entries, and the clock
 * that says what "now" is.
 *
 * <p>Building verifies what is signed: the bundle updates ({@link TrustBundles}) and the revocation
 * head ({@link RevocationHeads}), so that a built value holds only checked material. Each part is
 * optional; a verifier that needs a missing part refuses to be built. Immutable and thread-safe.
 */
public final class TrustAnchors {
    private final KeySet logKeys;
    private final VerifiedTrustBundle bundle;
    private final VerifiedRevocation revocation;
    private final Clock clock;

    private TrustAnchors(KeySet logKeys, VerifiedTrustBundle bundle, VerifiedRevocation revocation, Clock clock) {
        this.logKeys = logKeys;
        this.bundle = bundle;
        this.revocation = revocation;
        this.clock = clock;
    }

    /**
     * Starts a set of anchors.
     *
     * @return a builder with no anchors and the system UTC clock
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The log's verification keys.
     *
     * @return the keys, or empty if none were given
     */
    public Optional<KeySet> logKeys() {
        return Optional.ofNullable(logKeys);
    }

    /**
     * The trust bundle held after the signed updates.
     *
     * @return the verified bundle, or empty if none was given
     */
    public Optional<VerifiedTrustBundle> trustBundle() {
        return Optional.ofNullable(bundle);
    }

    /**
     * The verified revocation head and its entries.
     *
     * @return the revocation state, or empty if no head was given
     */
    public Optional<VerifiedRevocation> revocation() {
        return Optional.ofNullable(revocation);
    }

    /**
     * What "now" is for every check made with these anchors.
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    TrustBundle requireBundle(String what) {
        if (bundle == null) {
            throw new IllegalStateException(what + " needs a trust bundle in the trust anchors");
        }
        return bundle.bundle();
    }

    @Override
    public String toString() {
        return "TrustAnchors[keys=" + logKeys + ", bundle=" + bundle + ", revocation=" + revocation + "]";
    }

    /** Collects the anchors; {@link #build()} verifies the signed ones. */
    public static final class Builder {
        private final List<VerificationKey> keys = new ArrayList<>();
        private final List<byte[]> bundleUpdates = new ArrayList<>();
        private TrustBundle bundle;
        private byte[] revocationHead;
        private List<RevocationEntry> revocationEntries;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /**
         * Trusts a key of the log: statements, checkpoints and COSE Receipts it signed verify.
         *
         * @param key the key
         * @return this builder
         */
        public Builder logKey(VerificationKey key) {
            keys.add(Objects.requireNonNull(key, "key"));
            return this;
        }

        /**
         * Trusts a key of the log given as a COSE_Key ({@link AnchorKeys#fromCoseKey(byte[])}).
         *
         * @param coseKey the encoded COSE_Key
         * @return this builder
         * @throws dev.cairn.errors.CairnException {@link ErrorCode#KEY_INVALID}, {@link
         *     ErrorCode#KEY_UNSUPPORTED} or a {@code CBOR_*} code
         */
        public Builder logCoseKey(byte[] coseKey) {
            return logKey(AnchorKeys.fromCoseKey(coseKey));
        }

        /**
         * The trust bundle obtained out of band, trusted as given.
         *
         * @param initial the bundle
         * @return this builder
         */
        public Builder trustBundle(TrustBundle initial) {
            this.bundle = Objects.requireNonNull(initial, "initial");
            return this;
        }

        /**
         * The trust bundle obtained out of band, in its JWKS form ({@code spec/trust-bundle.md}).
         *
         * @param jwks the canonical JWKS bytes
         * @return this builder
         * @throws dev.cairn.errors.MalformedInputException {@link ErrorCode#BUNDLE_MALFORMED}
         */
        public Builder trustBundleJwks(byte[] jwks) {
            return trustBundle(TrustBundleJwks.parse(Objects.requireNonNull(jwks, "jwks")));
        }

        /**
         * A signed bundle that follows the ones given before; applied in order at {@link #build()}.
         *
         * @param signedBundle the tagged COSE_Sign1 over the next bundle's JWKS
         * @return this builder
         */
        public Builder bundleUpdate(byte[] signedBundle) {
            bundleUpdates.add(
                    Objects.requireNonNull(signedBundle, "signedBundle").clone());
            return this;
        }

        /**
         * The newest signed revocation head and every entry of its chain, verified at {@link
         * #build()} against the CA keys of the bundle held after the updates.
         *
         * @param signedHead the signed head
         * @param allEntries the entries from index 0 up to the head's size
         * @return this builder
         */
        public Builder revocation(byte[] signedHead, List<RevocationEntry> allEntries) {
            this.revocationHead =
                    Objects.requireNonNull(signedHead, "signedHead").clone();
            this.revocationEntries = List.copyOf(allEntries);
            return this;
        }

        /**
         * What "now" is; the system UTC clock by default.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Verifies the signed anchors and builds the set.
         *
         * @return the anchors
         * @throws IllegalStateException if bundle updates or a revocation head are given without a
         *     trust bundle
         * @throws dev.cairn.errors.CairnException the codes of {@link TrustBundles#verifySequence} and
         *     {@link RevocationHeads#verify}
         */
        public TrustAnchors build() {
            if (bundle == null && (!bundleUpdates.isEmpty() || revocationHead != null)) {
                throw new IllegalStateException("bundle updates and revocation heads need a trust bundle");
            }
            VerifiedTrustBundle verifiedBundle =
                    bundle == null ? null : TrustBundles.verifySequence(bundle, bundleUpdates);
            VerifiedRevocation verifiedRevocation = revocationHead == null
                    ? null
                    : RevocationHeads.verify(verifiedBundle.bundle(), revocationHead, revocationEntries, clock);
            return new TrustAnchors(keys.isEmpty() ? null : KeySet.of(keys), verifiedBundle, verifiedRevocation, clock);
        }
    }
}
