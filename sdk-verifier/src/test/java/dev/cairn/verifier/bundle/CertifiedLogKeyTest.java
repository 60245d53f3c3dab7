package dev.cairn.verifier.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.audit.AuditBundleExporter;
import dev.cairn.audit.AuditBundleFormat;
import dev.cairn.audit.TrustMaterial;
import dev.cairn.bytes.Bytes;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.ErrorFamily;
import dev.cairn.keys.KeySet;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.receipt.SignedCheckpoint;
import dev.cairn.trust.ca.Profile;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.revocation.FreshnessTier;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A log whose signing key the trust domain's CA certified ({@code spec/audit-bundle.md}, "Trust"): the
 * bundle carries the key's chain and the revocation head, and an auditor holding only the trust
 * bundle verifies it; every way the carried material can fail raises its own code.
 */
class CertifiedLogKeyTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;

    private final LogPki pki = new LogPki();
    private TestLog t;
    private SignedCheckpoint covering;

    @BeforeEach
    void log() {
        t = TestLog.open(dir).grow(8);
        covering = t.checkpoint();
    }

    @AfterEach
    void close() {
        t.close();
    }

    private byte[] export(AuditBundleExporter.Builder exporter) {
        return TestLog.export(exporter.build(), 2, 6);
    }

    private byte[] carrying(List<X509Certificate> chain, byte[] head) {
        return export(pki.carry(t.exporter(covering), chain, head));
    }

    private byte[] certified() {
        return carrying(pki.certify(t.key), pki.freshHead());
    }

    private static VerifiedAuditBundle verify(AuditBundleVerifier verifier, byte[] bundle) {
        return verifier.verify(new ByteArrayInputStream(bundle));
    }

    private static CairnException fails(AuditBundleVerifier verifier, byte[] bundle) {
        return assertThrows(CairnException.class, () -> verify(verifier, bundle));
    }

    private ErrorCode code(byte[] bundle) {
        return fails(pki.verifier().build(), bundle).code();
    }

    @Test
    void aCaCertifiedLogKeyVerifiesWithOnlyTheTrustBundle() {
        byte[] bundle = certified();
        VerifiedAuditBundle v = verify(pki.verifier().build(), bundle);
        assertEquals(6, v.count());
        assertEquals(LogPki.SIGNER, v.checkpointSigner().orElseThrow().id());
        assertEquals(3, v.signaturesVerified(), "the checkpoint, the revocation head, the log key's certificate");
        VerifiedAuditBundle all = verify(
                pki.verifier()
                        .statementSignatures(StatementSignaturePolicy.VERIFY_ALL)
                        .build(),
                bundle);
        assertEquals(3 + 6, all.signaturesVerified(), "and each statement, its key's certificate checked once");
        // Without the chain the key is untrusted, as before; a verifier holding the key ignores the material.
        assertEquals(ErrorCode.SIGNATURE_KEY_UNTRUSTED, code(export(t.exporter(covering))));
        VerifiedAuditBundle byKey = verify(t.verifier().build(), bundle);
        assertTrue(byKey.checkpointSigner().isEmpty());
        assertEquals(1, byKey.signaturesVerified());
    }

    @Test
    void aKeyTrustedOutOfBandIsNotCheckedAgainstItsChain() {
        List<X509Certificate> chain = pki.certify(t.key);
        pki.revoke(chain.get(0));
        byte[] bundle = carrying(chain, pki.freshHead());
        assertEquals(ErrorCode.CERT_REVOKED, code(bundle));
        AuditBundleVerifier pinned = pki.verifier()
                .trustedLogKeyIds(List.of(t.key.verificationKey().kid()))
                .build();
        assertTrue(verify(pinned, bundle).checkpointSigner().isEmpty());
    }

    @Test
    void aChainToAnotherCaOrForAnotherPurposeOrLogIsRefused() {
        LogPki other = new LogPki();
        assertEquals(ErrorCode.CERT_CHAIN_INVALID, code(carrying(other.certify(t.key), pki.freshHead())));
        Instant issued = TestLog.T0.minus(Duration.ofMinutes(10));
        List<X509Certificate> service = pki.certify(
                t.key, CairnId.service(LogPki.TD, "control", "audit"), Profile.SERVICE, issued, Duration.ofHours(24));
        assertEquals(ErrorCode.CERT_CHAIN_INVALID, code(carrying(service, pki.freshHead())));
        List<X509Certificate> otherLog =
                pki.certify(t.key, CairnId.log(LogPki.TD, "other"), Profile.LOG_SIGNER, issued, Duration.ofHours(24));
        assertEquals(ErrorCode.TLS_PEER_IDENTITY_INVALID, code(carrying(otherLog, pki.freshHead())));
    }

    @Test
    void validityIsJudgedAtTheCheckpointsTime() {
        Instant before = TestLog.T0.minus(Duration.ofHours(2));
        List<X509Certificate> expired =
                pki.certify(t.key, LogPki.SIGNER, Profile.LOG_SIGNER, before, Duration.ofMinutes(30));
        assertEquals(ErrorCode.CERT_EXPIRED, code(carrying(expired, pki.freshHead())));
        Instant later = TestLog.T0.plus(Duration.ofMinutes(30));
        List<X509Certificate> early =
                pki.certify(t.key, LogPki.SIGNER, Profile.LOG_SIGNER, later, Duration.ofHours(24));
        assertEquals(ErrorCode.CERT_NOT_YET_VALID, code(carrying(early, pki.freshHead())));
        // Valid when the log signed, though not any more by the verifier's clock: still valid.
        AuditBundleVerifier nextWeek = pki.verifier()
                .clock(java.time.Clock.offset(TestLog.NOW, Duration.ofDays(7)))
                .build();
        byte[] head = pki.head(TestLog.NOW.instant().plus(Duration.ofDays(7)).minusSeconds(30));
        assertEquals(
                1 + 1 + 1, verify(nextWeek, carrying(pki.certify(t.key), head)).signaturesVerified());
    }

    @Test
    void olderCheckpointsAndCheckedStatementsAreJudgedAtTheirOwnTime() {
        SignedCheckpoint older = covering;
        t.advance(Duration.ofMinutes(30)).grow(12);
        SignedCheckpoint later = t.checkpoint();
        Instant renewed = TestLog.T0.plus(Duration.ofMinutes(20));
        List<X509Certificate> current =
                pki.certify(t.key, LogPki.SIGNER, Profile.LOG_SIGNER, renewed, Duration.ofHours(24));
        List<X509Certificate> previous = pki.certify(t.key);
        byte[] head = pki.freshHead();
        AuditBundleExporter.Builder onlyCurrent = pki.carry(t.exporter(later), current, head);
        byte[] withOlder =
                TestLog.export(onlyCurrent.olderCheckpoints(List.of(older)).build(), 8, 4);
        assertEquals(ErrorCode.CERT_NOT_YET_VALID, code(withOlder));
        AuditBundleExporter.Builder both = pki.carry(t.exporter(later), current, head)
                .logKeyCertificateChain(LogPki.der(previous))
                .olderCheckpoints(List.of(older));
        VerifiedAuditBundle v = verify(pki.verifier().build(), TestLog.export(both.build(), 8, 4));
        assertEquals(1, v.olderCheckpoints().size());
        assertEquals(1 + 1 + 1 + 2, v.signaturesVerified(), "two checkpoints, a head, two certificates");
        // Statements 0..7 were signed before the current certificate: under VERIFY_ALL each must be covered.
        byte[] early =
                TestLog.export(pki.carry(t.exporter(later), current, head).build(), 0, 12);
        verify(pki.verifier().build(), early);
        CairnException statement = fails(
                pki.verifier()
                        .statementSignatures(StatementSignaturePolicy.VERIFY_ALL)
                        .build(),
                early);
        assertEquals(ErrorCode.CERT_NOT_YET_VALID, statement.code());
        assertEquals("0", statement.details().get("seq"));
    }

    @Test
    void revocationAndFreshnessAreJudgedByTheVerifiersClock() {
        List<X509Certificate> chain = pki.certify(t.key);
        byte[] stale = pki.head(TestLog.NOW.instant().minus(Duration.ofHours(25)));
        assertEquals(ErrorCode.REVOCATION_HEAD_STALE, code(carrying(chain, stale)));
        byte[] noHead = export(t.exporter(covering).logKeyCertificateChain(LogPki.der(chain)));
        assertEquals(ErrorCode.REVOCATION_HEAD_STALE, code(noHead));
        pki.revoke(chain.get(0));
        assertEquals(ErrorCode.CERT_REVOKED, code(carrying(chain, pki.freshHead())));
        byte[] staleRevoking = pki.head(TestLog.NOW.instant().minus(Duration.ofHours(25)));
        assertEquals(
                ErrorCode.CERT_REVOKED,
                code(carrying(chain, staleRevoking)),
                "a revoked serial is refused whatever the head's age");
        // A head older than an hour is stale for RISKY, not for SAFE.
        LogPki clean = new LogPki();
        List<X509Certificate> cleanChain = clean.certify(t.key);
        byte[] twoHours = clean.head(TestLog.NOW.instant().minus(Duration.ofHours(2)));
        byte[] bundle = export(clean.carry(t.exporter(covering), cleanChain, twoHours));
        verify(clean.verifier().build(), bundle);
        assertEquals(
                ErrorCode.REVOCATION_HEAD_STALE,
                fails(clean.verifier().tier(FreshnessTier.RISKY).build(), bundle)
                        .code());
    }

    @Test
    void theAuditorsHeadAndTheBundlesAreOneChainAndTheNewerDecides() {
        List<X509Certificate> chain = pki.certify(t.key);
        byte[] stale = pki.head(TestLog.NOW.instant().minus(Duration.ofHours(25)));
        byte[] bundle = carrying(chain, stale);
        assertEquals(ErrorCode.REVOCATION_HEAD_STALE, code(bundle));
        byte[] fresh = pki.freshHead();
        VerifiedAuditBundle v =
                verify(pki.verifier().revocation(fresh, pki.entryList()).build(), bundle);
        assertEquals(4, v.signaturesVerified(), "the checkpoint, two heads, the certificate");
        // The bundle's fresh head wins over the auditor's stale one.
        verify(pki.verifier().revocation(stale, List.of()).build(), carrying(chain, fresh));
        // A revocation since the export reaches the auditor through a newer head.
        byte[] exported = carrying(chain, fresh);
        pki.revoke(chain.get(0));
        byte[] revoking = pki.freshHead();
        assertEquals(
                ErrorCode.CERT_REVOKED,
                fails(pki.verifier().revocation(revoking, pki.entryList()).build(), exported)
                        .code());
        // A head whose entries do not reproduce it is broken, whichever side it comes from.
        assertEquals(
                ErrorCode.REVOCATION_CHAIN_BROKEN,
                fails(pki.verifier().revocation(revoking, List.of()).build(), exported)
                        .code());
        assertEquals(ErrorCode.REVOCATION_CHAIN_BROKEN, code(carrying(chain, fresh)));
        assertThrows(
                IllegalStateException.class,
                () -> t.verifier().revocation(fresh, List.of()).build(),
                "a revocation head needs trust anchors");
    }

    @Test
    void malformedMaterialIsMalformedInputAndAHeadNeedsACaKey() {
        List<X509Certificate> chain = pki.certify(t.key);
        byte[] head = pki.freshHead();
        byte[] junkChain = export(t.exporter(covering)
                .trustMaterial(List.of(
                        new TrustMaterial(AuditBundleFormat.LOG_KEY_CERTIFICATE_CHAIN, Bytes.copyOf(new byte[] {1}))))
                .revocation(Bytes.copyOf(head), List.of()));
        assertEquals(ErrorFamily.MALFORMED_INPUT, code(junkChain).family());
        byte[] junkCertificate = export(t.exporter(covering)
                .logKeyCertificateChain(List.of(Bytes.copyOf(new byte[] {0x30, 0})))
                .revocation(Bytes.copyOf(head), List.of()));
        assertEquals(ErrorCode.CERT_MALFORMED, code(junkCertificate));
        byte[] junkHead = carrying(chain, new byte[] {(byte) 0xd2, (byte) 0x84});
        assertEquals(ErrorFamily.MALFORMED_INPUT, code(junkHead).family());
        byte[] junkEntries = export(t.exporter(covering)
                .logKeyCertificateChain(LogPki.der(chain))
                .revocation(Bytes.copyOf(head), List.of(Bytes.copyOf(new byte[] {(byte) 0xa0}))));
        assertEquals(ErrorCode.REVOCATION_MALFORMED, code(junkEntries));
        byte[] entriesAlone = export(t.exporter(covering)
                .logKeyCertificateChain(LogPki.der(chain))
                .trustMaterial(List.of(TrustMaterial.revocationEntries(pki.entries()))));
        assertEquals(ErrorCode.AUDIT_BUNDLE_MALFORMED, code(entriesAlone));
        byte[] twoHeads = export(pki.carry(t.exporter(covering), chain, head)
                .trustMaterial(List.of(TrustMaterial.revocationHead(Bytes.copyOf(head)))));
        assertEquals(ErrorCode.AUDIT_BUNDLE_MALFORMED, code(twoHeads));
        SigningKey notCa = SigningKey.generate(KeyType.ED25519, RANDOM);
        byte[] foreignHead = carrying(chain, pki.head(TestLog.NOW.instant(), notCa));
        assertEquals(ErrorCode.SIGNATURE_KEY_UNTRUSTED, code(foreignHead));
    }

    @Test
    void aChainOfAKeyTheHeaderDoesNotListIsMalformed() {
        SigningKey stranger = SigningKey.generate(KeyType.ED25519, RANDOM);
        byte[] bundle = carrying(pki.certify(stranger), pki.freshHead());
        assertEquals(ErrorCode.AUDIT_BUNDLE_MALFORMED, code(bundle));
        // Listed, certified, but not the checkpoint's signer: the checkpoint's key is still untrusted.
        AuditBundleExporter.Builder listed = pki.carry(t.exporter(covering), pki.certify(stranger), pki.freshHead())
                .logKeys(List.of(t.key.verificationKey(), stranger.verificationKey()));
        assertEquals(ErrorCode.SIGNATURE_KEY_UNTRUSTED, code(export(listed)));
        // Material is interpreted only with a trust bundle: with the log's key alone it is ignored.
        verify(t.verifier().build(), bundle);
        verify(
                AuditBundleVerifier.builder()
                        .trustedLogKeys(KeySet.of(t.key.verificationKey()))
                        .expectLogId(TestLog.LOG)
                        .clock(TestLog.NOW)
                        .build(),
                bundle);
    }
}
