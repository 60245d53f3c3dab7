package dev.cairn.server.http;

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
import dev.cairn.trust.revocation.FreshnessTier;
import dev.cairn.trust.revocation.RevocationChain;
import dev.cairn.trust.revocation.RevocationHead;
import dev.cairn.trust.revocation.RevocationHeadSigner;
import dev.cairn.trust.revocation.RevocationJournal;
import dev.cairn.trust.revocation.RevocationReason;
import dev.cairn.trust.revocation.RevocationState;
import dev.cairn.trust.tls.PeerRole;
import dev.cairn.trust.tls.PeerVerifier;
import dev.cairn.trust.tls.TlsContexts;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * A real trust domain for edge tests: a CA from sdk-trust (root and intermediate), its bundle, a
 * revocation chain whose signed heads the relying party's state follows, and credentials issued
 * from real CSRs.
 */
final class TestPki {
    static final InsecureSecretKeyAccess ACCESS = InsecureSecretKeyAccess.get();
    static final String CLUSTER = "c1";

    final TrustDomain domain;
    final KeyType type;
    final Clock clock = Clock.tickMillis(java.time.ZoneOffset.UTC);
    final SecureRandom random = new SecureRandom();
    final CertificateAuthority ca;
    final TrustBundle bundle;
    final RevocationChain revocations = RevocationChain.create(clock, RevocationJournal.NONE);
    final RevocationState revocation;
    final CairnId serverId;
    final Credential server;
    private final RevocationHeadSigner headSigner;
    private long headSequence;

    /** A key and the chain issued for it, leaf first. */
    record Credential(SigningKey key, List<X509Certificate> chain) {
        X509Certificate leaf() {
            return chain.get(0);
        }
    }

    TestPki(String domainName, KeyType type) {
        this.domain = new TrustDomain(domainName);
        this.type = type;
        SigningKey intermediateKey = SigningKey.generate(type, random);
        this.ca = CertificateAuthority.initialize(
                domain,
                SigningKey.generate(type, random),
                intermediateKey,
                Duration.ofDays(30),
                new MemoryLedger(),
                random,
                clock,
                ACCESS);
        this.bundle = new TrustBundle(
                domain,
                1,
                Duration.ofMinutes(5),
                List.of(
                        new CaEntry(ca.chain().get(0), CaStatus.CURRENT),
                        new CaEntry(ca.chain().get(1), CaStatus.CURRENT)));
        this.headSigner = new RevocationHeadSigner(intermediateKey);
        this.revocation =
                RevocationState.builder(domain, bundle.keys()).clock(clock).build();
        publishHead();
        this.serverId = CairnId.service(domain, "control", "server");
        this.server = issue(serverId, Profile.NODE_SERVER);
    }

    CairnId node(String name) {
        return CairnId.node(domain, CLUSTER, name);
    }

    Credential issue(CairnId id, Profile profile) {
        SigningKey key = SigningKey.generate(type, random);
        var issued = ca.issue(
                CsrVerifier.verify(CsrBuilder.build(key, Optional.of(id)).der().toByteArray()),
                id,
                profile,
                Optional.empty());
        return new Credential(key, List.of(issued.certificate(), ca.chain().get(0)));
    }

    /** Revokes a serial and gives the relying party the new signed head. */
    void revoke(BigInteger serial) {
        revocations.revoke(serial, RevocationReason.KEY_COMPROMISE);
        publishHead();
    }

    private void publishHead() {
        Instant now = clock.instant();
        RevocationHead head =
                RevocationHead.of(domain, ++headSequence, revocations.position(), now, now.plus(Duration.ofHours(1)));
        revocation.updateFromStart(headSigner.sign(head), revocations.entries(0, revocations.size()));
    }

    /** The bundle the server's trust state hands out now; tests may replace it. */
    final java.util.concurrent.atomic.AtomicReference<TrustBundle> current =
            new java.util.concurrent.atomic.AtomicReference<>();

    PeerTrust trust() {
        current.compareAndSet(null, bundle);
        return PeerTrust.of(current::get, revocation);
    }

    /** How clients check this server: its chain to the bundle and its pinned identity. */
    PeerVerifier serverVerifier() {
        return PeerVerifier.builder()
                .trustBundle(bundle)
                .revocation(revocation)
                .tier(FreshnessTier.RISKY)
                .role(PeerRole.SERVER)
                .expectId(serverId)
                .clock(clock)
                .build();
    }

    /** A client context presenting {@code credential}. */
    SSLContext clientContext(Credential credential) {
        return TlsContexts.client(credential.key(), credential.chain(), serverVerifier(), ACCESS);
    }

    /** A client context without a certificate (operators, enrollment). */
    SSLContext anonymousContext() {
        return TlsContexts.client(serverVerifier());
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
