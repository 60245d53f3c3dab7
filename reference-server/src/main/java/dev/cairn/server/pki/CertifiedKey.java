package dev.cairn.server.pki;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.ca.CertificateAuthority;
import dev.cairn.trust.ca.IssuedCertificate;
import dev.cairn.trust.ca.Profile;
import dev.cairn.trust.csr.CsrBuilder;
import dev.cairn.trust.csr.CsrVerifier;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.keyfile.KeyFiles;
import dev.cairn.trust.renewal.RenewalPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

/**
 * One of the server's own keys with the certificate its CA issued it (the TLS identity, the log
 * signer): issued from a real CSR of the key, for the server-chosen identity and profile, for the
 * profile's longest lifetime, and re-issued past its jittered renewal point with the same key. The
 * renewal point is drawn once per certificate ({@code ca.md}, renewal), so however often {@link
 * #renewIfDue} is asked, a certificate is renewed at one instant between 1/2 and 2/3 of its life. The
 * chain file (leaf, intermediate, root) is replaced crash-safely; with a history directory, the
 * replaced chain is kept there first (one file per certificate), because what the old certificate
 * vouched for stays signed by the key: the log signer's earlier chains let an auditor check statements
 * signed before a renewal. Thread-safe.
 */
public final class CertifiedKey {
    private final SigningKey key;
    private final CairnId identity;
    private final Profile profile;
    private final Path chainFile;
    private final Optional<Path> history;
    private volatile Current current;

    /** The chain served now and the instant it is to be renewed. */
    private record Current(List<X509Certificate> chain, Instant renewAt) {}

    CertifiedKey(
            SigningKey key,
            CairnId identity,
            Profile profile,
            Path chainFile,
            Optional<Path> history,
            List<X509Certificate> chain,
            RandomGenerator random) {
        this.key = Objects.requireNonNull(key, "key");
        this.identity = Objects.requireNonNull(identity, "identity");
        this.profile = Objects.requireNonNull(profile, "profile");
        this.chainFile = Objects.requireNonNull(chainFile, "chainFile");
        this.history = Objects.requireNonNull(history, "history");
        this.current = current(chain, random);
    }

    private static Current current(List<X509Certificate> chain, RandomGenerator random) {
        return new Current(List.copyOf(chain), RenewalPolicy.renewAt(chain.get(0), random));
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
     * Re-issues the certificate when {@code now} is at or past its renewal point; the key stays. The
     * replaced chain goes to the history directory first, if there is one.
     *
     * @param ca the issuing CA
     * @param random the jitter source of the new certificate's renewal point
     * @param now the current time
     * @return true when a new certificate was issued
     */
    public synchronized boolean renewIfDue(CertificateAuthority ca, RandomGenerator random, Instant now) {
        if (now.isBefore(current.renewAt())) {
            return false;
        }
        List<X509Certificate> renewed = issue(ca, key, identity, profile);
        if (history.isPresent()) {
            X509Certificate old = current.chain().get(0);
            createDirectory(history.get());
            AtomicFiles.replace(
                    history.get().resolve(old.getSerialNumber().toString(16) + ".pem"), pem(current.chain()));
        }
        AtomicFiles.replace(chainFile, pem(renewed));
        current = current(renewed, random);
        return true;
    }

    /**
     * When the current certificate is to be renewed: one instant drawn between 1/2 and 2/3 of its life.
     *
     * @return the renewal point
     */
    public Instant renewAt() {
        return current.renewAt();
    }

    /**
     * The chains this key had before its current one, newest first: what the history directory holds.
     *
     * @return the earlier chains, each leaf first; empty without a history directory
     */
    public List<List<X509Certificate>> earlierChains() {
        if (history.isEmpty() || !Files.isDirectory(history.get())) {
            return List.of();
        }
        List<List<X509Certificate>> chains = new ArrayList<>();
        try (Stream<Path> files = Files.list(history.get())) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".pem"))
                    .toList()) {
                List<X509Certificate> chain = KeyFiles.readCertificates(file);
                if (!chain.isEmpty() && !chain.get(0).equals(current.chain().get(0))) {
                    chains.add(chain);
                }
            }
        } catch (IOException e) {
            throw new InternalException(ErrorCode.INTERNAL_IO, "read " + history.get() + ": " + e.getMessage(), e);
        }
        chains.sort(Comparator.comparing((List<X509Certificate> c) -> c.get(0).getNotBefore())
                .reversed());
        return List.copyOf(chains);
    }

    private static void createDirectory(Path dir) {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectory(
                    dir,
                    java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                            java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
            AtomicFiles.forceDirectory(dir.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new InternalException(ErrorCode.INTERNAL_IO, "create " + dir + ": " + e.getMessage(), e);
        }
    }

    private static byte[] pem(List<X509Certificate> chain) {
        StringBuilder pem = new StringBuilder();
        chain.forEach(c -> pem.append(IssuedCertificate.pem(c)));
        return pem.toString().getBytes(StandardCharsets.US_ASCII);
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
        return current.chain();
    }

    @Override
    public String toString() {
        return "CertifiedKey[" + identity.uri() + ", serial "
                + current.chain().get(0).getSerialNumber().toString(16) + "]";
    }
}
