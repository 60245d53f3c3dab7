package dev.cairn.trust.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.bundle.CaEntry;
import dev.cairn.trust.bundle.CaStatus;
import dev.cairn.trust.bundle.TrustBundle;
import dev.cairn.trust.ca.Profile;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.identity.TrustDomain;
import dev.cairn.trust.revocation.FreshnessTier;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PeerVerifierTest {
    private static final CairnId NODE = CairnId.node(TlsFixture.TD, "c1", "n-1");

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void anIssuedLeafYieldsItsIdentityAndNothingElse(KeyType type) {
        TlsFixture f = new TlsFixture(type);
        TlsFixture.Credential node = f.issue(NODE, Profile.NODE_CLIENT);
        PeerIdentity peer = f.verifier(PeerRole.CLIENT).verify(node.chain());
        assertEquals(NODE, peer.id());
        assertEquals(node.leaf().getSerialNumber(), peer.serial());
        assertEquals(node.leaf().getNotAfter().toInstant(), peer.notAfter());
        // The leaf alone is enough: the issuer comes from the bundle, not from the peer.
        assertEquals(
                NODE, f.verifier(PeerRole.CLIENT).verify(List.of(node.leaf())).id());
    }

    @Test
    void noCertificateIsMissing() {
        TlsFixture f = new TlsFixture(KeyType.ED25519);
        assertEquals(ErrorCode.TLS_PEER_MISSING, fails(f.verifier(PeerRole.CLIENT), List.of()));
        assertEquals(
                ErrorCode.TLS_PEER_MISSING,
                assertThrows(
                                CairnException.class,
                                () -> f.verifier(PeerRole.CLIENT).verify((X509Certificate[]) null))
                        .code());
    }

    @Test
    void aLeafOfAnotherTrustDomainsCaIsNotChained() {
        TlsFixture f = new TlsFixture(KeyType.ED25519);
        TlsFixture other = new TlsFixture(KeyType.ED25519);
        TlsFixture.Credential foreign = other.issue(NODE, Profile.NODE_CLIENT);
        // Even when the peer sends the foreign intermediate along, only the bundle's CAs count.
        assertEquals(ErrorCode.CERT_CHAIN_INVALID, fails(f.verifier(PeerRole.CLIENT), foreign.chain()));
    }

    @Test
    void aTamperedSignatureIsNotChained() throws Exception {
        TlsFixture f = new TlsFixture(KeyType.P256);
        byte[] der = f.issue(NODE, Profile.NODE_CLIENT).leaf().getEncoded();
        der[der.length - 3] ^= 0x01;
        X509Certificate tampered = dev.cairn.trust.internal.Certificates.fromDer(der);
        assertEquals(ErrorCode.CERT_CHAIN_INVALID, fails(f.verifier(PeerRole.CLIENT), List.of(tampered)));
    }

    @Test
    void validityIsCheckedOnEveryCall() {
        TlsFixture f = new TlsFixture(KeyType.ED25519);
        TlsFixture.Credential node = f.issue(NODE, Profile.NODE_CLIENT);
        PeerVerifier verifier = f.verifier(PeerRole.CLIENT);
        verifier.verify(node.chain());
        f.clock.advance(Duration.ofDays(-1));
        assertEquals(ErrorCode.CERT_NOT_YET_VALID, fails(verifier, node.chain()));
        f.clock.advance(Duration.ofDays(2).plusMinutes(1));
        f.publishHead();
        assertEquals(ErrorCode.CERT_EXPIRED, fails(verifier, node.chain()));
    }

    @Test
    void revocationIsCheckedOnEveryCallAndAStaleHeadFailsClosed() {
        TlsFixture f = new TlsFixture(KeyType.ED25519);
        TlsFixture.Credential node = f.issue(NODE, Profile.NODE_CLIENT);
        TlsFixture.Credential other = f.issue(CairnId.node(TlsFixture.TD, "c1", "n-2"), Profile.NODE_CLIENT);
        PeerVerifier verifier = f.verifier(PeerRole.CLIENT);
        verifier.verify(node.chain());
        f.revoke(node.leaf().getSerialNumber());
        assertEquals(ErrorCode.CERT_REVOKED, fails(verifier, node.chain()));
        verifier.verify(other.chain());
        f.clock.advance(Duration.ofHours(2));
        assertEquals(ErrorCode.REVOCATION_HEAD_STALE, fails(verifier, other.chain()));
        f.publishHead();
        assertEquals(NODE.trustDomain(), verifier.verify(other.chain()).id().trustDomain());
    }

    @Test
    void theRoleDecidesTheExtendedKeyUsage() {
        TlsFixture f = new TlsFixture(KeyType.ED25519);
        TlsFixture.Credential server = f.issue(TlsFixture.SERVER, Profile.NODE_SERVER);
        TlsFixture.Credential client = f.issue(NODE, Profile.NODE_CLIENT);
        assertEquals(ErrorCode.CERT_CHAIN_INVALID, fails(f.verifier(PeerRole.CLIENT), server.chain()));
        assertEquals(ErrorCode.CERT_CHAIN_INVALID, fails(f.verifier(PeerRole.SERVER), client.chain()));
        assertEquals(
                TlsFixture.SERVER,
                f.verifier(PeerRole.SERVER).verify(server.chain()).id());
        TlsFixture.Credential service = f.issue(CairnId.service(TlsFixture.TD, "c1", "api"), Profile.SERVICE);
        f.verifier(PeerRole.CLIENT).verify(service.chain());
        f.verifier(PeerRole.SERVER).verify(service.chain());
    }

    @Test
    void aLogSignerIsNoTlsPeerAndNoTlsPeerIsALogSigner() {
        TlsFixture f = new TlsFixture(KeyType.ED25519);
        CairnId log = CairnId.log(TlsFixture.TD, "audit");
        TlsFixture.Credential signer = f.issue(log, Profile.LOG_SIGNER);
        TlsFixture.Credential service = f.issue(CairnId.service(TlsFixture.TD, "c1", "api"), Profile.SERVICE);
        assertEquals(log, f.verifier(PeerRole.LOG_SIGNER).verify(signer.chain()).id());
        assertEquals(ErrorCode.CERT_CHAIN_INVALID, fails(f.verifier(PeerRole.SERVER), signer.chain()));
        assertEquals(ErrorCode.CERT_CHAIN_INVALID, fails(f.verifier(PeerRole.CLIENT), signer.chain()));
        assertEquals(ErrorCode.CERT_CHAIN_INVALID, fails(f.verifier(PeerRole.LOG_SIGNER), service.chain()));
        assertThrows(IllegalArgumentException.class, () -> TlsContexts.client(f.verifier(PeerRole.LOG_SIGNER)));
    }

    @Test
    void verifyAtJudgesValidityAtTheSigningTimeAndRevocationNow() {
        TlsFixture f = new TlsFixture(KeyType.P256);
        TlsFixture.Credential signer = f.issue(CairnId.log(TlsFixture.TD, "audit"), Profile.LOG_SIGNER);
        java.time.Instant issued = f.clock.instant();
        PeerVerifier verifier = f.verifier(PeerRole.LOG_SIGNER);
        f.clock.advance(Duration.ofDays(3));
        f.publishHead();
        assertEquals(ErrorCode.CERT_EXPIRED, fails(verifier, signer.chain()));
        verifier.verifyAt(signer.chain(), issued.plus(Duration.ofHours(1)));
        assertEquals(
                ErrorCode.CERT_NOT_YET_VALID,
                assertThrows(CairnException.class, () -> verifier.verifyAt(signer.chain(), issued.minusSeconds(61)))
                        .code());
        assertEquals(
                ErrorCode.CERT_EXPIRED,
                assertThrows(
                                CairnException.class,
                                () -> verifier.verifyAt(signer.chain(), issued.plus(Duration.ofHours(25))))
                        .code());
        f.revoke(signer.leaf().getSerialNumber());
        assertEquals(
                ErrorCode.CERT_REVOKED,
                assertThrows(
                                CairnException.class,
                                () -> verifier.verifyAt(signer.chain(), issued.plus(Duration.ofHours(1))))
                        .code(),
                "a revocation after the signature still counts: the signing time is the signer's claim");
    }

    @Test
    void aPinnedIdentityAcceptsThatIdentityOnly() {
        TlsFixture f = new TlsFixture(KeyType.ED25519);
        TlsFixture.Credential server = f.issue(TlsFixture.SERVER, Profile.NODE_SERVER);
        TlsFixture.Credential impostor =
                f.issue(CairnId.service(TlsFixture.TD, "control", "other"), Profile.NODE_SERVER);
        PeerVerifier pinned = PeerVerifier.builder()
                .trustBundle(f.bundle)
                .revocation(f.revocationState)
                .tier(FreshnessTier.SAFE)
                .role(PeerRole.SERVER)
                .expectId(TlsFixture.SERVER)
                .clock(f.clock)
                .build();
        assertEquals(TlsFixture.SERVER, pinned.verify(server.chain()).id());
        assertEquals(ErrorCode.TLS_PEER_IDENTITY_INVALID, fails(pinned, impostor.chain()));
    }

    @Test
    void namesOtherThanOneCairnUriAreRefused() throws Exception {
        TlsFixture f = new TlsFixture(KeyType.ED25519);
        PeerVerifier verifier = f.verifier(PeerRole.CLIENT);
        String node = NODE.uri();
        String otherDomain =
                CairnId.node(new TrustDomain("other.example"), "c1", "n-1").uri();
        assertEquals(ErrorCode.TLS_PEER_IDENTITY_INVALID, forged(f, verifier, new ForgedLeaf()));
        assertEquals(
                ErrorCode.TLS_PEER_IDENTITY_INVALID,
                forged(f, verifier, new ForgedLeaf().uri(node).uri(node + "x")));
        assertEquals(
                ErrorCode.TLS_PEER_IDENTITY_INVALID,
                forged(f, verifier, new ForgedLeaf().uri(node).dns("n-1.example")));
        assertEquals(ErrorCode.TLS_PEER_IDENTITY_INVALID, forged(f, verifier, new ForgedLeaf().dns("n-1.example")));
        assertEquals(
                ErrorCode.TLS_PEER_IDENTITY_INVALID,
                forged(f, verifier, new ForgedLeaf().uri("spiffe://tls.example/n-1")));
        assertEquals(
                ErrorCode.TLS_PEER_IDENTITY_INVALID,
                forged(f, verifier, new ForgedLeaf().uri(node.toUpperCase(java.util.Locale.ROOT))));
        assertEquals(ErrorCode.TLS_PEER_IDENTITY_INVALID, forged(f, verifier, new ForgedLeaf().uri(otherDomain)));
        // The same forge with one proper name is accepted: the refusals above are about the names.
        SigningKey key = SigningKey.generate(KeyType.ED25519, f.random);
        X509Certificate fine =
                new ForgedLeaf().uri(node).signedBy(f.ca.chain().get(0), f.intermediateKey, key, f.clock.instant());
        assertEquals(NODE, verifier.verify(List.of(fine)).id());
    }

    @Test
    void constraintsOfAnEndEntityAreEnforced() throws Exception {
        TlsFixture f = new TlsFixture(KeyType.P256);
        PeerVerifier verifier = f.verifier(PeerRole.CLIENT);
        String node = NODE.uri();
        assertEquals(
                ErrorCode.CERT_CHAIN_INVALID,
                forged(f, verifier, new ForgedLeaf().uri(node).ca()));
        assertEquals(
                ErrorCode.CERT_CHAIN_INVALID,
                forged(f, verifier, new ForgedLeaf().uri(node).keyUsage(KeyUsage.keyEncipherment)));
        assertEquals(
                ErrorCode.CERT_CHAIN_INVALID,
                forged(f, verifier, new ForgedLeaf().uri(node).purpose(KeyPurposeId.id_kp_codeSigning)));
        Extension unknownCritical = new Extension(
                new ASN1ObjectIdentifier("1.3.6.1.4.1.55555.1"), true, new DEROctetString(new byte[] {5, 0}));
        assertEquals(
                ErrorCode.CERT_CHAIN_INVALID,
                forged(f, verifier, new ForgedLeaf().uri(node).criticalExtension(unknownCritical)));
    }

    @Test
    void aNewBundleWithoutTheIssuingCaStopsItsLeavesAtOnce() {
        TlsFixture f = new TlsFixture(KeyType.ED25519);
        TlsFixture.Credential node = f.issue(NODE, Profile.NODE_CLIENT);
        TlsFixture other = new TlsFixture(KeyType.ED25519);
        AtomicReference<TrustBundle> current = new AtomicReference<>(f.bundle);
        PeerVerifier verifier = PeerVerifier.builder()
                .trustBundle(current::get)
                .revocation(f.revocationState)
                .tier(FreshnessTier.RISKY)
                .role(PeerRole.CLIENT)
                .clock(f.clock)
                .build();
        verifier.verify(node.chain());
        current.set(new TrustBundle(
                TlsFixture.TD,
                2,
                Duration.ofMinutes(5),
                List.of(new CaEntry(other.ca.chain().get(0), CaStatus.CURRENT))));
        assertEquals(ErrorCode.CERT_CHAIN_INVALID, fails(verifier, node.chain()));
    }

    @Test
    void anyChangedByteOfALeafNeverPassesAsAnotherIdentity() throws Exception {
        TlsFixture f = new TlsFixture(KeyType.ED25519);
        PeerVerifier verifier = f.verifier(PeerRole.CLIENT);
        byte[] der = f.issue(NODE, Profile.NODE_CLIENT).leaf().getEncoded();
        qt().withExamples(300).forAll(integers().between(0, der.length * 8 - 1)).checkAssert(bit -> {
            byte[] mutated = der.clone();
            mutated[bit / 8] ^= (byte) (1 << (bit % 8));
            List<X509Certificate> chain = new ArrayList<>();
            try {
                chain.add(dev.cairn.trust.internal.Certificates.fromDer(mutated));
            } catch (CairnException e) {
                return; // not a certificate any more: a typed error is all there is
            }
            // A flipped bit the signature does not cover (the outer signature algorithm's
            // encoding, say) may still be accepted, but only ever as the issued identity.
            try {
                assertEquals(NODE, verifier.verify(chain).id());
            } catch (CairnException e) {
                // typed refusal
            }
        });
    }

    private static ErrorCode forged(TlsFixture f, PeerVerifier verifier, ForgedLeaf forge) throws Exception {
        SigningKey key = SigningKey.generate(f.type, f.random);
        X509Certificate leaf = forge.signedBy(f.ca.chain().get(0), f.intermediateKey, key, f.clock.instant());
        return fails(verifier, List.of(leaf));
    }

    private static ErrorCode fails(PeerVerifier verifier, List<X509Certificate> chain) {
        return assertThrows(CairnException.class, () -> verifier.verify(chain)).code();
    }
}
