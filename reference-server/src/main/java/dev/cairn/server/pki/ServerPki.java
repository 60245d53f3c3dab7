package dev.cairn.server.pki;

import dev.cairn.bytes.Bytes;
import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.bytes.SecretBytes;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.keys.SigningKey;
import dev.cairn.keys.VerificationKey;
import dev.cairn.server.config.ServerConfig;
import dev.cairn.trust.ca.CertificateAuthority;
import dev.cairn.trust.ca.CertificateKeys;
import dev.cairn.trust.ca.SerialLedger;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.identity.TrustDomain;
import dev.cairn.trust.keyfile.KeyFiles;
import dev.cairn.trust.renewal.RenewalPolicy;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * The server's PKI material, loaded and checked ({@code spec/server.md}, sections 2 to 4). {@link
 * #open} initialises on first start, then reads {@code pki/}, refuses a directory of another trust
 * domain or a key that is not its certificate's, and re-issues the TLS certificate when it is past
 * its renewal point. Holds private keys: never logged ({@link #toString()} shows none).
 */
public final class ServerPki {
    private final PkiLayout layout;
    private final TrustDomain trustDomain;
    private final CertificateAuthority ca;
    private final X509Certificate root;
    private volatile List<X509Certificate> tlsChain;
    private final SigningKey tlsKey;
    private final SigningKey logKey;
    private final SigningKey operatorTokenKey;
    private final SecretBytes joinTokenKey;
    private final Bytes adminCredentialHash;

    private ServerPki(
            PkiLayout layout,
            TrustDomain trustDomain,
            CertificateAuthority ca,
            X509Certificate root,
            List<X509Certificate> tlsChain,
            SigningKey tlsKey,
            SigningKey logKey,
            SigningKey operatorTokenKey,
            SecretBytes joinTokenKey,
            Bytes adminCredentialHash) {
        this.layout = layout;
        this.trustDomain = trustDomain;
        this.ca = ca;
        this.root = root;
        this.tlsChain = tlsChain;
        this.tlsKey = tlsKey;
        this.logKey = logKey;
        this.operatorTokenKey = operatorTokenKey;
        this.joinTokenKey = joinTokenKey;
        this.adminCredentialHash = adminCredentialHash;
    }

    /**
     * Initialises on first start, then loads and checks the PKI.
     *
     * @param config the configuration
     * @param serials the CA's serial ledger
     * @param random the source of keys, serials and jitter
     * @param clock what "now" is
     * @param notices where first-start notices go (never a secret)
     * @return the loaded PKI
     * @throws MalformedInputException {@link ErrorCode#CONFIG_STATE_MISMATCH} for a data directory of
     *     another trust domain or keys that do not match their certificates; key file codes for damaged
     *     files
     */
    public static ServerPki open(
            ServerConfig config, SerialLedger serials, SecureRandom random, Clock clock, PrintStream notices) {
        PkiLayout layout = new PkiLayout(config.dataDir());
        FirstStart.ensure(config, layout, serials, random, clock, notices);
        Path dir = layout.pki();
        InsecureSecretKeyAccess access = InsecureSecretKeyAccess.get();
        String domain = text(PkiLayout.File.TRUST_DOMAIN.in(dir));
        if (!domain.equals(config.trustDomain().name())) {
            throw new MalformedInputException(
                    ErrorCode.CONFIG_STATE_MISMATCH,
                    config.dataDir() + " holds the CA of trust domain " + domain + ", but server.trust_domain is "
                            + config.trustDomain().name());
        }
        X509Certificate root = single(KeyFiles.readCertificates(PkiLayout.File.ROOT_CERT.in(dir)));
        X509Certificate intermediate = single(KeyFiles.readCertificates(PkiLayout.File.INTERMEDIATE_CERT.in(dir)));
        SigningKey intermediateKey = KeyFiles.readPrivateKey(PkiLayout.File.INTERMEDIATE_KEY.in(dir), access);
        matches("intermediate.key", intermediateKey, intermediate);
        CertificateAuthority ca = CertificateAuthority.of(
                config.trustDomain(), intermediateKey, List.of(intermediate, root), serials, random, clock, access);
        SigningKey tlsKey = KeyFiles.readPrivateKey(PkiLayout.File.SERVER_KEY.in(dir), access);
        List<X509Certificate> tlsChain = KeyFiles.readCertificates(PkiLayout.File.SERVER_CERT.in(dir));
        matches("server.key", tlsKey, tlsChain.get(0));
        ServerPki pki = new ServerPki(
                layout,
                config.trustDomain(),
                ca,
                root,
                tlsChain,
                tlsKey,
                KeyFiles.readPrivateKey(PkiLayout.File.LOG_KEY.in(dir), access),
                KeyFiles.readPrivateKey(PkiLayout.File.OPERATOR_TOKEN_KEY.in(dir), access),
                SecretBytes.copyOf(HexFormat.of().parseHex(text(PkiLayout.File.JOIN_TOKEN_HMAC.in(dir))), access),
                Bytes.fromHex(text(PkiLayout.File.ADMIN_CREDENTIAL_HASH.in(dir))));
        pki.renewTlsIfDue(random, clock.instant());
        return pki;
    }

    /**
     * Re-issues the server's TLS certificate when {@code now} is past its jittered renewal point
     * ({@code ca.md}, renewal), replacing {@code pki/server.pem} crash-safely. The key stays.
     *
     * @param random the jitter source
     * @param now the current time
     * @return true when a new certificate was issued
     */
    public synchronized boolean renewTlsIfDue(java.util.random.RandomGenerator random, Instant now) {
        Instant renewAt = RenewalPolicy.renewAt(tlsChain.get(0), random);
        if (now.isBefore(renewAt)) {
            return false;
        }
        List<X509Certificate> renewed = FirstStart.withLeaf(FirstStart.serverCertificate(ca, tlsKey));
        StringBuilder pem = new StringBuilder();
        renewed.forEach(c -> pem.append(dev.cairn.trust.ca.IssuedCertificate.pem(c)));
        AtomicFiles.replace(
                PkiLayout.File.SERVER_CERT.in(layout.pki()), pem.toString().getBytes(StandardCharsets.US_ASCII));
        tlsChain = List.copyOf(renewed);
        return true;
    }

    /**
     * The trust domain.
     *
     * @return the trust domain
     */
    public TrustDomain trustDomain() {
        return trustDomain;
    }

    /**
     * The CA issuing with the intermediate.
     *
     * @return the CA
     */
    public CertificateAuthority ca() {
        return ca;
    }

    /**
     * The root CA certificate: what agents pin.
     *
     * @return the root
     */
    public X509Certificate root() {
        return root;
    }

    /**
     * The fingerprint agents are given out of band: {@code sha256:} and the lowercase hex SHA-256 of
     * the root certificate's DER ({@code enrollment.md}, section 4).
     *
     * @return the fingerprint
     */
    public String rootFingerprint() {
        return fingerprint(root);
    }

    /**
     * The fingerprint form of a certificate.
     *
     * @param certificate a certificate
     * @return {@code sha256:<hex>}
     */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new InternalException(ErrorCode.INTERNAL_CRYPTO, "fingerprint: " + e.getMessage(), e);
        }
    }

    /**
     * The server's TLS identity.
     *
     * @return {@code cairn://<td>/cluster/cairn-control/service/server}
     */
    public CairnId serverIdentity() {
        return ServerIdentities.server(trustDomain);
    }

    /**
     * The server's TLS key.
     *
     * @return the key
     */
    public SigningKey tlsKey() {
        return tlsKey;
    }

    /**
     * The server's TLS certificate chain: leaf, intermediate, root.
     *
     * @return the current chain
     */
    public List<X509Certificate> tlsChain() {
        return tlsChain;
    }

    /**
     * The audit log's signing key.
     *
     * @return the key
     */
    public SigningKey logKey() {
        return logKey;
    }

    /**
     * The key that signs operator bearer tokens.
     *
     * @return the key
     */
    public SigningKey operatorTokenKey() {
        return operatorTokenKey;
    }

    /**
     * The key of the join tokens' keyed hashes.
     *
     * @return 32 secret bytes
     */
    public SecretBytes joinTokenKey() {
        return joinTokenKey;
    }

    /**
     * Whether a presented admin credential is the bootstrap one.
     *
     * @param presented the credential text
     * @return true when it matches
     */
    public boolean isAdminCredential(String presented) {
        return AdminCredential.matches(presented, adminCredentialHash);
    }

    @Override
    public String toString() {
        return "ServerPki[" + trustDomain.name() + ", root " + rootFingerprint() + "]";
    }

    private static void matches(String what, SigningKey key, X509Certificate certificate) {
        VerificationKey expected = CertificateKeys.of(certificate);
        if (!expected.equals(key.verificationKey())) {
            throw new MalformedInputException(
                    ErrorCode.CONFIG_STATE_MISMATCH,
                    what + " is not the key of its certificate; restore pki/ from a backup");
        }
    }

    private static X509Certificate single(List<X509Certificate> certificates) {
        if (certificates.size() != 1) {
            throw new MalformedInputException(
                    ErrorCode.CONFIG_STATE_MISMATCH,
                    "a CA certificate file holds " + certificates.size() + " certificates");
        }
        return certificates.get(0);
    }

    private static String text(Path file) {
        try {
            if (Files.size(file) > 4096) {
                throw new MalformedInputException(ErrorCode.CONFIG_STATE_MISMATCH, file + " is too large");
            }
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new InternalException(ErrorCode.INTERNAL_IO, "read " + file + ": " + e.getMessage(), e);
        }
    }
}
