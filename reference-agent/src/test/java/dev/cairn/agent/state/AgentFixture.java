package dev.cairn.agent.state;

import dev.cairn.agent.host.HostBinding;
import dev.cairn.agent.host.HostFingerprint;
import dev.cairn.bytes.Bytes;
import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.bytes.SecretBytes;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.bundle.CaEntry;
import dev.cairn.trust.bundle.CaStatus;
import dev.cairn.trust.bundle.TrustBundle;
import dev.cairn.trust.ca.CertificateAuthority;
import dev.cairn.trust.ca.IssuedCertificate;
import dev.cairn.trust.ca.Profile;
import dev.cairn.trust.ca.SerialLedger;
import dev.cairn.trust.csr.CsrBuilder;
import dev.cairn.trust.csr.CsrVerifier;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.identity.TrustDomain;
import dev.cairn.trust.pin.CaFingerprint;
import dev.cairn.trust.renewal.RenewalPolicy;
import dev.cairn.trust.revocation.ChainPosition;
import dev.cairn.trust.revocation.RevocationHead;
import dev.cairn.trust.revocation.RevocationHeadSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * A trust domain and a fake machine for agent state tests: a CA with its bundle and signed revocation
 * heads, a fake {@code /etc} tree, and builders for each phase of the state.
 */
public final class AgentFixture {
    public static final TrustDomain TD = new TrustDomain("agent.example");
    public static final String CLUSTER = "c1";
    public static final InsecureSecretKeyAccess ACCESS = InsecureSecretKeyAccess.get();
    public static final URI SERVER = URI.create("https://control.agent.example:8443");

    public final Clock clock;
    public final SecureRandom random = new SecureRandom();
    public final KeyType type;
    public final SigningKey intermediateKey;
    public final CertificateAuthority ca;
    public final TrustBundle bundle;
    public final CaFingerprint pin;
    public final HostBinding host;
    private long headSequence;

    /** A fixture with Ed25519 keys, its clock fixed at 2026-12-01T12:00:00Z, its machine under {@code hostRoot}. */
    public AgentFixture(Path hostRoot) {
        this(hostRoot, KeyType.ED25519, Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC));
    }

    public AgentFixture(Path hostRoot, KeyType type, Clock clock) {
        this(machine(hostRoot), type, clock);
    }

    private static HostBinding machine(Path hostRoot) {
        writeMachineId(hostRoot, "0123456789abcdef0123456789abcdef");
        return HostBinding.at(hostRoot);
    }

    /** A fixture on a machine whose identifier files exist already. */
    public AgentFixture(HostBinding host, KeyType type, Clock clock) {
        this.type = type;
        this.clock = clock;
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
        this.pin = CaFingerprint.of(root());
        this.host = host;
    }

    public X509Certificate root() {
        return ca.chain().get(1);
    }

    public static void writeMachineId(Path root, String id) {
        try {
            Path file = root.resolve(HostBinding.MACHINE_ID_FILE);
            Files.createDirectories(file.getParent());
            Files.writeString(file, id + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public HostFingerprint hostFingerprint() {
        return host.current();
    }

    public Enrollment enrollment(String joinRequestId) {
        return new Enrollment(SERVER, pin, CLUSTER, joinRequestId, hostFingerprint());
    }

    public static CairnId node(String name) {
        return CairnId.node(TD, CLUSTER, name);
    }

    /** A signed revocation head over the empty chain, newer at each call. */
    public Bytes head() {
        Instant now = Instant.ofEpochMilli(clock.millis());
        RevocationHead head =
                RevocationHead.of(TD, ++headSequence, ChainPosition.GENESIS, now, now.plus(Duration.ofHours(1)));
        return Bytes.copyOf(new RevocationHeadSigner(intermediateKey).sign(head));
    }

    /** Issues a node certificate for a key: the chain, leaf first, then the intermediate. */
    public List<X509Certificate> issue(SigningKey key, CairnId id) {
        IssuedCertificate issued = ca.issue(
                CsrVerifier.verify(CsrBuilder.build(key, Optional.of(id)).der().toByteArray()),
                id,
                Profile.NODE_CLIENT,
                Optional.empty());
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(issued.certificate());
        chain.add(ca.chain().get(0));
        return chain;
    }

    /** A pending state with its CSR and, when the enrollment has a join request id, a poll secret. */
    public PendingState pending(Enrollment enrollment, SigningKey key) {
        return new PendingState(
                enrollment,
                key.verificationKey(),
                Optional.of(CsrBuilder.build(key, Optional.empty())),
                enrollment.joinRequestId().map(id -> pollSecret()),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    public SecretBytes pollSecret() {
        return SecretBytes.random(PendingState.POLL_SECRET_BYTES, random);
    }

    public ActiveState active(Enrollment enrollment, SigningKey key, CairnId id) {
        return active(enrollment, key, id, issue(key, id));
    }

    public ActiveState active(Enrollment enrollment, SigningKey key, CairnId id, List<X509Certificate> chain) {
        return new ActiveState(
                enrollment,
                key.verificationKey(),
                id,
                chain,
                bundle,
                Optional.of(head()),
                RenewalPolicy.renewAt(chain.get(0), new Random(1)));
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
