package dev.cairn.benchmarks;

import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.ca.CertificateAuthority;
import dev.cairn.trust.ca.IssuedCertificate;
import dev.cairn.trust.ca.Profile;
import dev.cairn.trust.ca.SerialLedger;
import dev.cairn.trust.csr.CsrBuilder;
import dev.cairn.trust.csr.CsrVerifier;
import dev.cairn.trust.csr.VerifiedCsr;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.identity.TrustDomain;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
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
 * The issuance pipeline in memory (issue 5): parse and verify a PKCS#10 CSR, build the leaf, sign it
 * with the CA key and re-parse it as a JDK certificate, beside the raw signature of the CA key over
 * a message of a certificate's size in the same run. The serial ledger is a set in memory here, so the
 * figure is the CPU cost; the file ledger adds one fsync per certificate.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class IssuanceBenchmark {
    private static final TrustDomain DOMAIN = new TrustDomain("bench.example");
    private static final CairnId NODE = CairnId.node(DOMAIN, "c1", "n-1");

    /** The CA's key type. */
    @Param({"ED25519", "P256"})
    public String caKey;

    /** The node's key type: the CSR's proof-of-possession signature is checked with it. */
    @Param({"P256", "ED25519"})
    public String nodeKey;

    private CertificateAuthority ca;
    private SigningKey caSigningKey;
    private byte[] csr;
    private VerifiedCsr verifiedCsr;
    private byte[] tbsSized;

    /** A set of used serials; the benchmark measures CPU, not the ledger's fsync. */
    static final class MemoryLedger implements SerialLedger {
        private final Set<BigInteger> used = new HashSet<>();

        @Override
        public boolean record(BigInteger serial) {
            return used.add(serial);
        }

        @Override
        public void close() {}
    }

    /**
     * Builds the hierarchy and one CSR from a node key.
     *
     * @throws CertificateEncodingException never: the issued certificate encodes
     */
    @Setup(Level.Trial)
    public void setup() throws CertificateEncodingException {
        InsecureSecretKeyAccess access = InsecureSecretKeyAccess.get();
        SecureRandom random = new SecureRandom();
        Clock clock = Clock.systemUTC();
        KeyType type = KeyType.valueOf(caKey);
        caSigningKey = SigningKey.generate(type, random);
        ca = CertificateAuthority.initialize(
                DOMAIN,
                SigningKey.generate(type, random),
                caSigningKey,
                Duration.ofDays(365),
                new MemoryLedger(),
                random,
                clock,
                access);
        csr = CsrBuilder.build(SigningKey.generate(KeyType.valueOf(nodeKey), random), Optional.of(NODE))
                .der()
                .toByteArray();
        verifiedCsr = CsrVerifier.verify(csr);
        int tbs = ca.issue(verifiedCsr, NODE, Profile.NODE_CLIENT, Optional.empty())
                .certificate()
                .getTBSCertificate()
                .length;
        tbsSized = new byte[tbs];
        random.nextBytes(tbsSized);
    }

    /**
     * Cairn: CSR parse and verify, build, sign, re-parse.
     *
     * @return the certificate
     */
    @Benchmark
    public IssuedCertificate issue() {
        return ca.issue(CsrVerifier.verify(csr), NODE, Profile.NODE_CLIENT, Optional.empty());
    }

    /**
     * Part of the pipeline: strict CSR parse and proof-of-possession check of the node key.
     *
     * @return the verified CSR
     */
    @Benchmark
    public VerifiedCsr csrVerifyOnly() {
        return CsrVerifier.verify(csr);
    }

    /**
     * Part of the pipeline: build, sign and re-parse the leaf from an already verified CSR.
     *
     * @return the certificate
     */
    @Benchmark
    public IssuedCertificate issueVerifiedCsr() {
        return ca.issue(verifiedCsr, NODE, Profile.NODE_CLIENT, Optional.empty());
    }

    /**
     * Baseline: the CA key's signature over as many bytes as a certificate's TBS part (Bouncy Castle,
     * through sdk-core).
     *
     * @return the signature
     */
    @Benchmark
    public byte[] rawCaSignature() {
        return caSigningKey.sign(tbsSized);
    }
}
