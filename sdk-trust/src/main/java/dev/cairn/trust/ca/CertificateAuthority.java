package dev.cairn.trust.ca;

import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.errors.VerificationException;
import dev.cairn.keys.SigningKey;
import dev.cairn.keys.VerificationKey;
import dev.cairn.trust.csr.VerifiedCsr;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.identity.TrustDomain;
import dev.cairn.trust.internal.Certificates;
import dev.cairn.trust.internal.JcaKeys;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;

/**
 * The issuing CA of a trust domain: an intermediate key and its chain to the root ({@code
 * spec/ca.md}). The root key is not needed to issue, so it can stay offline; it is used only by
 * {@link #createRoot} and {@link #createIntermediate}.
 *
 * <p>The CA decides the names: every leaf carries exactly one URI SAN, the {@link CairnId} the
 * caller (the server, after enrolment checks) passes, and an empty subject; a CSR that asks for any
 * other name is rejected. Serial numbers are 127 random bits, recorded durably in a {@link
 * SerialLedger} before the certificate is returned, and never reused. Thread-safe.
 */
public final class CertificateAuthority {
    /** How far before "now" a new certificate's validity starts, for peers with slow clocks. */
    public static final Duration BACKDATE = Duration.ofSeconds(60);

    /** Lifetime of a root created by {@link #createRoot}. */
    public static final Duration ROOT_TTL = Duration.ofDays(10 * 365);

    private static final int SERIAL_ATTEMPTS = 3;

    private final TrustDomain trustDomain;
    private final SigningKey key;
    private final List<X509Certificate> chain;
    private final SerialLedger serials;
    private final SecureRandom random;
    private final Clock clock;

    private CertificateAuthority(
            TrustDomain trustDomain,
            SigningKey key,
            List<X509Certificate> chain,
            SerialLedger serials,
            SecureRandom random,
            Clock clock,
            InsecureSecretKeyAccess access) {
        this.trustDomain = trustDomain;
        this.key = key;
        this.chain = List.copyOf(chain);
        this.serials = serials;
        this.random = random;
        this.clock = clock;
    }

    /**
     * A CA that issues with an intermediate key.
     *
     * @param trustDomain the trust domain it issues in
     * @param key the intermediate's private key
     * @param chain the intermediate's certificate first, then the certificates above it to the root
     * @param serials the ledger of used serials
     * @param random the source of serial numbers
     * @param clock what "now" is
     * @param access the explicit token that marks every place a CA key is put to work
     * @return the CA
     * @throws IllegalArgumentException if the key is not the chain's first certificate's key
     */
    public static CertificateAuthority of(
            TrustDomain trustDomain,
            SigningKey key,
            List<X509Certificate> chain,
            SerialLedger serials,
            SecureRandom random,
            Clock clock,
            InsecureSecretKeyAccess access) {
        if (chain.isEmpty() || !sameKey(key.verificationKey(), chain.get(0).getPublicKey())) {
            throw new IllegalArgumentException("the key must be the first certificate's key");
        }
        return new CertificateAuthority(
                Objects.requireNonNull(trustDomain),
                key,
                chain,
                Objects.requireNonNull(serials),
                Objects.requireNonNull(random),
                Objects.requireNonNull(clock),
                Objects.requireNonNull(access));
    }

    /**
     * Initialises a trust domain's hierarchy: a self-signed root, an intermediate signed by it, and the
     * CA issuing with the intermediate. The root key is used only here; the caller stores it offline.
     *
     * @param trustDomain the trust domain
     * @param rootKey the root's key
     * @param intermediateKey the intermediate's key, which the CA keeps
     * @param intermediateTtl the intermediate's lifetime
     * @param serials the ledger of used serials
     * @param random the source of serial numbers
     * @param clock what "now" is
     * @param access the explicit token that marks every place a CA key is put to work
     * @return the CA, whose chain is the intermediate and the root
     */
    public static CertificateAuthority initialize(
            TrustDomain trustDomain,
            SigningKey rootKey,
            SigningKey intermediateKey,
            Duration intermediateTtl,
            SerialLedger serials,
            SecureRandom random,
            Clock clock,
            InsecureSecretKeyAccess access) {
        X509Certificate root = createRoot(trustDomain, rootKey, serials, random, clock, access);
        X509Certificate intermediate = createIntermediate(
                trustDomain,
                rootKey,
                root,
                intermediateKey.verificationKey(),
                intermediateTtl,
                serials,
                random,
                clock,
                access);
        return of(trustDomain, intermediateKey, List.of(intermediate, root), serials, random, clock, access);
    }

