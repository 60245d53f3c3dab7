package dev.cairn.trust.tls;

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
import dev.cairn.trust.revocation.RevocationChain;
import dev.cairn.trust.revocation.RevocationHead;
import dev.cairn.trust.revocation.RevocationHeadSigner;
import dev.cairn.trust.revocation.RevocationJournal;
import dev.cairn.trust.revocation.RevocationReason;
import dev.cairn.trust.revocation.RevocationState;
import dev.cairn.trust.support.MutableClock;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A trust domain for TLS tests: a CA, its bundle, a revocation chain whose heads the relying
 * party's state follows, and a clock the test moves.
 */
final class TlsFixture {
    static final TrustDomain TD = new TrustDomain("tls.example");
    static final CairnId SERVER = CairnId.service(TD, "control", "server");
    static final InsecureSecretKeyAccess ACCESS = InsecureSecretKeyAccess.get();

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));
    final SecureRandom random = new SecureRandom();
    final KeyType type;
    final SigningKey intermediateKey;
    final CertificateAuthority ca;
    final TrustBundle bundle;
    final RevocationChain revocations = RevocationChain.create(clock, RevocationJournal.NONE);
    final RevocationState revocationState;
    private final RevocationHeadSigner headSigner;
    private long headSequence;

    /** A key and the chain issued for it, leaf first. */
    record Credential(SigningKey key, List<X509Certificate> chain) {
        X509Certificate leaf() {
            return chain.get(0);
        }
    }

    TlsFixture(KeyType type) {
        this.type = type;
        this.intermediateKey = SigningKey.generate(type, random);
        this.ca = CertificateAuthority.initialize(
                TD,
                SigningKey.generate(type, random),
                intermediateKey,
                Duration.ofDays(365),
                new MemoryLedger(),
                random,
                clock,
                ACCESS);
        this.bundle = new TrustBundle(
                TD,
                1,
                Duration.ofMinutes(5),
                List.of(
                        new CaEntry(ca.chain().get(0), CaStatus.CURRENT),
                        new CaEntry(ca.chain().get(1), CaStatus.CURRENT)));
        this.headSigner = new RevocationHeadSigner(intermediateKey);
        this.revocationState =
                RevocationState.builder(TD, bundle.keys()).clock(clock).build();
        publishHead();
    }

    Credential issue(CairnId id, Profile profile) {
        return issue(SigningKey.generate(type, random), id, profile);
    }

    /** A certificate for a key that already has one (a renewal that keeps the key). */
    Credential issue(SigningKey key, CairnId id, Profile profile) {
        var issued = ca.issue(
                CsrVerifier.verify(CsrBuilder.build(key, Optional.of(id)).der().toByteArray()),
                id,
                profile,
                Optional.empty());
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(issued.certificate());
        chain.add(ca.chain().get(0));
        return new Credential(key, chain);
    }

    /** Revokes a serial and hands the relying party the new head with the new entry. */
    void revoke(BigInteger serial) {
        revocations.revoke(serial, RevocationReason.KEY_COMPROMISE);
        publishHead();
    }

    /** Signs a head for the chain as it is now and gives it, with the whole chain, to the state. */
    void publishHead() {
        Instant now = clock.instant();
        RevocationHead head =
                RevocationHead.of(TD, ++headSequence, revocations.position(), now, now.plus(Duration.ofHours(1)));
        revocationState.updateFromStart(headSigner.sign(head), revocations.entries(0, revocations.size()));
    }

    PeerVerifier verifier(PeerRole role) {
        return PeerVerifier.builder()
                .trustBundle(bundle)
                .revocation(revocationState)
                .tier(dev.cairn.trust.revocation.FreshnessTier.RISKY)
                .role(role)
                .clock(clock)
                .build();
    }

    /** Used serials in memory. */
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
