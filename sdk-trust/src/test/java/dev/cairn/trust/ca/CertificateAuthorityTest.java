package dev.cairn.trust.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.VerificationException;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.csr.CsrBuilder;
import dev.cairn.trust.csr.CsrVerifier;
import dev.cairn.trust.csr.VerifiedCsr;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.identity.TrustDomain;
import dev.cairn.trust.keyfile.KeyFiles;
import dev.cairn.trust.support.OpenSsl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CertificateAuthorityTest {
    static final TrustDomain TD = new TrustDomain("demo.example");
    static final CairnId NODE = CairnId.node(TD, "c1", "n-1");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
    private static final InsecureSecretKeyAccess ACCESS = InsecureSecretKeyAccess.get();

    @TempDir
    Path dir;

    /** A root, an intermediate and the CA issuing with it; the ledger lives in the temp dir. */
    static CertificateAuthority ca(KeyType type, Path dir, Clock clock) {
        SecureRandom random = new SecureRandom();
        return CertificateAuthority.initialize(
                TD,
                SigningKey.generate(type, random),
                SigningKey.generate(type, random),
                Duration.ofDays(365),
                FileSerialLedger.open(dir.resolve("serials")),
                random,
                clock,
                ACCESS);
    }

    /** The same, with the hierarchy created at one time and the CA issuing at another. */
    static CertificateAuthority ca(KeyType type, Path dir, Clock clock, Clock issuing) {
        SecureRandom random = new SecureRandom();
        FileSerialLedger serials = FileSerialLedger.open(dir.resolve("serials"));
        SigningKey rootKey = SigningKey.generate(type, random);
        SigningKey intermediateKey = SigningKey.generate(type, random);
        X509Certificate root = CertificateAuthority.createRoot(TD, rootKey, serials, random, clock, ACCESS);
        X509Certificate intermediate = CertificateAuthority.createIntermediate(
                TD,
                rootKey,
                root,
                intermediateKey.verificationKey(),
                Duration.ofDays(365),
                serials,
                random,
                clock,
                ACCESS);
        return CertificateAuthority.of(
                TD, intermediateKey, List.of(intermediate, root), serials, random, issuing, ACCESS);
    }

    private static VerifiedCsr csr(KeyType type, Optional<CairnId> requested) {
        return CsrVerifier.verify(CsrBuilder.build(SigningKey.generate(type, new SecureRandom()), requested)
                .der()
                .toByteArray());
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void anIssuedChainValidatesWithTheJdkAndCarriesExactlyOneUri(KeyType type) throws Exception {
        CertificateAuthority ca = ca(type, dir, CLOCK);
        IssuedCertificate issued = ca.issue(csr(type, Optional.of(NODE)), NODE, Profile.NODE_CLIENT, Optional.empty());
        X509Certificate leaf = issued.certificate();
        Collection<List<?>> sans = leaf.getSubjectAlternativeNames();
        assertEquals(1, sans.size());
        List<?> san = sans.iterator().next();
        assertEquals(6, san.get(0));
        assertEquals(NODE.uri(), san.get(1));
        assertEquals(List.of("1.3.6.1.5.5.7.3.2"), leaf.getExtendedKeyUsage());
        assertEquals(-1, leaf.getBasicConstraints());
        assertTrue(leaf.getSerialNumber().bitLength() >= 64);
        assertEquals(
                Duration.ofHours(24).plus(CertificateAuthority.BACKDATE),
                Duration.between(
                        leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant()));
        jdkValidate(leaf, ca, Date.from(CLOCK.instant()));
        Date afterExpiry = Date.from(CLOCK.instant().plus(Duration.ofDays(2)));
        assertThrows(CertPathValidatorException.class, () -> jdkValidate(leaf, ca, afterExpiry));
        Date beforeIssue = Date.from(CLOCK.instant().minus(Duration.ofHours(1)));
        assertThrows(CertPathValidatorException.class, () -> jdkValidate(leaf, ca, beforeIssue));
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void openSslVerifiesTheCsrAndTheChain(KeyType type) throws Exception {
        Clock now = Clock.systemUTC();
        CertificateAuthority ca = ca(type, dir, now);
        SigningKey nodeKey = SigningKey.generate(type, new SecureRandom());
        var csr = CsrBuilder.build(nodeKey, Optional.of(NODE));
        Path csrFile = write("node.csr", csr.pem());
        assertTrue(OpenSsl.run("req", "-verify", "-noout", "-in", csrFile.toString())
                .ok());
        IssuedCertificate issued =
                ca.issue(CsrVerifier.verify(csr.der().toByteArray()), NODE, Profile.SERVICE, Optional.empty());
        Path root = write("root.pem", IssuedCertificate.pem(ca.chain().get(1)));
        Path intermediate =
                write("intermediate.pem", IssuedCertificate.pem(ca.chain().get(0)));
        Path leaf = write("leaf.pem", IssuedCertificate.pem(issued.certificate()));
        OpenSsl.Result verify = OpenSsl.run(
                "verify", "-CAfile", root.toString(), "-untrusted", intermediate.toString(), leaf.toString());
        assertTrue(verify.ok(), verify.output());
        OpenSsl.Result san = OpenSsl.run("x509", "-noout", "-ext", "subjectAltName", "-in", leaf.toString());
        assertTrue(san.output().contains("URI:" + NODE.uri()), san.output());
        assertFalse(san.output().contains("DNS:"), san.output());
        Path chainFile = dir.resolve("chain.pem");
        KeyFiles.writeCertificates(
                chainFile, List.of(issued.certificate(), ca.chain().get(0)));
        assertEquals(List.of(issued.certificate(), ca.chain().get(0)), KeyFiles.readCertificates(chainFile));
        OpenSsl.Result fromChainFile =
                OpenSsl.run("verify", "-CAfile", root.toString(), "-untrusted", chainFile.toString(), leaf.toString());
        assertTrue(fromChainFile.ok(), fromChainFile.output());
        OpenSsl.Result withoutIntermediate = OpenSsl.run("verify", "-CAfile", root.toString(), leaf.toString());
        assertFalse(withoutIntermediate.ok(), withoutIntermediate.output());
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void theServerDecidesTheName(KeyType type) {
        CertificateAuthority ca = ca(type, dir, CLOCK);
        CairnId other = CairnId.node(TD, "c1", "n-2");
        assertEquals(
                ErrorCode.CSR_NAMES_NOT_ALLOWED,
                rejected(() -> ca.issue(csr(type, Optional.of(other)), NODE, Profile.NODE_CLIENT, Optional.empty()))
                        .code());
        CairnId foreign = CairnId.node(new TrustDomain("other.example"), "c1", "n-1");
        assertEquals(
                ErrorCode.CSR_NAMES_NOT_ALLOWED,
                rejected(() -> ca.issue(csr(type, Optional.empty()), foreign, Profile.NODE_CLIENT, Optional.empty()))
                        .code());
        X509Certificate unnamed = ca.issue(csr(type, Optional.empty()), NODE, Profile.NODE_SERVER, Optional.empty())
                .certificate();
        assertEquals(List.of("1.3.6.1.5.5.7.3.1"), extendedKeyUsage(unnamed));
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void aLogSignerIsCertifiedForDocumentSigningOnlyAndOnlyUnderItsLogIdentity(KeyType type) throws Exception {
        CertificateAuthority ca = ca(type, dir, CLOCK);
        CairnId log = CairnId.log(TD, "audit");
        X509Certificate leaf = ca.issue(csr(type, Optional.of(log)), log, Profile.LOG_SIGNER, Optional.empty())
                .certificate();
        assertEquals(List.of("1.3.6.1.5.5.7.3.36"), extendedKeyUsage(leaf), "RFC 9336 id-kp-documentSigning");
        assertTrue(leaf.getKeyUsage()[0], "digitalSignature");
        assertFalse(leaf.getKeyUsage()[5], "no keyCertSign");
        assertEquals(-1, leaf.getBasicConstraints());
        assertEquals(
                "cairn://demo.example/log/audit",
                leaf.getSubjectAlternativeNames().iterator().next().get(1));
        assertEquals(
                ErrorCode.CSR_NAMES_NOT_ALLOWED,
                rejected(() -> ca.issue(csr(type, Optional.empty()), NODE, Profile.LOG_SIGNER, Optional.empty()))
                        .code());
        assertEquals(
                ErrorCode.CSR_NAMES_NOT_ALLOWED,
                rejected(() -> ca.issue(csr(type, Optional.empty()), log, Profile.SERVICE, Optional.empty()))
                        .code());
        assertEquals(
                ErrorCode.CA_TTL_OUT_OF_RANGE,
                rejected(() -> ca.issue(
                                csr(type, Optional.empty()), log, Profile.LOG_SIGNER, Optional.of(Duration.ofDays(31))))
                        .code());
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void lifetimesStayWithinTheProfileAndTheIssuer(KeyType type) {
        CertificateAuthority ca = ca(type, dir, CLOCK);
        VerifiedCsr request = csr(type, Optional.empty());
        assertEquals(
                ErrorCode.CA_TTL_OUT_OF_RANGE,
                rejected(() -> ca.issue(request, NODE, Profile.NODE_CLIENT, Optional.of(Duration.ofDays(8))))
                        .code());
        assertEquals(
                ErrorCode.CA_TTL_OUT_OF_RANGE,
                rejected(() -> ca.issue(request, NODE, Profile.NODE_CLIENT, Optional.of(Duration.ofMinutes(1))))
                        .code());
        CertificateAuthority aging =
                ca(type, mkdir(dir.resolve("aging")), CLOCK, Clock.offset(CLOCK, Duration.ofDays(360)));
        assertEquals(
                ErrorCode.CA_NOT_VALID,
                rejected(() -> aging.issue(request, NODE, Profile.SERVICE, Optional.of(Duration.ofDays(30))))
                        .code());
    }

    private static List<String> extendedKeyUsage(X509Certificate certificate) {
        try {
            return certificate.getExtendedKeyUsage();
        } catch (java.security.cert.CertificateParsingException e) {
            throw new AssertionError(e);
        }
    }

    private static VerificationException rejected(Runnable action) {
        return assertThrows(VerificationException.class, action::run);
    }

    private static Path mkdir(Path path) {
        try {
            return Files.createDirectories(path);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.US_ASCII);
    }

    static void jdkValidate(X509Certificate leaf, CertificateAuthority ca, Date at) throws Exception {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> path = new ArrayList<>(List.of(leaf, ca.chain().get(0)));
        PKIXParameters parameters =
                new PKIXParameters(Set.of(new TrustAnchor(ca.chain().get(1), null)));
        parameters.setRevocationEnabled(false);
        parameters.setDate(at);
        CertPathValidator.getInstance("PKIX").validate(factory.generateCertPath(path), parameters);
    }
}
