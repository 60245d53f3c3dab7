package dev.cairn.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.cbor.Cbor;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.ca.Profile;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrustAnchorsTest {
    private final TestClock clock = new TestClock(LogFixture.T0);
    private final PkiFixture pki = new PkiFixture(clock);

    @Test
    void signedMaterialIsVerifiedWhenTheAnchorsAreBuilt() {
        pki.revoke(BigInteger.TEN);
        TrustAnchors anchors = TrustAnchors.builder()
                .clock(clock)
                .trustBundleJwks(pki.jwks())
                .bundleUpdate(pki.signedBundle(2))
                .bundleUpdate(pki.signedBundle(2))
                .bundleUpdate(pki.signedBundle(5))
                .revocation(pki.head(), pki.entryList())
                .build();
        VerifiedTrustBundle bundle = anchors.trustBundle().orElseThrow();
        assertEquals(5, bundle.bundle().sequence());
        assertEquals(List.of(1L, 2L, 2L, 5L), bundle.sequences());
        assertEquals(1, bundle.initial().sequence());
        VerifiedRevocation revocation = anchors.revocation().orElseThrow();
        assertTrue(revocation.revokedSerials().contains(BigInteger.TEN));
        assertTrue(anchors.logKeys().isEmpty());
        CairnException revoked = assertThrows(
                CairnException.class,
                () -> revocation.checkNotRevoked(BigInteger.TEN, dev.cairn.trust.revocation.FreshnessTier.SAFE));
        assertEquals(ErrorCode.CERT_REVOKED, revoked.code());
    }

    @Test
    void aBundleThatGoesBackIsRefusedWithItsPosition() {
        CairnException e = assertThrows(
                CairnException.class,
                () -> TrustBundles.verifySequence(
                        pki.bundle, List.of(pki.signedBundle(3), pki.signedBundle(4), pki.signedBundle(2))));
        assertEquals(ErrorCode.BUNDLE_ROLLBACK, e.code());
        assertEquals("2", e.details().get("update"));
    }

    @Test
    void aHeadWithoutItsEntriesIsRefused() {
        pki.revoke(BigInteger.TWO);
        CairnException e = assertThrows(
                CairnException.class, () -> RevocationHeads.verify(pki.bundle, pki.head(), List.of(), clock));
        assertEquals(ErrorCode.REVOCATION_CHAIN_BROKEN, e.code());
    }

    @Test
    void signedMaterialNeedsABundle() {
        assertThrows(
                IllegalStateException.class,
                () -> TrustAnchors.builder().bundleUpdate(pki.signedBundle(2)).build());
        assertThrows(
                IllegalStateException.class,
                () -> TrustAnchors.builder().revocation(pki.head(), List.of()).build());
        assertThrows(
                IllegalStateException.class,
                () -> CertificateChains.builder(TrustAnchors.builder().build()).build());
    }

    @Test
    void keysComeFromCoseKeysOrCertificates() {
        SigningKey ed = SigningKey.generate(KeyType.ED25519, new SecureRandom());
        SigningKey ec = SigningKey.generate(KeyType.P256, new SecureRandom());
        for (SigningKey key : List.of(ed, ec)) {
            assertEquals(
                    key.verificationKey(),
                    AnchorKeys.fromCoseKey(Cbor.encode(key.verificationKey().toCoseKey())));
            assertEquals(
                    key.verificationKey(),
                    AnchorKeys.fromCertificate(pki.issue(key, PkiFixture.LOG_SIGNER, Profile.SERVICE)
                            .certificate()));
        }
        CairnException notAMap = assertThrows(CairnException.class, () -> AnchorKeys.fromCoseKey(new byte[] {0x01}));
        assertEquals(ErrorCode.KEY_INVALID, notAMap.code());
        TrustAnchors anchors = TrustAnchors.builder()
                .logCoseKey(Cbor.encode(ed.verificationKey().toCoseKey()))
                .logKey(ec.verificationKey())
                .build();
        assertEquals(2, anchors.logKeys().orElseThrow().keys().size());
    }

    @Test
    void anRsaCertificateKeyIsUnsupported() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        java.security.KeyPair pair = generator.generateKeyPair();
        org.bouncycastle.asn1.x500.X500Name name = new org.bouncycastle.asn1.x500.X500Name("CN=rsa");
        java.time.Instant now = LogFixture.T0;
        java.security.cert.X509Certificate certificate = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter()
                .getCertificate(new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(
                                name,
                                BigInteger.ONE,
                                java.util.Date.from(now),
                                java.util.Date.from(now.plusSeconds(3600)),
                                name,
                                pair.getPublic())
                        .build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withRSA")
                                .build(pair.getPrivate())));
        CairnException e = assertThrows(CairnException.class, () -> AnchorKeys.fromCertificate(certificate));
        assertEquals(ErrorCode.KEY_UNSUPPORTED, e.code());
    }
}
