package dev.cairn.verifier;

import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.bundle.CaEntry;
import dev.cairn.trust.bundle.CaStatus;
import dev.cairn.trust.bundle.TrustBundle;
import dev.cairn.trust.bundle.TrustBundleJwks;
import dev.cairn.trust.bundle.TrustBundleSigner;
import dev.cairn.trust.ca.CertificateAuthority;
import dev.cairn.trust.ca.IssuedCertificate;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A trust domain made with sdk-trust: a CA (root and intermediate), its trust bundle, leaf
 * certificates from real CSRs, and a revocation chain with signed heads.
 */
public final class PkiFixture {
    public static final TrustDomain TD = new TrustDomain("cli.example");
    public static final CairnId LOG_SIGNER = CairnId.service(TD, "control", "audit-log");
    private static final InsecureSecretKeyAccess ACCESS = InsecureSecretKeyAccess.get();
    private static final SecureRandom RANDOM = new SecureRandom();

    public final Clock clock;
    public final SigningKey intermediateKey = SigningKey.generate(KeyType.ED25519, RANDOM);
    public final CertificateAuthority ca;
    public final TrustBundle bundle;
    private final List<RevocationEntry> entries = new ArrayList<>();
    private long headSequence;

    public PkiFixture(Clock clock) {
        this.clock = clock;
        this.ca = CertificateAuthority.initialize(
                TD,
                SigningKey.generate(KeyType.ED25519, RANDOM),
                intermediateKey,
                Duration.ofDays(365),
                new MemoryLedger(),
                RANDOM,
                clock,
                ACCESS);
        this.bundle = bundle(1);
    }

    /** The bundle of this CA with a sequence. */
    public TrustBundle bundle(long sequence) {
        return new TrustBundle(
                TD,
                sequence,
                Duration.ofMinutes(5),
                List.of(
                        new CaEntry(ca.chain().get(0), CaStatus.CURRENT),
                        new CaEntry(ca.chain().get(1), CaStatus.CURRENT)));
    }

    public byte[] jwks() {
        return TrustBundleJwks.render(bundle);
    }

    /** The bundle of a sequence, signed by the intermediate. */
    public byte[] signedBundle(long sequence) {
        return TrustBundleSigner.sign(bundle(sequence), intermediateKey);
    }

    /** A leaf for a key, from a real CSR. */
    public IssuedCertificate issue(SigningKey subject, CairnId id, Profile profile) {
        return ca.issue(
                CsrVerifier.verify(
                        CsrBuilder.build(subject, Optional.of(id)).der().toByteArray()),
                id,
                profile,
                Optional.empty());
    }

    /** Revokes a serial: one more entry of the chain. */
    public void revoke(BigInteger serial) {
        entries.add(new RevocationEntry(entries.size(), serial, RevocationReason.KEY_COMPROMISE, clock.instant()));
    }

    /** A head over the whole chain, issued now, valid one hour. */
    public byte[] head() {
        Instant now = clock.instant();
        RevocationHead head = RevocationHead.of(
                TD, ++headSequence, ChainPosition.GENESIS.extend(entries), now, now.plus(Duration.ofHours(1)));
        return new RevocationHeadSigner(intermediateKey).sign(head);
    }

    /** The whole chain as one CBOR array. */
    public byte[] entries() {
        return RevocationEntries.encode(entries);
    }

    public List<RevocationEntry> entryList() {
        return List.copyOf(entries);
    }

    /** Serials in memory. */
    static final class MemoryLedger implements SerialLedger {
        private final Set<BigInteger> used = new HashSet<>();

        @Override
        public synchronized boolean record(BigInteger serial) {
            return used.add(serial);
        }

        @Override
        public void close() {}
    }
}
