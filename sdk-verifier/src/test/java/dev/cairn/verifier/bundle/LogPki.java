package dev.cairn.verifier.bundle;

import dev.cairn.audit.AuditBundleExporter;
import dev.cairn.bytes.Bytes;
import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.bundle.CaEntry;
import dev.cairn.trust.bundle.CaStatus;
import dev.cairn.trust.bundle.TrustBundle;
import dev.cairn.trust.ca.CertificateAuthority;
import dev.cairn.trust.ca.Profile;
import dev.cairn.trust.ca.SerialLedger;
import dev.cairn.trust.csr.CsrBuilder;
import dev.cairn.trust.csr.CsrVerifier;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.identity.TrustDomain;
import dev.cairn.trust.revocation.ChainPosition;
import dev.cairn.trust.revocation.RevocationEntries;
import dev.cairn.trust.revocation.RevocationEntry;
import dev.cairn.trust.revocation.RevocationHead;
import dev.cairn.trust.revocation.RevocationHeadSigner;
import dev.cairn.trust.revocation.RevocationReason;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The trust domain of {@link TestLog}'s log, made with sdk-trust: a CA (root and intermediate) that
 * certifies log keys at chosen times, its trust bundle, and a revocation chain with signed heads.
 */
final class LogPki {
    static final TrustDomain TD = new TrustDomain("test.example");
    /** The identity of {@link TestLog#LOG}'s signing key. */
    static final CairnId SIGNER = CairnId.log(TD, "audit");

    private static final InsecureSecretKeyAccess ACCESS = InsecureSecretKeyAccess.get();
    private static final SecureRandom RANDOM = new SecureRandom();

    private volatile Instant now = TestLog.T0.minus(Duration.ofDays(1));
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    final SigningKey intermediateKey = SigningKey.generate(KeyType.ED25519, RANDOM);
    final CertificateAuthority ca;
    final TrustBundle bundle;
    private final List<RevocationEntry> entries = new ArrayList<>();
    private long headSequence;

    LogPki() {
        ca = CertificateAuthority.initialize(
                TD,
                SigningKey.generate(KeyType.P256, RANDOM),
                intermediateKey,
                Duration.ofDays(365),
                new Ledger(),
                RANDOM,
                clock,
                ACCESS);
        bundle = new TrustBundle(
                TD,
                1,
                Duration.ofMinutes(5),
                List.of(
                        new CaEntry(ca.chain().get(0), CaStatus.CURRENT),
                        new CaEntry(ca.chain().get(1), CaStatus.CURRENT)));
    }

    /** A LOG_SIGNER certificate for the log's key, issued 10 minutes before the log starts, for 24 hours. */
    List<X509Certificate> certify(SigningKey key) {
        return certify(key, SIGNER, Profile.LOG_SIGNER, TestLog.T0.minus(Duration.ofMinutes(10)), Duration.ofHours(24));
    }

    /** A certificate issued at a time, the leaf and the intermediate. */
    List<X509Certificate> certify(SigningKey key, CairnId id, Profile profile, Instant at, Duration ttl) {
        now = at;
        X509Certificate leaf = ca.issue(
                        CsrVerifier.verify(
                                CsrBuilder.build(key, Optional.of(id)).der().toByteArray()),
                        id,
                        profile,
                        Optional.of(ttl))
                .certificate();
        return List.of(leaf, ca.chain().get(0));
    }

    /** Revokes a certificate: one more entry of the chain. */
    void revoke(X509Certificate certificate) {
        BigInteger serial = certificate.getSerialNumber();
        entries.add(new RevocationEntry(entries.size(), serial, RevocationReason.KEY_COMPROMISE, TestLog.T0));
    }

    /** A head over the chain as it is, issued at a time, valid an hour, signed by the intermediate. */
    byte[] head(Instant issuedAt) {
        return head(issuedAt, intermediateKey);
    }

    byte[] head(Instant issuedAt, SigningKey by) {
        RevocationHead head = RevocationHead.of(
                TD,
                ++headSequence,
                ChainPosition.GENESIS.extend(entries),
                issuedAt,
                issuedAt.plus(Duration.ofHours(1)));
        return new RevocationHeadSigner(by).sign(head);
    }

    /** A head issued ten minutes before the verifiers' now: fresh for every tier but DANGEROUS. */
    byte[] freshHead() {
        return head(TestLog.NOW.instant().minus(Duration.ofMinutes(10)));
    }

    List<RevocationEntry> entryList() {
        return List.copyOf(entries);
    }

    Bytes entries() {
        return Bytes.copyOf(RevocationEntries.encode(entries));
    }

    /** Carries a chain and a head with the whole chain of entries. */
    AuditBundleExporter.Builder carry(AuditBundleExporter.Builder exporter, List<X509Certificate> chain, byte[] head) {
        return exporter.logKeyCertificateChain(der(chain)).revocation(Bytes.copyOf(head), List.of(entries()));
    }

    static List<Bytes> der(List<X509Certificate> chain) {
        List<Bytes> der = new ArrayList<>();
        for (X509Certificate certificate : chain) {
            try {
                der.add(Bytes.copyOf(certificate.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new AssertionError(e);
            }
        }
        return der;
    }

    /** A verifier anchored on this trust domain's bundle only. */
    AuditBundleVerifier.Builder verifier() {
        return AuditBundleVerifier.builder()
                .trustAnchors(bundle)
                .expectLogId(TestLog.LOG)
                .clock(TestLog.NOW);
    }

    private static final class Ledger implements SerialLedger {
        private final Set<BigInteger> used = new HashSet<>();

        @Override
        public synchronized boolean record(BigInteger serial) {
            return used.add(serial);
        }

        @Override
        public void close() {}
    }
}
