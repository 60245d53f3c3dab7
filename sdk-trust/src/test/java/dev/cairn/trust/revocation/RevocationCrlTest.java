package dev.cairn.trust.revocation;

import static dev.cairn.trust.revocation.RevocationFixtures.TD;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.VerificationException;
import dev.cairn.keys.KeySet;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.ca.CertificateAuthority;
import dev.cairn.trust.ca.FileSerialLedger;
import dev.cairn.trust.ca.IssuedCertificate;
import dev.cairn.trust.ca.Profile;
import dev.cairn.trust.csr.CsrBuilder;
import dev.cairn.trust.csr.CsrVerifier;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.internal.Pem;
import dev.cairn.trust.support.OpenSsl;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.CRLReason;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The CRL made from a revocation head, checked by OpenSSL and by the JDK's PKIX validator. */
class RevocationCrlTest {
    private static final InsecureSecretKeyAccess ACCESS = InsecureSecretKeyAccess.get();

    @TempDir
    Path dir;

    /** A trust domain's CA, two issued leaves, and the issuer side of revocation. */
    private final class Domain {
        final CertificateAuthority ca;
        final SigningKey intermediateKey;
        final X509Certificate revokedLeaf;
        final X509Certificate goodLeaf;
        final RevocationChain chain = RevocationChain.create(Clock.systemUTC(), RevocationJournal.NONE);
        final RevocationCrlSigner crlSigner;
        final RevocationPublisher publisher;

        Domain(KeyType type) {
            SecureRandom random = new SecureRandom();
            intermediateKey = SigningKey.generate(type, random);
            ca = CertificateAuthority.initialize(
                    TD,
                    SigningKey.generate(type, random),
                    intermediateKey,
                    Duration.ofDays(365),
                    FileSerialLedger.open(dir.resolve("serials")),
                    random,
                    Clock.systemUTC(),
                    ACCESS);
            revokedLeaf = leaf(type, "n-1");
            goodLeaf = leaf(type, "n-2");
            crlSigner = RevocationCrlSigner.of(intermediate(), intermediateKey, ACCESS);
            publisher = RevocationPublisher.create(
                    TD,
                    chain,
                    new RevocationHeadSigner(intermediateKey),
                    crlSigner,
                    Clock.systemUTC(),
                    RevocationPublisher.DEFAULT_HEAD_VALIDITY,
                    -1);
        }

        private X509Certificate leaf(KeyType type, String node) {
            CairnId id = CairnId.node(TD, "c1", node);
            var csr = CsrBuilder.build(SigningKey.generate(type, new SecureRandom()), Optional.of(id));
            return ca.issue(CsrVerifier.verify(csr.der().toByteArray()), id, Profile.NODE_CLIENT, Optional.empty())
                    .certificate();
        }

        X509Certificate intermediate() {
            return ca.chain().get(0);
        }

