package dev.cairn.trust.tls;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.errors.VerificationException;
import dev.cairn.trust.bundle.TrustBundle;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.revocation.FreshnessTier;
import dev.cairn.trust.revocation.RevocationState;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Reads a peer's identity from its certificate chain, and from nothing else ({@code
 * spec/tls-identity.md}). A chain is accepted only when its leaf was signed by a CA certificate of
 * the current trust bundle, is an end-entity certificate for the expected TLS role, carries exactly
 * one subjectAltName, a {@code cairn://} URI in the bundle's trust domain, is within its validity,
 * and its serial is not revoked under the revocation head held, which must be fresh enough for the
 * configured tier. Every other outcome is a typed exception with a stable code.
 *
 * <p>Call it on every request, not only in the handshake: TLS 1.3 resumption and keep-alive
 * connections do not run the trust manager again, so revocation and expiry must be checked per
 * call. The signature and name checks of a leaf are remembered per trust bundle (a bounded cache),
 * so a repeated call costs a map lookup, two clock comparisons and the revocation lookup.
 * Thread-safe.
 */
public final class PeerVerifier {
    /** Most leaves whose signature and name checks are remembered per trust bundle. */
    public static final int CACHE_LIMIT = 4096;

    private final Supplier<TrustBundle> bundles;
    private final RevocationState revocation;
    private final FreshnessTier tier;
    private final PeerRole role;
    private final Optional<CairnId> expectedId;
    private final Clock clock;
    private volatile Checked checked;

    /** The leaves already checked against one bundle. */
    private record Checked(TrustBundle bundle, Map<X509Certificate, LeafCheck.Result> leaves) {}

    private PeerVerifier(Builder builder) {
        this.bundles = Objects.requireNonNull(builder.bundles, "trustBundle");
        this.revocation = Objects.requireNonNull(builder.revocation, "revocation");
        this.tier = Objects.requireNonNull(builder.tier, "tier");
        this.role = Objects.requireNonNull(builder.role, "role");
        this.expectedId = Optional.ofNullable(builder.expectedId);
        this.clock = Objects.requireNonNull(builder.clock, "clock");
    }

    /**
     * Starts a verifier. Trust bundle, revocation state, tier and role are required.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The TLS role this verifier expects of its peers.
     *
     * @return the role
     */
    public PeerRole role() {
        return role;
    }

    /**
     * The CA certificates of the current trust bundle: what a TLS server advertises as acceptable
     * issuers, so that clients send the certificate the trust domain issued them.
     *
     * @return the CA certificates
     */
    public List<X509Certificate> acceptedIssuers() {
        return bundles.get().certificates();
    }

    /**
     * Verifies a peer chain, leaf first.
     *
     * @param chain the chain as the peer presented it; only the leaf is used, its issuer must be in
     *     the trust bundle
     * @return the peer's identity
     * @throws VerificationException {@link ErrorCode#TLS_PEER_MISSING}, {@link
     *     ErrorCode#CERT_CHAIN_INVALID}, {@link ErrorCode#TLS_PEER_IDENTITY_INVALID}, {@link
     *     ErrorCode#CERT_EXPIRED}, {@link ErrorCode#CERT_NOT_YET_VALID}, {@link ErrorCode#CERT_REVOKED}
     *     or {@link ErrorCode#REVOCATION_HEAD_STALE}
     * @throws MalformedInputException {@link ErrorCode#CERT_MALFORMED} for an unreadable extension
     */
    public PeerIdentity verify(List<X509Certificate> chain) {
        return verifyChain(chain, clock.instant(), "now");
    }

    /**
     * Verifies the chain of a key that signed something at a known time, such as a log's signing key
     * and the time its checkpoint states: the leaf's and the issuing CA's validity are judged at
     * {@code signedAt} instead of now. Everything else is as in {@link #verify(List)}: the trust bundle
     * is the current one, and revocation and the head's freshness are judged by the revocation state
     * and its clock, so a key revoked since it signed is refused.
     *
     * @param chain the chain, leaf first; only the leaf is used
     * @param signedAt the time the leaf's validity (and its issuer's) must cover
     * @return the identity the leaf names
     * @throws VerificationException the codes of {@link #verify(List)}
     * @throws MalformedInputException {@link ErrorCode#CERT_MALFORMED} for an unreadable extension
     */
    public PeerIdentity verifyAt(List<X509Certificate> chain, Instant signedAt) {
        return verifyChain(chain, Objects.requireNonNull(signedAt, "signedAt"), "the signing time");
    }

    private PeerIdentity verifyChain(List<X509Certificate> chain, Instant at, String when) {
        if (chain == null || chain.isEmpty() || chain.get(0) == null) {
            throw new VerificationException(ErrorCode.TLS_PEER_MISSING, "the peer presented no certificate");
        }
        X509Certificate leaf = chain.get(0);
        TrustBundle bundle = bundles.get();
        LeafCheck.Result result = checkedFor(bundle).computeIfAbsent(leaf, l -> check(l, bundle));
        Validity.check(leaf, at, "peer certificate", when);
        Validity.checkIssuer(result.issuer(), at, when);
        revocation.checkNotRevoked(leaf.getSerialNumber(), tier);
        return new PeerIdentity(
                result.id(), leaf.getSerialNumber(), leaf.getNotAfter().toInstant(), leaf);
    }

    /**
     * Verifies a peer chain as the JSSE hands it over.
     *
     * @param chain the chain, leaf first
     * @return the peer's identity
     * @see #verify(List)
     */
    public PeerIdentity verify(X509Certificate[] chain) {
        return verify(chain == null ? List.of() : List.of(chain));
    }

    private LeafCheck.Result check(X509Certificate leaf, TrustBundle bundle) {
        try {
            return LeafCheck.check(leaf, bundle, role, expectedId);
        } catch (CertificateParsingException e) {
            throw new MalformedInputException(ErrorCode.CERT_MALFORMED, "unreadable subjectAltName: " + e.getMessage());
        }
    }

    private Map<X509Certificate, LeafCheck.Result> checkedFor(TrustBundle bundle) {
        Checked current = checked;
        if (current == null || !sameBundle(current.bundle(), bundle)) {
            current = new Checked(bundle, new ConcurrentHashMap<>());
            checked = current;
        } else if (current.leaves().size() >= CACHE_LIMIT) {
            current.leaves().clear();
        }
        return current.leaves();
    }

    private static boolean sameBundle(TrustBundle held, TrustBundle bundle) {
        return held == bundle
                || (held.sequence() == bundle.sequence() && held.trustDomain().equals(bundle.trustDomain()));
    }

    /** Builds a {@link PeerVerifier}. */
    public static final class Builder {
        private Supplier<TrustBundle> bundles;
        private RevocationState revocation;
        private FreshnessTier tier;
        private PeerRole role;
        private CairnId expectedId;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /**
         * Where the current trust bundle comes from; read on every call, so a bundle update takes
         * effect at once. Two bundles with the same sequence and trust domain must be the same bundle
         * (a {@code TrustBundleState} guarantees it).
         *
         * @param bundles the bundle source
         * @return this builder
         */
        public Builder trustBundle(Supplier<TrustBundle> bundles) {
            this.bundles = bundles;
            return this;
        }

        /**
         * A fixed trust bundle.
         *
         * @param bundle the bundle
         * @return this builder
         */
        public Builder trustBundle(TrustBundle bundle) {
            Objects.requireNonNull(bundle, "bundle");
            return trustBundle(() -> bundle);
        }

        /**
         * The revocation state every call checks the leaf's serial against.
         *
         * @param revocation the relying party's revocation state
         * @return this builder
         */
        public Builder revocation(RevocationState revocation) {
            this.revocation = revocation;
            return this;
        }

        /**
         * The freshness tier of the actions this verifier guards.
         *
         * @param tier the tier
         * @return this builder
         */
        public Builder tier(FreshnessTier tier) {
            this.tier = tier;
            return this;
        }

        /**
         * The TLS role of the peers: {@link PeerRole#CLIENT} on a server, {@link PeerRole#SERVER} on a
         * client.
         *
         * @param role the role
         * @return this builder
         */
        public Builder role(PeerRole role) {
            this.role = role;
            return this;
        }

        /**
         * Accepts only this one identity (a client pinning the server it talks to). By default any
         * identity of the bundle's trust domain is accepted and the caller authorises it.
         *
         * @param id the expected identity
         * @return this builder
         */
        public Builder expectId(CairnId id) {
            this.expectedId = Objects.requireNonNull(id, "id");
            return this;
        }

        /**
         * What "now" is.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Builds the verifier.
         *
         * @return the verifier
         * @throws NullPointerException if a required part is missing
         */
        public PeerVerifier build() {
            return new PeerVerifier(this);
        }
    }
}
