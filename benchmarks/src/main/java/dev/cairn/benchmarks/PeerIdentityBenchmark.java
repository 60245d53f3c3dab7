package dev.cairn.benchmarks;

import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.keys.VerificationKey;
import dev.cairn.trust.bundle.CaEntry;
import dev.cairn.trust.bundle.CaStatus;
import dev.cairn.trust.bundle.TrustBundle;
import dev.cairn.trust.ca.CertificateAuthority;
import dev.cairn.trust.ca.Profile;
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
import dev.cairn.trust.tls.PeerIdentity;
import dev.cairn.trust.tls.PeerRole;
import dev.cairn.trust.tls.PeerVerifier;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorResult;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Peer identity extraction with the revocation check, per call (issue 5), beside bare chain
 * validation of the same leaf in the same run: the JDK's PKIX {@code CertPathValidator} (what a
 * server would do without Cairn) and the raw Bouncy Castle check of the leaf's signature (the floor
 * of any validation). The relying party holds a head over 10,000 revoked serials.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PeerIdentityBenchmark {
    private static final TrustDomain DOMAIN = new TrustDomain("bench.example");
    private static final CairnId NODE = CairnId.node(DOMAIN, "c1", "n-1");

    /** The CA's (and the node's) key type. */
    @Param({"ED25519", "P256"})
    public String keyType;

    private TrustBundle bundle;
    private RevocationState revocation;
    private PeerVerifier verifier;
    private List<X509Certificate> chain;
    private byte[] leafDer;
    private PKIXParameters pkix;
    private VerificationKey issuerKey;
    private byte[] leafTbs;
    private byte[] leafRawSignature;

    /**
     * Builds the hierarchy, a node certificate, the bundle and a revocation state over 10,000
     * revoked serials.
     *
     * @throws Exception never, when the JDK's PKIX and Bouncy Castle are present
     */
    @Setup(Level.Trial)
    public void setup() throws Exception {
        InsecureSecretKeyAccess access = InsecureSecretKeyAccess.get();
        SecureRandom random = new SecureRandom();
        Clock clock = Clock.systemUTC();
        KeyType type = KeyType.valueOf(keyType);
        SigningKey intermediateKey = SigningKey.generate(type, random);
        CertificateAuthority ca = CertificateAuthority.initialize(
                DOMAIN,
                SigningKey.generate(type, random),
                intermediateKey,
                Duration.ofDays(365),
                new IssuanceBenchmark.MemoryLedger(),
                random,
                clock,
                access);
        SigningKey nodeKey = SigningKey.generate(type, random);
        X509Certificate leaf = ca.issue(
                        CsrVerifier.verify(CsrBuilder.build(nodeKey, Optional.of(NODE))
                                .der()
                                .toByteArray()),
                        NODE,
                        Profile.NODE_CLIENT,
                        Optional.empty())
                .certificate();
        X509Certificate intermediate = ca.chain().get(0);
        chain = List.of(leaf, intermediate);
        bundle = new TrustBundle(
                DOMAIN,
                1,
                Duration.ofMinutes(5),
                List.of(
                        new CaEntry(intermediate, CaStatus.CURRENT),
                        new CaEntry(ca.chain().get(1), CaStatus.CURRENT)));
        RevocationChain revocations = RevocationChain.create(clock, RevocationJournal.NONE);
        for (int i = 0; i < 10_000; i++) {
            revocations.revoke(new BigInteger(127, random).add(BigInteger.ONE), RevocationReason.SUPERSEDED);
        }
        Instant now = Instant.ofEpochMilli(clock.millis());
        RevocationHead head = RevocationHead.of(DOMAIN, 1, revocations.position(), now, now.plus(Duration.ofHours(1)));
        revocation = RevocationState.builder(DOMAIN, bundle.keys()).clock(clock).build();
        revocation.updateFromStart(
                new RevocationHeadSigner(intermediateKey).sign(head), revocations.entries(0, revocations.size()));
        verifier = newVerifier();
        verifier.verify(chain);

        leafDer = leaf.getEncoded();
        pkix = new PKIXParameters(Set.of(new TrustAnchor(intermediate, null)));
        pkix.setRevocationEnabled(false);
        issuerKey = intermediateKey.verificationKey();
        leafTbs = leaf.getTBSCertificate();
        byte[] signature = leaf.getSignature();
        leafRawSignature = type == KeyType.ED25519 ? signature : rawEcdsa(signature);
        issuerKey.verify(leafTbs, leafRawSignature);
    }

    private PeerVerifier newVerifier() {
        return PeerVerifier.builder()
                .trustBundle(bundle)
                .revocation(revocation)
                .tier(FreshnessTier.RISKY)
                .role(PeerRole.CLIENT)
                .build();
    }

    /**
     * Cairn, per request on an established connection: the leaf's signature and name checks are
     * remembered for the bundle, validity and revocation are checked.
     *
     * @return the identity
     */
    @Benchmark
    public PeerIdentity peerIdentityPerCall() {
        return verifier.verify(chain);
    }

    /**
     * Cairn, first sight of a leaf (a new handshake): issuer lookup in the bundle, signature check,
     * end-entity constraints, the URI SAN, validity and revocation.
     *
     * @return the identity
     */
    @Benchmark
    public PeerIdentity peerIdentityFirstSight() {
        return newVerifier().verify(chain);
    }

    /**
     * Baseline: the JDK's PKIX validation of the same leaf, parsed from its DER as a server receives
     * it (the JDK caches a certificate object's last signature check, so reusing one object would
     * measure the cache), to the same intermediate, revocation checking off, no identity extracted.
     *
     * @return the validation result
     * @throws GeneralSecurityException never for this valid path
     */
    @Benchmark
    public CertPathValidatorResult jdkPkixValidation() throws GeneralSecurityException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        X509Certificate fresh = (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(leafDer));
        return CertPathValidator.getInstance("PKIX").validate(factory.generateCertPath(List.of(fresh)), pkix);
    }

    /**
     * Baseline, the floor of any chain validation: the raw Bouncy Castle check (through sdk-core) of
     * the leaf's signature over its TBS bytes, both precomputed.
     *
     * @return the key, after a successful check
     */
    @Benchmark
    public VerificationKey rawLeafSignatureCheck() {
        issuerKey.verify(leafTbs, leafRawSignature);
        return issuerKey;
    }

    private static byte[] rawEcdsa(byte[] der) {
        org.bouncycastle.asn1.ASN1Sequence rs = org.bouncycastle.asn1.ASN1Sequence.getInstance(der);
        byte[] raw = new byte[64];
        for (int i = 0; i < 2; i++) {
            byte[] part = org.bouncycastle.util.BigIntegers.asUnsignedByteArray(
                    32,
                    org.bouncycastle.asn1.ASN1Integer.getInstance(rs.getObjectAt(i))
                            .getValue());
            System.arraycopy(part, 0, raw, 32 * i, 32);
        }
        return raw;
    }
}
