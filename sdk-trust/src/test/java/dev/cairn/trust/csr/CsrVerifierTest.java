package dev.cairn.trust.csr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.identity.TrustDomain;
import dev.cairn.trust.internal.JcaKeys;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CsrVerifierTest {
    static final TrustDomain TD = new TrustDomain("demo.example");
    static final CairnId NODE = CairnId.node(TD, "c1", "n-1");
    private static final InsecureSecretKeyAccess ACCESS = InsecureSecretKeyAccess.get();

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void aBuiltCsrVerifiesInDerAndPem(KeyType type) {
        SigningKey key = SigningKey.generate(type, new SecureRandom());
        Csr csr = CsrBuilder.build(key, Optional.of(NODE));
        VerifiedCsr der = CsrVerifier.verify(csr.der().toByteArray());
        VerifiedCsr pem = CsrVerifier.verify(csr.pem().getBytes(StandardCharsets.US_ASCII));
        assertEquals(key.verificationKey(), der.key());
        assertEquals(List.of(NODE.uri()), der.requestedUris());
        assertEquals(der.key(), pem.key());
        assertEquals(
                List.of(),
                CsrVerifier.verify(CsrBuilder.build(key, Optional.empty()).der().toByteArray())
                        .requestedUris());
    }

    @Test
    void aFlippedSignatureBitIsNoProofOfPossession() {
        byte[] der = CsrBuilder.build(SigningKey.generate(KeyType.ED25519, new SecureRandom()), Optional.of(NODE))
                .der()
                .toByteArray();
        der[der.length - 1] ^= 1;
        assertEquals(ErrorCode.CSR_BAD_SIGNATURE, fails(der).code());
    }

    @Test
    void trailingBytesAndGarbageAreMalformed() {
        byte[] der = CsrBuilder.build(SigningKey.generate(KeyType.P256, new SecureRandom()), Optional.empty())
                .der()
                .toByteArray();
        byte[] longer = java.util.Arrays.copyOf(der, der.length + 1);
        assertEquals(ErrorCode.CSR_MALFORMED, fails(longer).code());
        assertEquals(
                ErrorCode.CSR_MALFORMED, fails(new byte[] {0x30, 0x03, 1, 2, 3}).code());
        assertEquals(
                ErrorCode.CSR_MALFORMED,
                fails(new byte[CsrVerifier.MAX_BYTES + 1]).code());
        assertEquals(
                ErrorCode.CSR_MALFORMED,
                fails("-----BEGIN CERTIFICATE REQUEST-----\n!!!\n-----END CERTIFICATE REQUEST-----\n"
                                .getBytes(StandardCharsets.US_ASCII))
                        .code());
    }

    @Test
    void anRsaKeyIsNotAllowed() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair rsa = generator.generateKeyPair();
        byte[] der = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=x"), rsa.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(rsa.getPrivate()))
                .getEncoded();
        assertEquals(ErrorCode.CSR_KEY_NOT_ALLOWED, fails(der).code());
    }

    @Test
    void extensionsOtherThanUriSansAreNotAllowed() throws Exception {
        GeneralNames dns = new GeneralNames(new GeneralName(GeneralName.dNSName, "evil.example"));
        assertEquals(
                ErrorCode.CSR_EXTENSION_NOT_ALLOWED,
                fails(withExtension(new Extension(Extension.subjectAlternativeName, false, dns.getEncoded())))
                        .code());
        assertEquals(
                ErrorCode.CSR_EXTENSION_NOT_ALLOWED,
                fails(withExtension(new Extension(
                                Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign).getEncoded())))
                        .code());
    }

    @Test
    void arbitraryBytesGiveACodedErrorOnly() {
        byte[] good = CsrBuilder.build(SigningKey.generate(KeyType.ED25519, new SecureRandom()), Optional.of(NODE))
                .der()
                .toByteArray();
        qt().forAll(integers().between(0, good.length * 8 - 1), integers().between(0, Integer.MAX_VALUE))
                .checkAssert((bit, seed) -> {
                    byte[] mutated = good.clone();
                    mutated[bit / 8] ^= (byte) (1 << (bit % 8));
                    assertThrows(CairnException.class, () -> CsrVerifier.verify(mutated), "bit " + bit);
                    byte[] random = new byte[new Random(seed).nextInt(400)];
                    new Random(seed).nextBytes(random);
                    assertThrows(CairnException.class, () -> CsrVerifier.verify(random));
                });
    }

    private static byte[] withExtension(Extension extension) throws Exception {
        SigningKey key = SigningKey.generate(KeyType.P256, new SecureRandom());
        return new JcaPKCS10CertificationRequestBuilder(
                        new X500Name(new org.bouncycastle.asn1.x500.RDN[0]), JcaKeys.publicKey(key.verificationKey()))
                .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, new Extensions(extension))
                .build(JcaKeys.contentSigner(key))
                .getEncoded();
    }

    private static CairnException fails(byte[] input) {
        return assertThrows(CairnException.class, () -> CsrVerifier.verify(input));
    }
}
