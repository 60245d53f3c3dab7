package dev.cairn.trust.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Arrays;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.junit.jupiter.api.Test;

class X509SignaturesTest {
    private static final byte[] TBS = "a to-be-signed structure".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final AlgorithmIdentifier ECDSA = new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);
    private static final AlgorithmIdentifier ED25519 = new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519);

    @Test
    void aJdkEcdsaSignatureVerifiesAndItsMutationsDoNot() throws Exception {
        SigningKey key = SigningKey.generate(KeyType.P256, new SecureRandom());
        Signature jdk = Signature.getInstance("SHA256withECDSA");
        jdk.initSign(JcaKeys.privateKey(key, dev.cairn.bytes.InsecureSecretKeyAccess.get()));
        jdk.update(TBS);
        byte[] der = jdk.sign();
        assertTrue(X509Signatures.verifies(key.verificationKey(), ECDSA, TBS, der));
        assertFalse(X509Signatures.verifies(key.verificationKey(), ED25519, TBS, der), "algorithm of another key type");
        assertFalse(X509Signatures.verifies(
                key.verificationKey(),
                new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256, DERNull.INSTANCE),
                TBS,
                der));
        assertFalse(
                X509Signatures.verifies(key.verificationKey(), ECDSA, TBS, Arrays.copyOf(der, der.length + 1)),
                "trailing byte");
        byte[] tbs = TBS.clone();
        tbs[0] ^= 1;
        assertFalse(X509Signatures.verifies(key.verificationKey(), ECDSA, tbs, der));
        // r negated: the same magnitude read as a negative INTEGER must not verify.
        byte[] negative = der.clone();
        int rLength = negative[3];
        if (negative[4] == 0) { // a leading zero keeps r positive; dropping it is not minimal DER either
            negative[4] = (byte) 0x80;
        } else {
            negative[4] |= (byte) 0x80;
        }
        assertFalse(X509Signatures.verifies(key.verificationKey(), ECDSA, TBS, negative), "r length " + rLength);
    }

    @Test
    void ed25519SignaturesVerifyOnlyUnderTheEd25519Algorithm() {
        SigningKey key = SigningKey.generate(KeyType.ED25519, new SecureRandom());
        byte[] signature = key.sign(TBS);
        assertTrue(X509Signatures.verifies(key.verificationKey(), ED25519, TBS, signature));
        assertFalse(X509Signatures.verifies(key.verificationKey(), ECDSA, TBS, signature));
        assertFalse(X509Signatures.verifies(key.verificationKey(), ED25519, TBS, Arrays.copyOf(signature, 63)));
    }
}
