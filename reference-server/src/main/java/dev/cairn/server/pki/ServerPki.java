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
import dev.cairn.trust.ca.Profile;
import dev.cairn.trust.ca.SerialLedger;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.identity.TrustDomain;
import dev.cairn.trust.keyfile.KeyFiles;
import dev.cairn.trust.pin.CaFingerprint;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

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
    private final SigningKey intermediateKey;
    private final X509Certificate root;
    private final CertifiedKey tls;
    private final CertifiedKey log;
    private final SigningKey operatorTokenKey;
    private final SecretBytes joinTokenKey;
    private final Bytes adminCredentialHash;

    private ServerPki(
            PkiLayout layout,
            TrustDomain trustDomain,
            CertificateAuthority ca,
            SigningKey intermediateKey,
            X509Certificate root,
            CertifiedKey tls,
            CertifiedKey log,
            SigningKey operatorTokenKey,
            SecretBytes joinTokenKey,
            Bytes adminCredentialHash) {
        this.layout = layout;
        this.trustDomain = trustDomain;
        this.ca = ca;
        this.intermediateKey = intermediateKey;
        this.root = root;
        this.tls = tls;
        this.log = log;
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
        CertifiedKey tls = certified(
                dir,
                PkiLayout.File.SERVER_KEY,
                PkiLayout.File.SERVER_CERT,
                Optional.empty(),
                CairnId.server(config.trustDomain()),
                Profile.SERVICE,
                random);
        CertifiedKey log = certified(
                dir,
                PkiLayout.File.LOG_KEY,
                PkiLayout.File.LOG_CERT,
                Optional.of(PkiLayout.File.LOG_CERT_HISTORY.in(dir)),
                ServerIdentities.logSigner(config.trustDomain()),
                Profile.LOG_SIGNER,
                random);
        ServerPki pki = new ServerPki(
                layout,
                config.trustDomain(),
                ca,
                intermediateKey,
                root,
                tls,
                log,
                KeyFiles.readPrivateKey(PkiLayout.File.OPERATOR_TOKEN_KEY.in(dir), access),
                SecretBytes.copyOf(HexFormat.of().parseHex(text(PkiLayout.File.JOIN_TOKEN_HMAC.in(dir))), access),
                Bytes.fromHex(text(PkiLayout.File.ADMIN_CREDENTIAL_HASH.in(dir))));
        pki.renewIfDue(random, clock.instant());
        return pki;
    }

    /**
     * Creates the data directory owner-only when absent, and refuses one that group or others may
     * write; the first thing a start does, before the embedded database opens inside it.
     *
     * @param config the configuration
     * @throws MalformedInputException {@link ErrorCode#CONFIG_UNSAFE} or {@link ErrorCode#CONFIG_INVALID}
     */
    public static void prepareDataDir(ServerConfig config) {
        try {
            FirstStart.ensureDataDir(config.dataDir());
        } catch (IOException e) {
            throw new InternalException(ErrorCode.INTERNAL_IO, "data directory: " + e.getMessage(), e);
        }
    }

    /**
     * Re-issues the server's own certificates (TLS, log signer) that are past their jittered renewal
     * points ({@code ca.md}, renewal), replacing their chain files crash-safely. Keys stay. Done at
     * every start and by the running server on a schedule; the TLS listener presents a renewed
     * certificate from the next handshake on.
     *
     * @param random the jitter source
     * @param now the current time
     * @return true when a certificate was issued
     */
    public boolean renewIfDue(java.util.random.RandomGenerator random, Instant now) {
        boolean renewedTls = tls.renewIfDue(ca, random, now);
        return log.renewIfDue(ca, random, now) | renewedTls;
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
     * The issuing intermediate's key: it signs certificates (through {@link #ca()}), trust bundles,
     * revocation heads and CRLs.
     *
     * @return the key
     */
    public SigningKey caKey() {
        return intermediateKey;
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
        return CaFingerprint.of(certificate).toString();
    }

    /**
     * The server's TLS identity.
     *
     * @return {@code cairn://<td>/cluster/cairn-control/service/server}
     */
    public CairnId serverIdentity() {
        return CairnId.server(trustDomain);
    }

    /**
     * The server's TLS key.
     *
     * @return the key
     */
    public SigningKey tlsKey() {
        return tls.key();
    }

    /**
     * The server's TLS certificate chain: leaf, intermediate, root.
     *
     * @return the current chain
     */
    public List<X509Certificate> tlsChain() {
        return tls.chain();
    }

    /**
     * When the TLS certificate is to be renewed.
     *
     * @return the renewal point drawn for the current TLS certificate
     */
    public Instant tlsRenewAt() {
        return tls.renewAt();
    }

    /**
     * The audit log's signing key with its {@code LOG_SIGNER} certificate, which lets an auditor
     * holding only the trust bundle trust the log ({@code audit-bundle.md}, certified log keys).
     *
     * @return the log signer
     */
    public CertifiedKey logSigner() {
        return log;
    }

    /**
     * The audit log's signing key.
     *
     * @return the key
     */
    public SigningKey logKey() {
        return log.key();
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

    private static CertifiedKey certified(
            Path dir,
            PkiLayout.File keyFile,
            PkiLayout.File chainFile,
            Optional<Path> history,
            CairnId identity,
            Profile profile,
            java.util.random.RandomGenerator random) {
        SigningKey key = KeyFiles.readPrivateKey(keyFile.in(dir), InsecureSecretKeyAccess.get());
        List<X509Certificate> chain = KeyFiles.readCertificates(chainFile.in(dir));
        matches(keyFile.name().toLowerCase(java.util.Locale.ROOT), key, chain.get(0));
        return new CertifiedKey(key, identity, profile, chainFile.in(dir), history, chain, random);
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
