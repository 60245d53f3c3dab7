package dev.cairn.tools.vectors;

import static dev.cairn.errors.ErrorCode.CERT_CHAIN_INVALID;
import static dev.cairn.errors.ErrorCode.TLS_PEER_IDENTITY_INVALID;
import static dev.cairn.tools.vectors.PeerVector.NODE;
import static dev.cairn.tools.vectors.PeerVector.NOW;
import static dev.cairn.tools.vectors.TrustFixture.T0;

import dev.cairn.errors.ErrorCode;
import dev.cairn.keys.KeyType;
import dev.cairn.trust.ca.Profile;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.internal.Certificates;
import dev.cairn.trust.revocation.FreshnessTier;
import dev.cairn.trust.tls.PeerRole;
import dev.cairn.trust.tls.PeerVerifier;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * What {@link PeerVerifier} decides about the certificate a TLS peer presents ({@code
 * spec/tls-identity.md}, "Peer identity"): each vector holds the chain, the relying party's trust
 * bundle (its canonical JWKS), the signed revocation head and the whole revocation chain it holds,
 * the check time, the role and the tier. Accepted ones name the identity and serial; rejected ones
 * carry one mutation each. {@link HandBuiltLeaf} makes the certificates the CA would not issue, and
 * {@code peer-hand-built-baseline} shows that, unmutated, they pass.
 */
final class TrustPeerVectors {
    static final String TYPE = "peer";

    private static final CairnId SERVICE = CairnId.service(TrustFixture.DOMAIN, "c1", "api");

    private final VectorSet set;
    private final PeerVector.RelyingParty ed = new PeerVector.RelyingParty(TrustFixture.ED25519);
    private final PeerVector.RelyingParty p256 = new PeerVector.RelyingParty(TrustFixture.P256);

    private TrustPeerVectors(VectorSet set) {
        this.set = set;
    }

    static void generate(VectorSet set) {
        TrustPeerVectors g = new TrustPeerVectors(set);
        g.accepted();
        g.validity();
        g.names();
        g.chains();
        g.revocation();
    }

    private void accepted() {
        accept(ed, "peer-node-client-ed25519", "a node client leaf of the Ed25519 CA and its intermediate")
                .chain(ed.node, ed.ca.intermediate())
                .identifies(ed.node, NODE);
        accept(p256, "peer-node-client-p256", "a node client leaf of the P-256 CA and its intermediate")
                .chain(p256.node, p256.ca.intermediate())
                .identifies(p256.node, NODE);
        accept(ed, "peer-node-client-leaf-only", "the leaf alone: the issuer comes from the bundle")
                .chain(ed.node)
                .identifies(ed.node, NODE);
        X509Certificate service =
                ed.ca.issue("service api", VectorKeys.key(KeyType.P256, 13), SERVICE, Profile.SERVICE, T0);
        accept(ed, "peer-service-as-server", "a SERVICE leaf (P-256 key, Ed25519 CA) checked as a server")
                .chain(service)
                .role(PeerRole.SERVER)
                .identifies(service, SERVICE);
        accept(ed, "peer-service-as-client", "the same SERVICE leaf checked as a client")
                .chain(service)
                .identifies(service, SERVICE);
        byte[] baseline = ed.sign(ed.handBuilt().uri(NODE.uri()), "baseline");
        accept(ed, "peer-hand-built-baseline", "the hand-built leaf the rejects mutate, with one proper URI")
                .chain(baseline)
                .identifies(Certificates.fromDer(baseline), NODE);
    }

    private void validity() {
        Instant notAfter = ed.node.getNotAfter().toInstant();
        accept(ed, "peer-at-not-after", "checked exactly at notAfter: the validity is inclusive")
                .chain(ed.node)
                .at(notAfter)
                .identifies(ed.node, NODE);
        reject(ed, "peer-expired", ErrorCode.CERT_EXPIRED, "checked one second after notAfter")
                .chain(ed.node)
                .at(notAfter.plusSeconds(1));
        X509Certificate early = ed.ca.issue(
                "node n-1 early", VectorKeys.key(KeyType.ED25519, 12), NODE, Profile.NODE_CLIENT, NOW.plusSeconds(61));
        reject(ed, "peer-not-yet-valid", ErrorCode.CERT_NOT_YET_VALID, "checked one second before notBefore")
                .chain(early);
    }

    private void names() {
        String node = NODE.uri();
        name("peer-uri-spiffe", "a spiffe:// URI SAN", ed.handBuilt().uri("spiffe://vectors.example/c1/n-1"));
        name("peer-uri-http", "an http URI SAN", ed.handBuilt().uri(node.replace("cairn://", "http://")));
        name("peer-uri-uppercase", "the node URI in upper case", ed.handBuilt().uri(node.toUpperCase(Locale.ROOT)));
        name("peer-two-uris", "two cairn:// URI SANs", ed.handBuilt().uri(node).uri(node.replace("n-1", "n-2")));
        name(
                "peer-dns-name-added",
                "the node URI and a DNS SAN",
                ed.handBuilt().uri(node).dns("n-1.vectors.example"));
        name(
                "peer-other-trust-domain",
                "the node URI of another trust domain",
                ed.handBuilt().uri(node.replace("vectors.example", TrustFixture.OTHER_DOMAIN.name())));
        name(
                "peer-name-in-subject-only",
                "no SAN, the URI in the subject CN",
                ed.handBuilt().subjectCommonName(node));
    }