        X509Certificate root() {
            return ca.chain().get(1);
        }
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void openSslVerifiesTheCrlAndRefusesTheRevokedLeafOnly(KeyType type) throws Exception {
        Domain domain = new Domain(type);
        domain.chain.revoke(domain.revokedLeaf.getSerialNumber(), RevocationReason.KEY_COMPROMISE);
        RevocationCrl crl = domain.publisher.publish().crl();
        Path crlFile = write("crl.pem", crl.pem());
        Path root = write("root.pem", IssuedCertificate.pem(domain.root()));
        Path intermediate = write("intermediate.pem", IssuedCertificate.pem(domain.intermediate()));
        Path both =
                write("cas.pem", IssuedCertificate.pem(domain.intermediate()) + IssuedCertificate.pem(domain.root()));
        Path revoked = write("revoked.pem", IssuedCertificate.pem(domain.revokedLeaf));
        Path good = write("good.pem", IssuedCertificate.pem(domain.goodLeaf));

        OpenSsl.Result signature = OpenSsl.run("crl", "-in", crlFile.toString(), "-CAfile", both.toString(), "-noout");
        assertTrue(signature.ok(), signature.output());
        // OpenSSL 3.0's crl command exits 0 even when verification fails; only its report tells.
        assertTrue(signature.output().contains("verify OK"), signature.output());

        OpenSsl.Result refused = OpenSsl.run(
                "verify",
                "-crl_check",
                "-CAfile",
                root.toString(),
                "-untrusted",
                intermediate.toString(),
                "-CRLfile",
                crlFile.toString(),
                revoked.toString());
        assertFalse(refused.ok(), refused.output());
        assertTrue(refused.output().contains("revoked"), refused.output());

        OpenSsl.Result accepted = OpenSsl.run(
                "verify",
                "-crl_check",
                "-CAfile",
                root.toString(),
                "-untrusted",
                intermediate.toString(),
                "-CRLfile",
                crlFile.toString(),
                good.toString());
        assertTrue(accepted.ok(), accepted.output());

        byte[] tampered = crl.der().toByteArray();
        tampered[tampered.length - 1] ^= 0x01;
        Path tamperedFile = write("tampered.pem", Pem.encode(RevocationCrl.PEM_LABEL, tampered));
        OpenSsl.Result forged =
                OpenSsl.run("crl", "-in", tamperedFile.toString(), "-CAfile", both.toString(), "-noout");
        assertTrue(forged.output().contains("verify failure"), forged.output());
        assertFalse(forged.output().contains("verify OK"), forged.output());
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void theJdkValidatorRefusesTheRevokedLeafWithTheCrlInACertStore(KeyType type) throws Exception {
        Domain domain = new Domain(type);
        domain.chain.revoke(domain.revokedLeaf.getSerialNumber(), RevocationReason.CESSATION_OF_OPERATION);
        X509CRL crl = domain.publisher.publish().crl().crl();
        CertPathValidatorException e =
                assertThrows(CertPathValidatorException.class, () -> jdkValidate(domain, domain.revokedLeaf, crl));
        assertEquals(CertPathValidatorException.BasicReason.REVOKED, e.getReason());
        jdkValidate(domain, domain.goodLeaf, crl);
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void theCrlCarriesTheHeadsData(KeyType type) throws Exception {
        Domain domain = new Domain(type);
        domain.chain.revoke(domain.revokedLeaf.getSerialNumber(), RevocationReason.KEY_COMPROMISE);
        domain.chain.revoke(BigInteger.valueOf(12345), RevocationReason.UNSPECIFIED);
        domain.publisher.publish();
        RevocationPublisher.Publication publication = domain.publisher.publish();
        RevocationHead head = publication.head();
        X509CRL crl = publication.crl().crl();
        crl.verify(domain.intermediate().getPublicKey());
        assertEquals(2, crl.getVersion());
        assertEquals(domain.intermediate().getSubjectX500Principal(), crl.getIssuerX500Principal());
        assertEquals(Date.from(head.issuedAt().truncatedTo(ChronoUnit.SECONDS)), crl.getThisUpdate());
        assertEquals(Date.from(head.nextUpdate().truncatedTo(ChronoUnit.SECONDS)), crl.getNextUpdate());
        assertEquals(1, head.sequence());
        ASN1Integer number =
                ASN1Integer.getInstance(JcaX509ExtensionUtils.parseExtensionValue(crl.getExtensionValue("2.5.29.20")));
        assertEquals(BigInteger.ONE, number.getValue());
        AuthorityKeyIdentifier aki = AuthorityKeyIdentifier.getInstance(
                JcaX509ExtensionUtils.parseExtensionValue(crl.getExtensionValue("2.5.29.35")));
        SubjectKeyIdentifier ski = SubjectKeyIdentifier.getInstance(
                JcaX509ExtensionUtils.parseExtensionValue(domain.intermediate().getExtensionValue("2.5.29.14")));
        assertArrayEquals(ski.getKeyIdentifier(), aki.getKeyIdentifierOctets());
        assertNull(aki.getAuthorityCertIssuer());
        assertEquals(2, crl.getRevokedCertificates().size());
        List<RevocationEntry> entries = domain.chain.entries(0, 2);
        X509CRLEntry compromised = crl.getRevokedCertificate(domain.revokedLeaf.getSerialNumber());
        assertEquals(CRLReason.KEY_COMPROMISE, compromised.getRevocationReason());
        assertEquals(
                Date.from(entries.get(0).revokedAt().truncatedTo(ChronoUnit.SECONDS)), compromised.getRevocationDate());
        assertNull(crl.getRevokedCertificate(BigInteger.valueOf(12345)).getRevocationReason());
        assertTrue(crl.isRevoked(domain.revokedLeaf));
        assertFalse(crl.isRevoked(domain.goodLeaf));
        X509CRL fromPem = (X509CRL) CertificateFactory.getInstance("X.509")
                .generateCRL(new ByteArrayInputStream(publication.crl().pem().getBytes(StandardCharsets.US_ASCII)));
        assertArrayEquals(publication.crl().der().toByteArray(), fromPem.getEncoded());
        assertArrayEquals(crl.getEncoded(), publication.crl().der().toByteArray());
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void eachReasonMapsToItsCrlReason(KeyType type) throws Exception {
        Domain domain = new Domain(type);
        for (RevocationReason reason : RevocationReason.values()) {
            domain.chain.revoke(BigInteger.valueOf(1000 + reason.code()), reason);
        }
        X509CRL crl = domain.publisher.publish().crl().crl();
        for (RevocationReason reason : RevocationReason.values()) {
            CRLReason found = crl.getRevokedCertificate(BigInteger.valueOf(1000 + reason.code()))
                    .getRevocationReason();
            if (reason == RevocationReason.UNSPECIFIED) {
                assertNull(found);
            } else {
                assertEquals(reason.code(), found.ordinal());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void publishedHeadsReachARelyingParty(KeyType type) {
        Domain domain = new Domain(type);
        RevocationState state = RevocationState.builder(TD, KeySet.of(domain.intermediateKey.verificationKey()))
                .build();
        RevocationPublisher.Publication first = domain.publisher.publish();
        assertEquals(0, first.head().sequence());
        state.update(first.signedHead().toByteArray(), List.of());
        state.checkNotRevoked(domain.revokedLeaf.getSerialNumber(), FreshnessTier.DANGEROUS);
        domain.chain.revoke(domain.revokedLeaf.getSerialNumber(), RevocationReason.PRIVILEGE_WITHDRAWN);
        RevocationPublisher.Publication second = domain.publisher.publish();
        state.update(
                second.signedHead().toByteArray(),
                domain.chain.entries(state.position().size(), second.head().size()));
        VerificationException e = assertThrows(
                VerificationException.class,
                () -> state.checkNotRevoked(domain.revokedLeaf.getSerialNumber(), FreshnessTier.SAFE));
        assertEquals(ErrorCode.CERT_REVOKED, e.code());
        state.checkNotRevoked(domain.goodLeaf.getSerialNumber(), FreshnessTier.DANGEROUS);
        assertEquals(1, domain.publisher.lastSequence());
        RevocationPublisher restarted = RevocationPublisher.create(
                TD,
                domain.chain,
                new RevocationHeadSigner(domain.intermediateKey),
                domain.crlSigner,
                Clock.systemUTC(),
                Duration.ofMinutes(10),
                domain.publisher.lastSequence());
        RevocationPublisher.Publication third = restarted.publish();
        assertEquals(2, third.head().sequence());
        state.update(third.signedHead().toByteArray(), List.of());
        assertEquals(2, state.head().orElseThrow().head().sequence());
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void theSignersRefuseInconsistentInput(KeyType type) {
        Domain domain = new Domain(type);
        domain.chain.revoke(BigInteger.TEN, RevocationReason.SUPERSEDED);
        RevocationHead head = domain.publisher.publish().head();
        assertEquals(
                ErrorCode.REVOCATION_CHAIN_BROKEN,
                assertThrows(VerificationException.class, () -> domain.crlSigner.sign(head, List.of()))
                        .code());
        List<RevocationEntry> other = RevocationFixtures.entries(1, 3);
        assertEquals(
                ErrorCode.REVOCATION_CHAIN_BROKEN,
                assertThrows(VerificationException.class, () -> domain.crlSigner.sign(head, other))
                        .code());
        SigningKey stranger = SigningKey.generate(type, new SecureRandom());
        assertThrows(
                IllegalArgumentException.class, () -> RevocationCrlSigner.of(domain.intermediate(), stranger, ACCESS));
        RevocationHeadSigner signer = new RevocationHeadSigner(domain.intermediateKey);
        assertThrows(
                IllegalArgumentException.class,
                () -> RevocationPublisher.create(
                        TD, domain.chain, signer, domain.crlSigner, Clock.systemUTC(), Duration.ZERO, -1));
        assertThrows(
                IllegalArgumentException.class,
                () -> RevocationPublisher.create(
                        TD, domain.chain, signer, domain.crlSigner, Clock.systemUTC(), Duration.ofDays(400), -1));
        assertThrows(
                IllegalArgumentException.class,
                () -> RevocationPublisher.create(
                        TD, domain.chain, signer, domain.crlSigner, Clock.systemUTC(), Duration.ofHours(1), -2));
    }

    private static void jdkValidate(Domain domain, X509Certificate leaf, X509CRL crl) throws Exception {
        CertPathValidator validator = CertPathValidator.getInstance("PKIX");
        PKIXRevocationChecker checker = (PKIXRevocationChecker) validator.getRevocationChecker();
        checker.setOptions(EnumSet.of(
                PKIXRevocationChecker.Option.PREFER_CRLS,
                PKIXRevocationChecker.Option.ONLY_END_ENTITY,
                PKIXRevocationChecker.Option.NO_FALLBACK));
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(domain.root(), null)));
        parameters.setRevocationEnabled(true);
        parameters.addCertPathChecker(checker);
        parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(List.of(crl))));
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        validator.validate(factory.generateCertPath(List.of(leaf, domain.intermediate())), parameters);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.US_ASCII);
    }
}
