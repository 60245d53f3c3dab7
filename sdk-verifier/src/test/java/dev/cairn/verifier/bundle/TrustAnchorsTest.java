package dev.cairn.verifier.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.audit.AuditBundleFormat;
import dev.cairn.audit.TrustMaterial;
import dev.cairn.bytes.Bytes;
import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.checkpoint.LogId;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.receipt.SignedCheckpoint;
import dev.cairn.trust.bundle.CaEntry;
import dev.cairn.trust.bundle.CaStatus;
import dev.cairn.trust.bundle.TrustBundle;
import dev.cairn.trust.bundle.TrustBundleSigner;
import dev.cairn.trust.ca.CertificateAuthority;
import dev.cairn.trust.ca.SerialLedger;
import dev.cairn.trust.identity.TrustDomain;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trust anchors: a held trust bundle whose CA keys sign for the trust domain's logs, advanced by signed bundles. */
class TrustAnchorsTest {
    private static final TrustDomain TD = new TrustDomain("test.example");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final InsecureSecretKeyAccess ACCESS = InsecureSecretKeyAccess.get();

    private static final class Ledger implements SerialLedger {
        private final Set<BigInteger> used = new HashSet<>();

        @Override
        public synchronized boolean record(BigInteger serial) {
            return used.add(serial);
        }

        @Override
        public void close() {}
    }

    private final Ledger ledger = new Ledger();
    private final SigningKey rootKey = SigningKey.generate(KeyType.ED25519, RANDOM);
    private final X509Certificate root =
            CertificateAuthority.createRoot(TD, rootKey, ledger, RANDOM, TestLog.NOW, ACCESS);
    private final SigningKey key1 = SigningKey.generate(KeyType.ED25519, RANDOM);
    private final SigningKey key2 = SigningKey.generate(KeyType.P256, RANDOM);
    private final TrustBundle v1 = bundle(1, key1);
    private final TrustBundle v2 = bundle(2, key2);

    private TrustBundle bundle(long sequence, SigningKey caKey) {
        X509Certificate cert = CertificateAuthority.createIntermediate(
                TD, rootKey, root, caKey.verificationKey(), Duration.ofDays(30), ledger, RANDOM, TestLog.NOW, ACCESS);
        return new TrustBundle(TD, sequence, Duration.ofMinutes(5), List.of(new CaEntry(cert, CaStatus.CURRENT)));
    }

    private static AuditBundleVerifier anchored(TrustBundle held) {
        return AuditBundleVerifier.builder()
                .trustAnchors(held)
                .expectLogId(TestLog.LOG)
                .clock(TestLog.NOW)
                .build();
    }

    private static TrustMaterial signed(TrustBundle bundle, SigningKey by) {
        return new TrustMaterial(
                AuditBundleFormat.SIGNED_TRUST_BUNDLE, Bytes.copyOf(TrustBundleSigner.sign(bundle, by)));
    }

    private static ErrorCode code(AuditBundleVerifier verifier, byte[] bundle) {
        return assertThrows(CairnException.class, () -> verifier.verify(new ByteArrayInputStream(bundle)))
                .code();
    }

    @Test
    void aLogSignedByACaKeyOfTheHeldBundleVerifies(@TempDir Path dir) {
        try (TestLog t = TestLog.open(dir, key1).grow(5)) {
            byte[] bundle = t.export(1, 3, t.checkpoint());
            assertEquals(
                    3, anchored(v1).verify(new ByteArrayInputStream(bundle)).count());
            assertEquals(ErrorCode.SIGNATURE_KEY_UNTRUSTED, code(anchored(v2), bundle));
        }
    }

    @Test
    void aSignedBundleInTheTrustMaterialCarriesTheAuditorAcrossARotation(@TempDir Path dir) {
        try (TestLog t = TestLog.open(dir, key2).grow(4)) {
            SignedCheckpoint covering = t.checkpoint();
            byte[] rotated = t.export(0, 4, covering, signed(v2, key1));
            VerifiedAuditBundle v = anchored(v1).verify(new ByteArrayInputStream(rotated));
            assertEquals(2, v.signaturesVerified());
            assertEquals(ErrorCode.SIGNATURE_KEY_UNTRUSTED, code(anchored(v1), t.export(0, 4, covering)));
            assertEquals(
                    ErrorCode.BUNDLE_SIGNER_UNTRUSTED, code(anchored(v1), t.export(0, 4, covering, signed(v2, key2))));
            assertEquals(ErrorCode.BUNDLE_ROLLBACK, code(anchored(v2), t.export(0, 4, covering, signed(v1, key2))));
            TrustMaterial junk = new TrustMaterial(AuditBundleFormat.SIGNED_TRUST_BUNDLE, Bytes.copyOf(new byte[] {1}));
            assertEquals(ErrorCode.BUNDLE_MALFORMED, code(anchored(v1), t.export(0, 4, covering, junk)));
        }
    }

    @Test
    void materialOfOtherTypesIsIgnored(@TempDir Path dir) {
        try (TestLog t = TestLog.open(dir, key1).grow(2)) {
            TrustMaterial note = new TrustMaterial("x509-chain", Bytes.copyOf(new byte[] {9, 9}));
            byte[] bundle = t.export(0, 2, t.checkpoint(), note);
            assertEquals(
                    2, anchored(v1).verify(new ByteArrayInputStream(bundle)).count());
            assertEquals(
                    2,
                    t.verifier()
                            .build()
                            .verify(new ByteArrayInputStream(bundle))
                            .count());
        }
    }

    @Test
    void theCaKeysVouchOnlyForLogsOfTheirTrustDomain() {
        assertThrows(
                IllegalStateException.class,
                () -> AuditBundleVerifier.builder()
                        .trustAnchors(v1)
                        .expectLogId(new LogId("other.example/audit"))
                        .build());
        assertThrows(
                IllegalStateException.class,
                () -> AuditBundleVerifier.builder().expectLogId(TestLog.LOG).build());
    }
}
