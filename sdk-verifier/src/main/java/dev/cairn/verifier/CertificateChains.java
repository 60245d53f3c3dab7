package dev.cairn.verifier;

import dev.cairn.errors.ErrorCode;
import dev.cairn.trust.bundle.TrustBundle;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.revocation.FreshnessTier;
import dev.cairn.trust.revocation.RevocationState;
import dev.cairn.trust.tls.PeerIdentity;
import dev.cairn.trust.tls.PeerRole;
import dev.cairn.trust.tls.PeerVerifier;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * Verifies certificate chains against the trust anchors' bundle and revocation head, with sdk-trust's
 * {@link PeerVerifier} ({@code spec/tls-identity.md}, "Peer identity"): the leaf is issued by a CA of
 * the bundle, is an end-entity certificate for the role, names exactly one Cairn identity of the
 * bundle's trust domain, is valid now, and is not revoked under a head fresh enough for the tier.
 *
 * <p>Without a revocation head in the anchors every chain fails closed with {@link
 * ErrorCode#REVOCATION_HEAD_STALE}: no head, no proof that the certificate was not revoked.
 * Thread-safe once built.
 */
public final class CertificateChains {
    private final PeerVerifier peers;

    private CertificateChains(Builder builder) {
        TrustAnchors anchors = builder.anchors;
        TrustBundle bundle = anchors.requireBundle("verifying certificate chains");
        RevocationState revocation = anchors.revocation()
                .map(VerifiedRevocation::state)
                .orElseGet(() -> RevocationHeads.empty(bundle, anchors.clock()));
        PeerVerifier.Builder peers = PeerVerifier.builder()
                .trustBundle(bundle)
                .revocation(revocation)
                .tier(builder.tier)
                .role(builder.role)
                .clock(anchors.clock());
        if (builder.expectedId != null) {
            peers.expectId(builder.expectedId);
        }
        this.peers = peers.build();
    }

    /**
     * Starts a verifier over trust anchors that hold a trust bundle.
     *
     * @param anchors the anchors
     * @return a builder: role {@link PeerRole#SERVER}, tier {@link FreshnessTier#SAFE}, any identity
     */
    public static Builder builder(TrustAnchors anchors) {
        return new Builder(anchors);
    }

    /**
     * Verifies a chain.
     *
     * @param chain the chain, leaf first; only the leaf is used, its issuer must be in the bundle
     * @return the identity the leaf names
     * @throws dev.cairn.errors.CairnException {@link ErrorCode#TLS_PEER_MISSING}, {@link
     *     ErrorCode#CERT_CHAIN_INVALID}, {@link ErrorCode#TLS_PEER_IDENTITY_INVALID}, {@link
     *     ErrorCode#CERT_MALFORMED}, {@link ErrorCode#CERT_NOT_YET_VALID}, {@link
     *     ErrorCode#CERT_EXPIRED}, {@link ErrorCode#CERT_REVOKED} or {@link
     *     ErrorCode#REVOCATION_HEAD_STALE}
     */
    public PeerIdentity verify(List<X509Certificate> chain) {
        return peers.verify(List.copyOf(Objects.requireNonNull(chain, "chain")));
    }

    /** Sets the expectations. */
    public static final class Builder {
        private final TrustAnchors anchors;
        private PeerRole role = PeerRole.SERVER;
        private FreshnessTier tier = FreshnessTier.SAFE;
        private CairnId expectedId;

        private Builder(TrustAnchors anchors) {
            this.anchors = Objects.requireNonNull(anchors, "anchors");
        }

        /**
         * The role the certificate must be issued for: {@link PeerRole#SERVER} (serverAuth, which a
         * log signer's SERVICE-profile certificate has) unless set.
         *
         * @param role the role
         * @return this builder
         */
        public Builder role(PeerRole role) {
            this.role = Objects.requireNonNull(role, "role");
            return this;
        }

        /**
         * The freshness tier the revocation head must be fresh enough for; {@link
         * FreshnessTier#SAFE} unless set.
         *
         * @param tier the tier
         * @return this builder
         */
        public Builder tier(FreshnessTier tier) {
            this.tier = Objects.requireNonNull(tier, "tier");
            return this;
        }

        /**
         * Accepts only certificates naming this identity; any identity of the trust domain otherwise.
         *
         * @param id the identity
         * @return this builder
         */
        public Builder expectId(CairnId id) {
            this.expectedId = Objects.requireNonNull(id, "id");
            return this;
        }

        /**
         * Builds the verifier.
         *
         * @return the verifier
         * @throws IllegalStateException if the anchors hold no trust bundle
         */
        public CertificateChains build() {
            return new CertificateChains(this);
        }
    }
}
