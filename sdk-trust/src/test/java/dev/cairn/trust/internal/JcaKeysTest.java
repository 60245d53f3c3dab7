package dev.cairn.trust.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.VerificationException;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.operator.ContentSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JcaKeysTest {
    @ParameterizedTest
    @EnumSource(KeyType.class)
    void aContentSignerSignsWhatTheJcaPublicKeyVerifies(KeyType type) throws Exception {
        SigningKey key = SigningKey.generate(type, new SecureRandom());
        ContentSigner signer = JcaKeys.contentSigner(key);
        byte[] message = "to be signed".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (var out = signer.getOutputStream()) {
            out.write(message);
        }
        byte[] signature = signer.getSignature();
        Signature verifier = Signature.getInstance(JcaKeys.signatureAlgorithm(type), JcaKeys.PROVIDER);
        verifier.initVerify(JcaKeys.publicKey(key.verificationKey()));
        verifier.update(message);
        assertTrue(verifier.verify(signature));
        SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(
                JcaKeys.publicKey(key.verificationKey()).getEncoded());
        assertEquals(key.verificationKey(), JcaKeys.verificationKey(info));
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void contentSignaturesAreDeterministicAndVerifiedByTheJdk(KeyType type) throws Exception {
        SigningKey key = SigningKey.generate(type, new SecureRandom());
        byte[] message = "a TBSCertificate".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] first = sign(key, message);
        assertArrayEquals(first, sign(key, message));
        Signature jdk = Signature.getInstance(JcaKeys.signatureAlgorithm(type));
        jdk.initVerify(JcaKeys.publicKey(key.verificationKey()));
        jdk.update(message);
        assertTrue(jdk.verify(first));
    }

    private static byte[] sign(SigningKey key, byte[] message) throws Exception {
        ContentSigner signer = JcaKeys.contentSigner(key);
        try (var out = signer.getOutputStream()) {
            out.write(message);
        }
        return signer.getSignature();
    }

    @Test
    void rsaKeysAreNotCairnKeys() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(
                rsa.generateKeyPair().getPublic().getEncoded());
        assertEquals(
                ErrorCode.KEY_UNSUPPORTED,
                assertThrows(VerificationException.class, () -> JcaKeys.verificationKey(info))
                        .code());
    }
}
