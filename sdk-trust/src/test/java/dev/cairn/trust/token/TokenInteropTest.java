package dev.cairn.trust.token;

import static dev.cairn.trust.token.TokenFixtures.ALICE;
import static dev.cairn.trust.token.TokenFixtures.AT_T0;
import static dev.cairn.trust.token.TokenFixtures.READ_WRITE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.cairn.bytes.Bytes;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.keys.VerificationKey;
import dev.cairn.trust.internal.JcaKeys;
import dev.cairn.trust.token.internal.Jwks;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.Test;

/** Cairn's tokens and JWKs against Nimbus's stock JCA crypto and the JDK's own Ed25519 and ECDSA. */
class TokenInteropTest {
    @Test
    void nimbusStockEcdsaVerifierAcceptsOurEs256TokenWithTheJwkNimbusParsed() throws Exception {
        SigningKey key = TokenFixtures.key(KeyType.P256, "interop es256");
        OperatorTokenIssuer issuer = TokenFixtures.issuer(key, AT_T0);
        String token = issuer.issue(ALICE, READ_WRITE, Duration.ofHours(1)).token();
        ECKey jwk = (ECKey) JWKSet.parse(issuer.jwks()).getKeyByKeyId(Jwks.kid(key.verificationKey()));
        assertEquals(Curve.P_256, jwk.getCurve());
        assertEquals(KeyUse.SIGNATURE, jwk.getKeyUse());
        assertEquals(JWSAlgorithm.ES256, jwk.getAlgorithm());
        SignedJWT jwt = SignedJWT.parse(token);
        assertTrue(jwt.verify(new ECDSAVerifier(jwk)));
        assertEquals(
                new JOSEObjectType(OperatorTokenIssuer.TYPE), jwt.getHeader().getType());
        assertEquals(ALICE.uri(), jwt.getJWTClaimsSet().getSubject());
        assertEquals("clusters:read clusters:write", jwt.getJWTClaimsSet().getStringClaim("scope"));
    }

    @Test
    void aTokenFromNimbusStockEcdsaSignerWithAJdkKeyValidatesHere() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        VerificationKey cairnView = JcaKeys.verificationKey(
                SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded()));
        String kid = Jwks.kid(cairnView);
        String jwks = new JWKSet(new ECKey.Builder(Curve.P_256, (ECPublicKey) pair.getPublic())
                        .keyID(kid)
                        .keyUse(KeyUse.SIGNATURE)
                        .algorithm(JWSAlgorithm.ES256)
                        .build())
                .toString();
        OperatorTokenValidator validator = OperatorTokenValidator.builder()
                .expectIssuer(TokenFixtures.ISS)
                .expectAudience(TokenFixtures.AUD)
                .trustJwks(jwks)
                .clock(AT_T0)
                .build();
        ECDSASigner signer = new ECDSASigner((ECPrivateKey) pair.getPrivate());
        for (int i = 0; i < 16; i++) {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.ES256)
                            .type(new JOSEObjectType(OperatorTokenIssuer.TYPE))
                            .keyID(kid)
                            .build(),
                    claims("jti-" + i));
            jwt.sign(signer);
            VerifiedOperatorToken verified = validator.validate(jwt.serialize());
            assertEquals(ALICE, verified.operator());
            assertEquals(TokenAlgorithm.ES256, verified.algorithm());
            assertEquals("jti-" + i, verified.jti());
        }
    }

    @Test
    void theJdkEd25519VerifiesOurEdDsaSignatureAndNimbusReadsTheOkpJwk() throws Exception {
        SigningKey key = TokenFixtures.key(KeyType.ED25519, "interop eddsa");
        OperatorTokenIssuer issuer = TokenFixtures.issuer(key, AT_T0);
        String token = issuer.issue(ALICE, READ_WRITE, Duration.ofHours(1)).token();
        int dot = token.lastIndexOf('.');
        PublicKey jdkKey = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(
                        JcaKeys.publicKey(key.verificationKey()).getEncoded()));
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initVerify(jdkKey);
        ed25519.update(token.substring(0, dot).getBytes(StandardCharsets.US_ASCII));
        assertTrue(ed25519.verify(Bytes.fromBase64Url(token.substring(dot + 1)).toByteArray()));
        assertEquals("SunEC", ed25519.getProvider().getName(), "an implementation independent of Bouncy Castle");

        OctetKeyPair okp = (OctetKeyPair) JWKSet.parse(issuer.jwks()).getKeys().get(0);
        assertEquals(Curve.Ed25519, okp.getCurve());
        assertEquals(Jwks.kid(key.verificationKey()), okp.getKeyID());
        assertArrayEquals(key.verificationKey().encoded().toByteArray(), okp.getDecodedX());
    }

    @Test
    void aTokenSignedByTheJdkEd25519WithANimbusBuiltJwkValidatesHere() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] spki = pair.getPublic().getEncoded();
        byte[] raw = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
        String kid = Jwks.kid(VerificationKey.fromEncoded(KeyType.ED25519, raw));
        String jwks = new JWKSet(new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(raw))
                        .keyID(kid)
                        .build())
                .toString();
        String input = TokenFixtures.b64(TokenFixtures.header("EdDSA", OperatorTokenIssuer.TYPE, kid)) + "."
                + TokenFixtures.b64(JSONObjectUtils.toJSONString(claims("jdk").toJSONObject()));
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update(input.getBytes(StandardCharsets.US_ASCII));
        String token = input + "." + Bytes.copyOf(signer.sign()).toBase64Url();
        OperatorTokenValidator validator = OperatorTokenValidator.builder()
                .expectIssuer(TokenFixtures.ISS)
                .expectAudience(TokenFixtures.AUD)
                .trustJwks(jwks)
                .clock(AT_T0)
                .build();
        assertEquals("jdk", validator.validate(token).jti());
    }

    private static JWTClaimsSet claims(String jti) {
        Date now = Date.from(TokenFixtures.T0);
        return new JWTClaimsSet.Builder()
                .issuer(TokenFixtures.ISS)
                .subject(ALICE.uri())
                .audience(TokenFixtures.AUD)
                .claim("scope", "clusters:read")
                .issueTime(now)
                .notBeforeTime(now)
                .expirationTime(Date.from(TokenFixtures.T0.plusSeconds(600)))
                .jwtID(jti)
                .build();
    }
}
