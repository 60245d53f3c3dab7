package dev.cairn.server.pki;

import dev.cairn.keys.SigningKey;
import dev.cairn.trust.ca.CertificateAuthority;
import dev.cairn.trust.ca.IssuedCertificate;
import dev.cairn.trust.ca.Profile;
import dev.cairn.trust.csr.CsrBuilder;
import dev.cairn.trust.csr.CsrVerifier;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.renewal.RenewalPolicy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * One of the server's own keys with the certificate its CA issued it (the TLS identity, the log
 * signer): issued from a real CSR of the key, for the server-chosen identity and profile, for the
 * profile's longest lifetime, and re-issued past its jittered renewal point with the same key. The
 * chain file (leaf, intermediate, root) is replaced crash-safely. Thread-safe.
 */
public final class CertifiedKey {
    private final SigningKey key;
    private final CairnId identity;
    private final Profile profile;
    private final Path chainFile;
    private volatile List<X509Certificate> chain;

    CertifiedKey(SigningKey key, CairnId identity, Profile profile, Path chainFile, List<X509Certificate> chain) {
        this.key = Objects.requireNonNull(key, "key");
        this.identity = Objects.requireNonNull(identity, "identity");
        this.profile = Objects.requireNonNull(profile, "profile");
        this.chainFile = Objects.requireNonNull(chainFile, "chainFile");
        this.chain = List.copyOf(chain);
    }

    /** The lifetime the server asks for its own certificates: the profile's longest. */
    static Duration lifetime(Profile profile) {
        return profile.maxTtl();
    }

    /** Issues a certificate for a key, from a real CSR of it; returns leaf, intermediate, root. */
    static List<X509Certificate> issue(CertificateAuthority ca, SigningKey key, CairnId identity, Profile profile) {
        byte[] csr = CsrBuilder.build(key, Optional.of(identity)).der().toByteArray();
        IssuedCertificate issued = ca.issue(CsrVerifier.verify(csr), identity, profile, Optional.of(lifetime(profile)));
        List<X509Certificate> all = new ArrayList<>();
        all.add(issued.certificate());
        all.addAll(issued.chain());
        return all;
    }

    /**
     * Re-issues the certificate when {@code now} is past its jittered renewal point ({@code ca.md},
     * renewal); the key stays.
     *
     * @param ca the issuing CA
     * @param random the jitter source
     * @param now the current time
     * @return true when a new certificate was issued
     */
    public synchronized boolean renewIfDue(CertificateAuthority ca, RandomGenerator random, Instant now) {
        if (now.isBefore(RenewalPolicy.renewAt(chain.get(0), random))) {
            return false;
        }
        List<X509Certificate> renewed = issue(ca, key, identity, profile);
        StringBuilder pem = new StringBuilder();
        renewed.forEach(c -> pem.append(IssuedCertificate.pem(c)));
        AtomicFiles.replace(chainFile, pem.toString().getBytes(StandardCharsets.US_ASCII));
        chain = List.copyOf(renewed);
        return true;
    }

    /**
     * The key.
     *
     * @return the private key
     */
    public SigningKey key() {
        return key;
    }

    /**
     * The identity its certificate names.
     *
     * @return the identity
     */
    public CairnId identity() {
        return identity;
    }

    /**
     * The current chain: leaf, intermediate, root.
     *
     * @return the chain
     */
    public List<X509Certificate> chain() {
        return chain;
    }

    @Override
    public String toString() {
        return "CertifiedKey[" + identity.uri() + ", serial "
                + chain.get(0).getSerialNumber().toString(16) + "]";
    }
}