    private void name(String name, String description, HandBuiltLeaf leaf) {
        reject(ed, name, TLS_PEER_IDENTITY_INVALID, description).chain(ed.sign(leaf, name));
    }

    private void chains() {
        TrustFixture.Hierarchy foreign = TrustFixture.Hierarchy.create(KeyType.ED25519, 15, 16, "foreign");
        X509Certificate foreignLeaf =
                foreign.issue("node n-1", VectorKeys.key(KeyType.ED25519, 12), NODE, Profile.NODE_CLIENT, T0);
        reject(ed, "peer-foreign-ca", CERT_CHAIN_INVALID, "another CA of vectors.example, sent with its intermediate")
                .chain(foreignLeaf, foreign.intermediate());
        byte[] otherKey = ed.handBuilt()
                .uri(NODE.uri())
                .sign("hand-built other key", VectorKeys.key(KeyType.ED25519, 18), VectorKeys.key(KeyType.ED25519, 14));
        reject(
                        ed,
                        "peer-issuer-name-other-key",
                        CERT_CHAIN_INVALID,
                        "names the bundle intermediate as issuer; another key signed it")
                .chain(otherKey);
        reject(ed, "peer-signature-flipped-ed25519", CERT_CHAIN_INVALID, "the last signature byte flipped (Ed25519)")
                .chain(flipLast(TrustFixture.der(ed.node)));
        reject(p256, "peer-signature-flipped-p256", CERT_CHAIN_INVALID, "the last signature byte flipped (ES256)")
                .chain(flipLast(TrustFixture.der(p256.node)));
        reject(ed, "peer-ca-certificate", CERT_CHAIN_INVALID, "the bundle's intermediate presented as a peer")
                .chain(ed.ca.intermediate());
        reject(ed, "peer-client-as-server", CERT_CHAIN_INVALID, "a node client leaf (clientAuth) checked as a server")
                .chain(ed.node)
                .role(PeerRole.SERVER);
        HandBuiltLeaf encipherment = ed.handBuilt().uri(NODE.uri()).keyUsage(KeyUsage.keyEncipherment);
        reject(
                        ed,
                        "peer-key-usage-without-digital-signature",
                        CERT_CHAIN_INVALID,
                        "keyUsage keyEncipherment, no digitalSignature")
                .chain(ed.sign(encipherment, "key usage"));
        Extension unknown = new Extension(
                new ASN1ObjectIdentifier("1.3.6.1.4.1.55555.1"), true, new DEROctetString(new byte[] {5, 0}));
        reject(ed, "peer-unknown-critical-extension", CERT_CHAIN_INVALID, "an unknown extension marked critical")
                .chain(ed.sign(ed.handBuilt().uri(NODE.uri()).extension(unknown), "critical"));
        Instant end = ed.ca.intermediate().getNotAfter().toInstant();
        HandBuiltLeaf outlives =
                ed.handBuilt().uri(NODE.uri()).validity(end.minus(Duration.ofDays(1)), end.plus(Duration.ofDays(1)));
        reject(
                        ed,
                        "peer-issuer-expired",
                        CERT_CHAIN_INVALID,
                        "a leaf still valid, checked 1 s after its intermediate's notAfter")
                .chain(ed.sign(outlives, "outlives issuer"))
                .at(end.plusSeconds(1));
    }

    private void revocation() {
        Instant pastRiskyBound = T0.plus(Duration.ofHours(1)).plusMillis(1);
        reject(ed, "peer-revoked", ErrorCode.CERT_REVOKED, "node n-2's leaf, whose serial the held chain revokes")
                .chain(ed.revoked, ed.ca.intermediate());
        reject(ed, "peer-head-stale", ErrorCode.REVOCATION_HEAD_STALE, "tier RISKY with a head 1 h 1 ms old")
                .chain(ed.node)
                .at(pastRiskyBound, T0);
        accept(ed, "peer-safe-tier-head-past-next-update", "tier SAFE ignores next-update: a head 1 h 1 ms old")
                .chain(ed.node)
                .at(pastRiskyBound, T0)
                .tier(FreshnessTier.SAFE)
                .identifies(ed.node, NODE);
        accept(ed, "peer-dangerous-tier-head-at-bound", "tier DANGEROUS with a head exactly 5 minutes old")
                .chain(ed.node)
                .tier(FreshnessTier.DANGEROUS)
                .identifies(ed.node, NODE);
        reject(
                        ed,
                        "peer-head-stale-dangerous",
                        ErrorCode.REVOCATION_HEAD_STALE,
                        "tier DANGEROUS, a head 5 min 1 ms old")
                .chain(ed.node)
                .at(NOW.plusMillis(1), T0)
                .tier(FreshnessTier.DANGEROUS);
        reject(ed, "peer-missing", ErrorCode.TLS_PEER_MISSING, "no certificate at all");
    }

    private PeerVector accept(PeerVector.RelyingParty rp, String name, String description) {
        return new PeerVector(set.accept(TrustVectors.KIND, name, "peer: " + description), rp);
    }

    private PeerVector reject(PeerVector.RelyingParty rp, String name, ErrorCode error, String description) {
        return new PeerVector(set.reject(TrustVectors.KIND, name, "peer: " + description, error), rp);
    }

    private static byte[] flipLast(byte[] der) {
        byte[] flipped = der.clone();
        flipped[flipped.length - 1] ^= 0x01;
        return flipped;
    }
}
