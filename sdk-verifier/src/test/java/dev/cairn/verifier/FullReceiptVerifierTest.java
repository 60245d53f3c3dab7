package dev.cairn.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.receipt.SignedCheckpoint;
import dev.cairn.trust.ca.IssuedCertificate;
import dev.cairn.trust.ca.Profile;
import dev.cairn.trust.revocation.FreshnessTier;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FullReceiptVerifierTest {
    @TempDir
    Path dir;

    private LogFixture log;
    private PkiFixture pki;
    private byte[] receipt;

    @BeforeEach
    void log() {
        log = new LogFixture(dir);
        log.issue(4);
        SignedCheckpoint checkpoint = log.checkpoint();
        receipt = log.receipt(1, checkpoint);
        pki = new PkiFixture(log.clock);
    }

    @AfterEach
    void close() {
        log.close();
    }

    private TrustAnchors.Builder anchors() {
        return TrustAnchors.builder().clock(Clock.fixed(log.clock.instant(), ZoneOffset.UTC));
    }

    private static List<X509Certificate> chain(IssuedCertificate issued) {
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(issued.certificate());
        chain.addAll(issued.chain());
        return chain;
    }

    private static CairnException code(ErrorCode want, org.junit.jupiter.api.function.Executable run) {
        CairnException e = assertThrows(CairnException.class, run);
        assertEquals(want, e.code(), e::getMessage);
        return e;
    }

    @Test
    void aReceiptVerifiesUnderTheLogKeys() {
        TrustAnchors anchors = anchors().logKey(log.key.verificationKey()).build();
        AuditedReceipt audited = FullReceiptVerifier.builder(anchors)
                .expectLogId(LogFixture.LOG)
                .expectEpoch(LogFixture.EPOCH)
                .build()
                .verify(receipt);
        assertEquals(1, audited.receipt().marker().seq());
        assertTrue(audited.signer().isEmpty());
    }

    @Test
    void aSignerChainAddsTheSignersIdentityAndItsRevocationStatus() {
        IssuedCertificate signer = pki.issue(log.key, PkiFixture.LOG_SIGNER, Profile.SERVICE);
        TrustAnchors anchors = anchors()
                .trustBundle(pki.bundle)
                .revocation(pki.head(), List.of())
                .build();
        FullReceiptVerifier verifier = FullReceiptVerifier.builder(anchors)
                .expectLogId(LogFixture.LOG)
                .ignoreEpoch()
                .tier(FreshnessTier.RISKY)
                .build();
        AuditedReceipt audited = verifier.verify(receipt, chain(signer));
        assertEquals(PkiFixture.LOG_SIGNER, audited.signer().orElseThrow().id());
        assertThrows(IllegalStateException.class, () -> verifier.verify(receipt));
        code(ErrorCode.TLS_PEER_MISSING, () -> verifier.verify(receipt, List.of()));
    }

    @Test
    void theLeafMustCarryTheKeyThatSigned() {
        SigningKey other = SigningKey.generate(KeyType.P256, new SecureRandom());
        IssuedCertificate signer = pki.issue(other, PkiFixture.LOG_SIGNER, Profile.SERVICE);
        TrustAnchors anchors = anchors()
                .logKey(log.key.verificationKey())
                .logKey(other.verificationKey())
                .trustBundle(pki.bundle)
                .revocation(pki.head(), List.of())
                .build();
        CairnException e = code(
                ErrorCode.SIGNATURE_KEY_UNTRUSTED,
                () -> FullReceiptVerifier.builder(anchors)
                        .expectLogId(LogFixture.LOG)
                        .ignoreEpoch()
                        .build()
                        .verify(receipt, chain(signer)));
        assertEquals("statement", e.details().get("signature"));
        assertEquals(other.verificationKey().kid().toHex(), e.details().get("expected"));
        assertEquals(log.key.verificationKey().kid().toHex(), e.details().get("found"));
    }

    @Test
    void revocationIsJudgedAtTheTierWithTheAnchorsClock() {
        IssuedCertificate signer = pki.issue(log.key, PkiFixture.LOG_SIGNER, Profile.SERVICE);
        byte[] head = pki.head();
        TrustAnchors later = TrustAnchors.builder()
                .clock(Clock.fixed(log.clock.instant().plus(Duration.ofMinutes(30)), ZoneOffset.UTC))
                .trustBundle(pki.bundle)
                .revocation(head, List.of())
                .build();
        FullReceiptVerifier.Builder builder =
                FullReceiptVerifier.builder(later).expectLogId(LogFixture.LOG).ignoreEpoch();
        builder.tier(FreshnessTier.RISKY).build().verify(receipt, chain(signer));
        code(
                ErrorCode.REVOCATION_HEAD_STALE,
                () -> builder.tier(FreshnessTier.DANGEROUS).build().verify(receipt, chain(signer)));
        pki.revoke(signer.certificate().getSerialNumber());
        TrustAnchors revoked = anchors()
                .trustBundle(pki.bundle)
                .revocation(pki.head(), pki.entryList())
                .build();
        code(
                ErrorCode.CERT_REVOKED,
                () -> FullReceiptVerifier.builder(revoked)
                        .expectLogId(LogFixture.LOG)
                        .ignoreEpoch()
                        .build()
                        .verify(receipt, chain(signer)));
    }

    @Test
    void requiredExpectationsAreEnforcedAtBuild() {
        TrustAnchors anchors = anchors().logKey(log.key.verificationKey()).build();
        assertThrows(
                IllegalStateException.class,
                () -> FullReceiptVerifier.builder(anchors)
                        .expectLogId(LogFixture.LOG)
                        .build());
        assertThrows(
                NullPointerException.class,
                () -> FullReceiptVerifier.builder(anchors).ignoreEpoch().build());
        assertThrows(
                IllegalStateException.class,
                () -> FullReceiptVerifier.builder(anchors().build())
                        .expectLogId(LogFixture.LOG)
                        .ignoreEpoch()
                        .build()
                        .verify(receipt));
    }
}
