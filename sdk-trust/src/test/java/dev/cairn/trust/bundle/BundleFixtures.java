package dev.cairn.trust.bundle;

import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.ca.CertificateAuthority;
import dev.cairn.trust.ca.Profile;
import dev.cairn.trust.ca.SerialLedger;
import dev.cairn.trust.csr.CsrBuilder;
import dev.cairn.trust.csr.CsrVerifier;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.identity.TrustDomain;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Roots, intermediates and bundles for the bundle and rotation tests. */
public final class BundleFixtures {
    public static final TrustDomain TD = new TrustDomain("demo.example");
    public static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");
    public static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    public static final Duration REFRESH = Duration.ofMinutes(5);
    public static final InsecureSecretKeyAccess ACCESS = InsecureSecretKeyAccess.get();
    private static final SecureRandom RANDOM = new SecureRandom();

    private BundleFixtures() {}

    /** A root and an intermediate signed by it, with their keys. */
    public record Hierarchy(SigningKey rootKey, X509Certificate root, SigningKey key, X509Certificate intermediate) {}

    /** A serial ledger in memory. */
    public static final class MemoryLedger implements SerialLedger {
        private final Set<BigInteger> used = new HashSet<>();

        public MemoryLedger() {}

        @Override
        public synchronized boolean record(BigInteger serial) {
            return used.add(serial);
        }

        @Override
        public void close() {}
    }

    public static Hierarchy hierarchy(KeyType type) {
        return hierarchy(type, CLOCK);
    }

    public static Hierarchy hierarchy(KeyType type, Clock clock) {
        SigningKey rootKey = SigningKey.generate(type, RANDOM);
        X509Certificate root = CertificateAuthority.createRoot(TD, rootKey, new MemoryLedger(), RANDOM, clock, ACCESS);
        SigningKey key = SigningKey.generate(type, RANDOM);
        return new Hierarchy(rootKey, root, key, intermediate(rootKey, root, key, clock));
    }

    /** Another intermediate under the same root, as a rotation creates it. */
    public static X509Certificate intermediate(SigningKey rootKey, X509Certificate root, SigningKey key, Clock clock) {
        return CertificateAuthority.createIntermediate(
                TD,
                rootKey,
                root,
                key.verificationKey(),
                Duration.ofDays(365),
                new MemoryLedger(),
                RANDOM,
                clock,
                ACCESS);
    }

    /** The CA issuing with a hierarchy's intermediate. */
    public static CertificateAuthority issuer(Hierarchy h, Clock clock) {
        return issuer(h.key(), h.intermediate(), h.root(), clock);
    }

    public static CertificateAuthority issuer(
            SigningKey key, X509Certificate intermediate, X509Certificate root, Clock clock) {
        return CertificateAuthority.of(TD, key, List.of(intermediate, root), new MemoryLedger(), RANDOM, clock, ACCESS);
    }

    /** A node client leaf for a fresh key, with the profile's default lifetime. */
    public static X509Certificate leaf(CertificateAuthority ca, String node) {
        CairnId id = CairnId.node(TD, "c1", node);
        SigningKey key = SigningKey.generate(KeyType.ED25519, RANDOM);
        return ca.issue(
                        CsrVerifier.verify(
                                CsrBuilder.build(key, Optional.of(id)).der().toByteArray()),
                        id,
                        Profile.NODE_CLIENT,
                        Optional.empty())
                .certificate();
    }

    public static TrustBundle bundle(long sequence, CaEntry... entries) {
        return new TrustBundle(TD, sequence, REFRESH, List.of(entries));
    }

    public static CaEntry current(X509Certificate certificate) {
        return new CaEntry(certificate, CaStatus.CURRENT);
    }

    public static CaEntry next(X509Certificate certificate) {
        return new CaEntry(certificate, CaStatus.NEXT);
    }

    /** A self-signed certificate outside Cairn's profile: any JCA key pair, CA or not, keyUsage or not. */
    public static X509Certificate foreign(KeyPair pair, String signatureAlgorithm, boolean ca, Integer keyUsage)
            throws Exception {
        X500Name name = new X500Name("CN=foreign");
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                name,
                BigInteger.valueOf(RANDOM.nextInt(1 << 30) + 1L),
                Date.from(T0.minusSeconds(60)),
                Date.from(T0.plus(Duration.ofDays(30))),
                name,
                pair.getPublic());
        builder.addExtension(
                Extension.basicConstraints, true, ca ? new BasicConstraints(0) : new BasicConstraints(false));
        if (keyUsage != null) {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
        }
        byte[] der = builder.build(new JcaContentSignerBuilder(signatureAlgorithm).build(pair.getPrivate()))
                .getEncoded();
        return (X509Certificate)
                CertificateFactory.getInstance("X.509").generateCertificate(new java.io.ByteArrayInputStream(der));
    }

    public static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    public static KeyPair p384() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp384r1"));
        return generator.generateKeyPair();
    }

    public static KeyPair ed25519() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }
}
