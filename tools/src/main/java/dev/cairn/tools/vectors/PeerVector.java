package dev.cairn.tools.vectors;

import static dev.cairn.tools.vectors.TrustFixture.DOMAIN;
import static dev.cairn.tools.vectors.TrustFixture.T0;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.bundle.CaEntry;
import dev.cairn.trust.bundle.CaStatus;
import dev.cairn.trust.bundle.TrustBundle;
import dev.cairn.trust.bundle.TrustBundleJwks;
import dev.cairn.trust.ca.Profile;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.revocation.FreshnessTier;
import dev.cairn.trust.revocation.RevocationChain;
import dev.cairn.trust.revocation.RevocationEntries;
import dev.cairn.trust.revocation.RevocationHead;
import dev.cairn.trust.revocation.RevocationHeadSigner;
import dev.cairn.trust.revocation.RevocationJournal;
import dev.cairn.trust.revocation.RevocationReason;
import dev.cairn.trust.tls.PeerRole;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One {@code peer} vector being written ({@link TrustPeerVectors}). Fields are rendered as they are
 * set, so that every file has the same field order. Defaults: role CLIENT, tier RISKY, checked at
 * {@link #NOW} under the head signed at T0.
 */
final class PeerVector {
    /** The usual check time: five minutes after the leaves were issued and the head was signed. */
    static final Instant NOW = T0.plus(Duration.ofMinutes(5));

    static final CairnId NODE = TrustCsrVectors.NODE;

    private final ObjectNode node;
    private final ArrayNode chain;
    private final RelyingParty rp;

    PeerVector(ObjectNode node, RelyingParty rp) {
        this.node = node;
        this.rp = rp;
        node.put("type", TrustPeerVectors.TYPE);
        node.put("role", PeerRole.CLIENT.name());
        node.put("tier", FreshnessTier.RISKY.name());
        node.put("trust_bundle", rp.bundle);
        at(NOW, T0);
        node.put(
                "revocation_entries",
                TrustFixture.hex(RevocationEntries.encode(rp.revocations.entries(0, rp.revocations.size()))));
        this.chain = node.putArray("chain");
    }

    /** The chain as presented, leaf first: certificates or DER bytes. */
    PeerVector chain(Object... certificates) {
        for (Object c : certificates) {
            chain.add(c instanceof X509Certificate x ? TrustFixture.hex(x) : TrustFixture.hex((byte[]) c));
        }
        return this;
    }

    PeerVector role(PeerRole role) {
        node.put("role", role.name());
        return this;
    }

    PeerVector tier(FreshnessTier tier) {
        node.put("tier", tier.name());
        return this;
    }

    /** Checked at an instant, under a head signed a minute before it. */
    PeerVector at(Instant now) {
        return at(now, now.minus(Duration.ofMinutes(1)));
    }

    PeerVector at(Instant now, Instant headIssuedAt) {
        node.put("now", now.toString());
        node.put("revocation_head", TrustFixture.hex(rp.head(headIssuedAt)));
        return this;
    }

    /** What an accepted vector must yield. */
    void identifies(X509Certificate leaf, CairnId id) {
        node.put("identity", id.uri());
        node.put("serial", leaf.getSerialNumber().toString(16));
        node.put("not_after", leaf.getNotAfter().toInstant().toString());
    }

    /**
     * One hierarchy as a relying party sees it: a bundle of its intermediate and root, and a
     * revocation chain that revokes node n-1's superseded certificate and node n-2's.
     */
    static final class RelyingParty {
        final TrustFixture.Hierarchy ca;
        final String bundle;
        final RevocationChain revocations = RevocationChain.create(TrustFixture.clock(T0), RevocationJournal.NONE);
        /** Node n-1's leaf (key label 12), issued at T0. */
        final X509Certificate node;
        /** Node n-2's leaf (key label 17), issued at T0 and revoked. */
        final X509Certificate revoked;

        RelyingParty(TrustFixture.Hierarchy ca) {
            this.ca = ca;
            TrustBundle trustBundle = new TrustBundle(
                    DOMAIN,
                    1,
                    Duration.ofMinutes(5),
                    List.of(
                            new CaEntry(ca.intermediate(), CaStatus.CURRENT),
                            new CaEntry(ca.root(), CaStatus.CURRENT)));
            this.bundle = new String(TrustBundleJwks.render(trustBundle), StandardCharsets.US_ASCII);
            SigningKey nodeKey = VectorKeys.key(ca.type(), 12);
            X509Certificate renewed =
                    ca.issue("node n-1 renewed", nodeKey, NODE, Profile.NODE_CLIENT, T0.minus(Duration.ofDays(1)));
            this.node = ca.issue("node n-1", nodeKey, NODE, Profile.NODE_CLIENT, T0);
            CairnId n2 = CairnId.node(DOMAIN, "c1", "n-2");
            this.revoked = ca.issue("node n-2", VectorKeys.key(ca.type(), 17), n2, Profile.NODE_CLIENT, T0);
            revocations.revoke(renewed.getSerialNumber(), RevocationReason.SUPERSEDED);
            revocations.revoke(revoked.getSerialNumber(), RevocationReason.KEY_COMPROMISE);
        }

        /** The head signed at an instant: the issuer publishes one a minute, numbered from CA creation. */
        byte[] head(Instant issuedAt) {
            long sequence = Duration.between(TrustFixture.CA_CREATED, issuedAt).toMinutes();
            RevocationHead head = RevocationHead.of(
                    DOMAIN, sequence, revocations.position(), issuedAt, issuedAt.plus(Duration.ofHours(1)));
            return new RevocationHeadSigner(ca.key()).sign(head);
        }

        /** A hand-built leaf for key label 14, valid like the CA's leaves issued at T0. */
        HandBuiltLeaf handBuilt() {
            return new HandBuiltLeaf(
                    ca.intermediate(), T0.minus(Duration.ofMinutes(1)), T0.plus(Profile.NODE_CLIENT.defaultTtl()));
        }

        /** Signs a hand-built leaf with the intermediate's key. */
        byte[] sign(HandBuiltLeaf leaf, String label) {
            return leaf.sign(ca.name() + " hand-built " + label, ca.key(), VectorKeys.key(ca.type(), 14));
        }
    }
}