    /**
     * Creates a self-signed root certificate, valid {@link #ROOT_TTL} (cA, keyCertSign, cRLSign).
     *
     * @param trustDomain the trust domain
     * @param rootKey the root's key
     * @param serials the ledger of used serials
     * @param random the source of the serial number
     * @param clock what "now" is
     * @param access the explicit token that marks every place a CA key is put to work
     * @return the root certificate
     */
    public static X509Certificate createRoot(
            TrustDomain trustDomain,
            SigningKey rootKey,
            SerialLedger serials,
            SecureRandom random,
            Clock clock,
            InsecureSecretKeyAccess access) {
        X500Name name = new X500Name("CN=" + trustDomain.name() + " root CA");
        Instant now = clock.instant();
        PublicKey publicKey = JcaKeys.publicKey(rootKey.verificationKey());
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                name, serial(serials, random), from(now.minus(BACKDATE)), from(now.plus(ROOT_TTL)), name, publicKey);
        return sign(builder, JcaKeys.contentSigner(rootKey), b -> {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(1));
            b.addExtension(Extension.keyUsage, true, Profile.INTERMEDIATE.keyUsage());
            b.addExtension(Extension.subjectKeyIdentifier, false, utils().createSubjectKeyIdentifier(publicKey));
        });
    }

    /**
     * Creates an intermediate certificate signed by the root key: for initialisation and rotation.
     *
     * @param trustDomain the trust domain
     * @param rootKey the root's key (brought online for this only)
     * @param root the root certificate
     * @param intermediateKey the new intermediate's public key
     * @param ttl its lifetime, within {@link Profile#INTERMEDIATE}'s bounds and the root's validity
     * @param serials the ledger of used serials
     * @param random the source of the serial number
     * @param clock what "now" is
     * @param access the explicit token that marks every place a CA key is put to work
     * @return the intermediate certificate
     */
    public static X509Certificate createIntermediate(
            TrustDomain trustDomain,
            SigningKey rootKey,
            X509Certificate root,
            VerificationKey intermediateKey,
            Duration ttl,
            SerialLedger serials,
            SecureRandom random,
            Clock clock,
            InsecureSecretKeyAccess access) {
        Instant now = clock.instant();
        checkTtl(Profile.INTERMEDIATE, ttl);
        checkIssuer(root, now, now.plus(ttl));
        PublicKey publicKey = JcaKeys.publicKey(intermediateKey);
        BigInteger serial = serial(serials, random);
        X500Name subject = new X500Name("CN=" + trustDomain.name() + " intermediate CA " + serial.toString(16));
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                root, serial, from(now.minus(BACKDATE)), from(now.plus(ttl)), subject, publicKey);
        return sign(builder, JcaKeys.contentSigner(rootKey), b -> {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            b.addExtension(Extension.keyUsage, true, Profile.INTERMEDIATE.keyUsage());
            b.addExtension(Extension.subjectKeyIdentifier, false, utils().createSubjectKeyIdentifier(publicKey));
            b.addExtension(Extension.authorityKeyIdentifier, false, utils().createAuthorityKeyIdentifier(root));
        });
    }

    /**
     * The trust domain the CA issues in.
     *
     * @return the trust domain
     */
    public TrustDomain trustDomain() {
        return trustDomain;
    }

    /**
     * The CA's chain: the intermediate first, the root last.
     *
     * @return the chain
     */
    public List<X509Certificate> chain() {
        return chain;
    }

    /**
     * Issues a leaf certificate for a verified CSR under a server-chosen identity.
     *
     * @param csr the verified request; its key is certified
     * @param identity the one name the certificate carries, in this CA's trust domain
     * @param profile a leaf profile
     * @param ttl the lifetime, or empty for the profile's default
     * @return the certificate and the CA chain
     * @throws VerificationException {@link ErrorCode#CSR_NAMES_NOT_ALLOWED} if the CSR asks for another
     *     name, the identity is in another trust domain, or a log identity goes with another profile than
     *     {@link Profile#LOG_SIGNER} (or that profile with another identity); {@link ErrorCode#CA_TTL_OUT_OF_RANGE}; {@link
     *     ErrorCode#CA_NOT_VALID} if the intermediate is not valid for the whole lifetime
     */
    public IssuedCertificate issue(VerifiedCsr csr, CairnId identity, Profile profile, Optional<Duration> ttl) {
        Objects.requireNonNull(csr, "csr");
        Objects.requireNonNull(identity, "identity");
        if (profile.isCa()) {
            throw new IllegalArgumentException("leaf profiles only; intermediates come from createIntermediate");
        }
        if (!identity.trustDomain().equals(trustDomain)) {
            throw VerificationException.mismatch(
                    ErrorCode.CSR_NAMES_NOT_ALLOWED,
                    trustDomain.name(),
                    identity.trustDomain().name());
        }
        if ((profile == Profile.LOG_SIGNER) != (identity.kind() == CairnId.Kind.LOG)) {
            throw VerificationException.mismatch(
                    ErrorCode.CSR_NAMES_NOT_ALLOWED,
                    profile == Profile.LOG_SIGNER
                            ? "a log identity for the LOG_SIGNER profile"
                            : "a node, service or operator identity for the " + profile + " profile",
                    identity.uri());
        }
        for (String requested : csr.requestedUris()) {
            if (!requested.equals(identity.uri())) {
                throw new VerificationException(
                        ErrorCode.CSR_NAMES_NOT_ALLOWED,
                        "the CSR asks for " + requested + "; the CA assigns " + identity.uri(),
                        Map.of("expected", identity.uri(), "found", requested),
                        null);
            }
        }
        Duration lifetime = ttl.orElse(profile.defaultTtl());
        checkTtl(profile, lifetime);
        Instant now = clock.instant();
        X509Certificate issuer = chain.get(0);
        checkIssuer(issuer, now, now.plus(lifetime));
        PublicKey publicKey = JcaKeys.publicKey(csr.key());
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                issuer,
                serial(serials, random),
                from(now.minus(BACKDATE)),
                from(now.plus(lifetime)),
                new X500Name(new RDN[0]),
                publicKey);
        X509Certificate certificate = sign(builder, JcaKeys.contentSigner(key), b -> {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, profile.keyUsage());
            b.addExtension(
                    Extension.extendedKeyUsage,
                    false,
                    new ExtendedKeyUsage(profile.extendedKeyUsage().toArray(new KeyPurposeId[0])));
            b.addExtension(
                    Extension.subjectAlternativeName,
                    true,
                    new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, identity.uri())));
            b.addExtension(Extension.subjectKeyIdentifier, false, utils().createSubjectKeyIdentifier(publicKey));
            b.addExtension(Extension.authorityKeyIdentifier, false, utils().createAuthorityKeyIdentifier(issuer));
        });
        return new IssuedCertificate(certificate, chain);
    }

    private static void checkTtl(Profile profile, Duration ttl) {
        if (ttl.compareTo(profile.minTtl()) < 0 || ttl.compareTo(profile.maxTtl()) > 0) {
            throw VerificationException.mismatch(
                    ErrorCode.CA_TTL_OUT_OF_RANGE, profile.minTtl() + " to " + profile.maxTtl(), ttl.toString());
        }
    }

    private static void checkIssuer(X509Certificate issuer, Instant now, Instant until) {
        Instant notBefore = issuer.getNotBefore().toInstant();
        Instant notAfter = issuer.getNotAfter().toInstant();
        if (now.isBefore(notBefore) || until.isAfter(notAfter)) {
            throw VerificationException.mismatch(
                    ErrorCode.CA_NOT_VALID, "within " + notBefore + " .. " + notAfter, now + " .. " + until);
        }
    }

    private static BigInteger serial(SerialLedger serials, SecureRandom random) {
        for (int attempt = 0; attempt < SERIAL_ATTEMPTS; attempt++) {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            bytes[0] &= 0x7f;
            BigInteger serial = new BigInteger(1, bytes);
            if (serial.signum() > 0 && serials.record(serial)) {
                return serial;
            }
        }
        throw new InternalException(
                ErrorCode.CA_SERIAL_REUSED, SERIAL_ATTEMPTS + " random serials in a row were already used", null);
    }

    /** Adds extensions to a certificate builder. */
    private interface Extensions {
        void add(X509v3CertificateBuilder builder) throws Exception;
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, ContentSigner signer, Extensions extensions) {
        try {
            extensions.add(builder);
            return Certificates.fromDer(builder.build(signer).getEncoded());
        } catch (Exception e) {
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new InternalException(ErrorCode.INTERNAL_CRYPTO, "certificate building failed: " + e, e);
        }
    }

    private static JcaX509ExtensionUtils utils() {
        try {
            return new JcaX509ExtensionUtils();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new InternalException(ErrorCode.INTERNAL_CRYPTO, "SHA-1 for key identifiers is missing", e);
        }
    }

    private static boolean sameKey(VerificationKey key, PublicKey publicKey) {
        return java.util.Arrays.equals(JcaKeys.publicKey(key).getEncoded(), publicKey.getEncoded());
    }

    private static Date from(Instant instant) {
        return Date.from(instant);
    }
}
