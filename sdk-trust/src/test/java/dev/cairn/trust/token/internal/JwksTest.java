package dev.cairn.trust.token.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.keys.VerificationKey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JwksTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final VerificationKey ED =
            SigningKey.generate(KeyType.ED25519, RANDOM).verificationKey();
    private static final VerificationKey EC =
            SigningKey.generate(KeyType.P256, RANDOM).verificationKey();

    @Test
    void keysRoundTripInOrderAndRenderDeterministically() {
        String jwks = Jwks.render(List.of(ED, EC));
        assertEquals(List.of(ED, EC), Jwks.parse(jwks));
        assertEquals(jwks, Jwks.render(Jwks.parse(jwks)));
        assertTrue(jwks.startsWith("{\"keys\":[{\"alg\":\"EdDSA\",\"crv\":\"Ed25519\",\"kid\":\"" + Jwks.kid(ED)
                + "\",\"kty\":\"OKP\",\"use\":\"sig\",\"x\":\""));
        assertTrue(jwks.contains("{\"alg\":\"ES256\",\"crv\":\"P-256\",\"kid\":\"" + Jwks.kid(EC)
                + "\",\"kty\":\"EC\",\"use\":\"sig\",\"x\":\""));
        assertEquals(43, Jwks.kid(ED).length());
    }

    @Test
    void optionalAlgAndUseMayBeLeftOut() {
        String jwk = "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"" + Jwks.kid(ED) + "\",\"x\":\""
                + ED.encoded().toBase64Url() + "\"}]}";
        assertEquals(List.of(ED), Jwks.parse(jwk));
    }

    @Test
    void anythingButCairnPublicKeysIsRefusedWithAKeyCode() {
        String ed = Jwks.render(List.of(ED));
        String ec = Jwks.render(List.of(EC));
        assertCode(ErrorCode.KEY_INVALID, "not json");
        assertCode(ErrorCode.KEY_INVALID, "{\"keys\":[]}");
        assertCode(ErrorCode.KEY_INVALID, "{\"keys\":{}}");
        assertCode(ErrorCode.KEY_INVALID, "{\"keys\":[1]}");
        assertCode(ErrorCode.KEY_INVALID, ed.replace("{\"keys\"", "{\"extra\":1,\"keys\""));
        assertCode(ErrorCode.KEY_INVALID, ed.replace("\"use\":\"sig\"", "\"use\":\"sig\",\"d\":\"AAAA\""));
        assertCode(ErrorCode.KEY_INVALID, ed.replace("\"use\":\"sig\"", "\"use\":\"sig\",\"key_ops\":[\"verify\"]"));
        assertCode(ErrorCode.KEY_INVALID, ed.replace(Jwks.kid(ED), Jwks.kid(EC)));
        assertCode(ErrorCode.KEY_INVALID, ed.replace(",\"kid\":\"" + Jwks.kid(ED) + "\"", ""));
        assertCode(ErrorCode.KEY_INVALID, ed.replace("\"use\":\"sig\"", "\"use\":7"));
        assertCode(ErrorCode.KEY_INVALID, ed.replace("\"x\":\"", "\"x\":\"AA"));
        assertCode(ErrorCode.KEY_INVALID, ed.replace("\"x\":\"", "\"y\":\"AAAA\",\"x\":\""));
        assertCode(ErrorCode.KEY_INVALID, ec.replace("\"y\":\"", "\"y\":\"AAAA"));
        assertCode(
                ErrorCode.KEY_INVALID,
                ec.replace(",\"y\":\"" + EC.encoded().slice(33, 65).toBase64Url() + "\"", ""));
        assertCode(ErrorCode.KEY_INVALID, "{\"keys\":[" + "{},".repeat(30_000) + "{}]}");
        assertCode(ErrorCode.KEY_UNSUPPORTED, ed.replace("\"Ed25519\"", "\"X25519\""));
        assertCode(ErrorCode.KEY_UNSUPPORTED, ec.replace("\"P-256\"", "\"P-384\""));
        assertCode(ErrorCode.KEY_UNSUPPORTED, ec.replace("\"kty\":\"EC\"", "\"kty\":\"RSA\""));
        assertCode(ErrorCode.KEY_UNSUPPORTED, ed.replace("\"EdDSA\"", "\"ES256\""));
        assertCode(ErrorCode.KEY_UNSUPPORTED, ed.replace("\"use\":\"sig\"", "\"use\":\"enc\""));
    }

    @Test
    void theSignerAndVerifierSpeakNimbusAndRefuseAnotherAlgorithm() throws Exception {
        SigningKey key = SigningKey.generate(KeyType.P256, RANDOM);
        KeyJwsSigner signer = new KeyJwsSigner(key);
        KeyJwsVerifier verifier = new KeyJwsVerifier(key.verificationKey());
        JWSHeader es256 = new JWSHeader(JWSAlgorithm.ES256);
        byte[] input = "header.payload".getBytes(StandardCharsets.US_ASCII);
        Base64URL signature = signer.sign(es256, input);
        assertEquals(64, signature.decode().length);
        assertTrue(verifier.verify(es256, input, signature));
        assertFalse(verifier.verify(es256, "header.payloaf".getBytes(StandardCharsets.US_ASCII), signature));
        assertEquals(Set.of(JWSAlgorithm.ES256), signer.supportedJWSAlgorithms());
        assertEquals(Set.of(JWSAlgorithm.ES256), verifier.supportedJWSAlgorithms());
        JWSHeader eddsa = new JWSHeader(JWSAlgorithm.EdDSA);
        assertThrows(JOSEException.class, () -> signer.sign(eddsa, input));
        assertThrows(JOSEException.class, () -> verifier.verify(eddsa, input, signature));
    }

    private static void assertCode(ErrorCode expected, String jwks) {
        assertEquals(
                expected,
                assertThrows(CairnException.class, () -> Jwks.parse(jwks)).code(),
                jwks);
    }
}
