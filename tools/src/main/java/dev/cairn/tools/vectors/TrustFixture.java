package dev.cairn.tools.vectors;

import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.ca.CertificateAuthority;
import dev.cairn.trust.ca.Profile;
import dev.cairn.trust.ca.SerialLedger;
import dev.cairn.trust.csr.CsrVerifier;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.identity.TrustDomain;
import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The fixed PKI the trust vectors share: one CA hierarchy per key type in the trust domain {@code
 * vectors.example}, created at {@link #CA_CREATED}, whose certificates' serials come from {@link
 * VectorRandom} labels and whose keys come from {@link VectorKeys} labels 10 (root) and 11
 * (intermediate). Leaves are issued through the real {@link CertificateAuthority} at a fixed time.
 */
final class TrustFixture {
    static final TrustDomain DOMAIN = TrustCsrVectors.DOMAIN;
    static final TrustDomain OTHER_DOMAIN = new TrustDomain("other.example");
    static final Instant CA_CREATED = Instant.parse("2026-10-01T00:00:00Z");
    /** When the leaves are issued and the first revocation head signed. */
    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    static final InsecureSecretKeyAccess ACCESS = InsecureSecretKeyAccess.get();
    static final Duration INTERMEDIATE_TTL = Duration.ofDays(365);
    static final Hierarchy ED25519 = Hierarchy.create(KeyType.ED25519, 10, 11, "vectors");
    static final Hierarchy P256 = Hierarchy.create(KeyType.P256, 10, 11, "vectors");

    private static final HexFormat HEX = HexFormat.of();

    private TrustFixture() {}

    /**
     * A root, an intermediate it signed, and their keys.
     *
     * @param name what the hierarchy's serial labels start with
     */
    record Hierarchy(
            String name, SigningKey rootKey, X509Certificate root, SigningKey key, X509Certificate intermediate) {
        static Hierarchy create(KeyType type, int rootLabel, int intermediateLabel, String name) {
            String prefix = name + " " + type.name().toLowerCase(Locale.ROOT);
            SigningKey rootKey = VectorKeys.key(type, rootLabel);
            SigningKey key = VectorKeys.key(type, intermediateLabel);
            Clock clock = Clock.fixed(CA_CREATED, ZoneOffset.UTC);
            X509Certificate root = CertificateAuthority.createRoot(
                    DOMAIN, rootKey, new MemoryLedger(), new VectorRandom(prefix + " root"), clock, ACCESS);
            X509Certificate intermediate = CertificateAuthority.createIntermediate(
                    DOMAIN,
                    rootKey,
                    root,
                    key.verificationKey(),
                    INTERMEDIATE_TTL,
                    new MemoryLedger(),
                    new VectorRandom(prefix + " intermediate"),
                    clock,
                    ACCESS);
            return new Hierarchy(prefix, rootKey, root, key, intermediate);
        }

        KeyType type() {
            return key.type();
        }

        /**
         * Issues a leaf through the CA, from a real CSR.
         *
         * @param label the leaf's serial label, unique within the hierarchy
         * @param subject the leaf's key
         * @param id its identity
         * @param profile its profile
         * @param at when it is issued
         * @return the certificate
         */
        X509Certificate issue(String label, SigningKey subject, CairnId id, Profile profile, Instant at) {
            CertificateAuthority ca = CertificateAuthority.of(
                    DOMAIN,
                    key,
                    List.of(intermediate, root),
                    new MemoryLedger(),
                    new VectorRandom(name + " leaf " + label),
                    Clock.fixed(at, ZoneOffset.UTC),
                    ACCESS);
            byte[] csr = TrustCsrVectors.csr(subject, Optional.of(id));
            return ca.issue(CsrVerifier.verify(csr), id, profile, Optional.empty())
                    .certificate();
        }
    }

    /** Used serials in memory: a fresh ledger per certificate, since every serial has its own label. */
    static final class MemoryLedger implements SerialLedger {
        private final Set<BigInteger> used = new HashSet<>();

        @Override
        public synchronized boolean record(BigInteger serial) {
            return used.add(serial);
        }

        @Override
        public void close() {}
    }

    static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a parsed certificate always encodes", e);
        }
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    static String hex(X509Certificate certificate) {
        return hex(der(certificate));
    }

    static Clock clock(Instant now) {
        return Clock.fixed(now, ZoneOffset.UTC);
    }
}
