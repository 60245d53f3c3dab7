package dev.cairn.trust.token;

import static dev.cairn.trust.token.TokenFixtures.ALICE;
import static dev.cairn.trust.token.TokenFixtures.AT_T0;
import static dev.cairn.trust.token.TokenFixtures.AUD;
import static dev.cairn.trust.token.TokenFixtures.ISS;
import static dev.cairn.trust.token.TokenFixtures.READ_WRITE;
import static dev.cairn.trust.token.TokenFixtures.at;
import static dev.cairn.trust.token.TokenFixtures.b64;
import static dev.cairn.trust.token.TokenFixtures.claims;
import static dev.cairn.trust.token.TokenFixtures.code;
import static dev.cairn.trust.token.TokenFixtures.forge;
import static dev.cairn.trust.token.TokenFixtures.header;
import static dev.cairn.trust.token.TokenFixtures.t0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.cairn.errors.ErrorCode;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.token.internal.Jwks;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OperatorTokenValidatorTest {
    private static final SigningKey ED = TokenFixtures.key(KeyType.ED25519, "validator ed25519");
    private static final SigningKey EC = TokenFixtures.key(KeyType.P256, "validator p256");
    private static final OperatorTokenIssuer ISSUER = TokenFixtures.issuer(ED, AT_T0);
    private static final OperatorTokenValidator VALIDATOR =
            TokenFixtures.validator(ISSUER, AT_T0).build();

    private static String token() {
        return ISSUER.issue(ALICE, READ_WRITE, Duration.ofHours(1)).token();
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void anIssuedTokenValidatesWithEveryClaim(KeyType type) {
        SigningKey key = TokenFixtures.key(type, "round trip " + type);
        OperatorTokenIssuer issuer = TokenFixtures.issuer(key, AT_T0);
        IssuedOperatorToken issued = issuer.issue(ALICE, READ_WRITE, Duration.ofMinutes(30));
        VerifiedOperatorToken verified = TokenFixtures.validator(issuer, AT_T0)
                .requireScopes(OperatorScope.CLUSTERS_READ)
                .build()
                .validate(issued.token());
        assertEquals(ALICE, verified.operator());
        assertEquals(READ_WRITE, verified.scopes());
        assertTrue(verified.hasScope(OperatorScope.CLUSTERS_WRITE));
        assertFalse(verified.hasScope(OperatorScope.TRUST_ADMIN));
        assertEquals(ISS, verified.issuer());
        assertEquals(AUD, verified.audience());
        assertEquals(TokenFixtures.T0, verified.issuedAt());
        assertEquals(TokenFixtures.T0, verified.notBefore());
        assertEquals(TokenFixtures.T0.plus(Duration.ofMinutes(30)), verified.expiresAt());
        assertEquals(issued.jti(), verified.jti());
        assertEquals(Jwks.kid(key.verificationKey()), verified.kid());
        assertEquals(TokenAlgorithm.of(type), verified.algorithm());
        assertEquals(
                ErrorCode.TOKEN_SCOPE_MISSING, code(() -> verified.requireScopes(Set.of(OperatorScope.AUDIT_READ))));
    }

    @Test
    void unsecuredHmacAndRestrictedAlgorithmsAreNotAllowed() throws Exception {
        String kid = Jwks.kid(ED.verificationKey());
        String none = b64("{\"alg\":\"none\",\"typ\":\"" + OperatorTokenIssuer.TYPE + "\"}") + "."
                + b64(claims(t0(), t0(), t0() + 3600)) + ".";
        assertEquals(ErrorCode.TOKEN_ALG_NOT_ALLOWED, code(() -> VALIDATOR.validate(none)));
        SignedJWT hmac = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .type(new JOSEObjectType(OperatorTokenIssuer.TYPE))
                        .keyID(kid)
                        .build(),
                JWTClaimsSet.parse(claims(t0(), t0(), t0() + 3600)));
        hmac.sign(new MACSigner(ED.verificationKey().encoded().toByteArray()));
        assertEquals(ErrorCode.TOKEN_ALG_NOT_ALLOWED, code(() -> VALIDATOR.validate(hmac.serialize())));
        String rs256 = forge(ED, header("RS256", OperatorTokenIssuer.TYPE, kid), claims(t0(), t0(), t0() + 60));
        assertEquals(ErrorCode.TOKEN_ALG_NOT_ALLOWED, code(() -> VALIDATOR.validate(rs256)));
        String lowercase = forge(ED, header("eddsa", OperatorTokenIssuer.TYPE, kid), claims(t0(), t0(), t0() + 60));
        assertEquals(ErrorCode.TOKEN_ALG_NOT_ALLOWED, code(() -> VALIDATOR.validate(lowercase)));
        OperatorTokenValidator es256Only = TokenFixtures.validator(ISSUER, AT_T0)
                .allowAlgorithms(TokenAlgorithm.ES256)
                .build();
        assertEquals(ErrorCode.TOKEN_ALG_NOT_ALLOWED, code(() -> es256Only.validate(token())));
    }

    @Test
    void anAlgorithmThatDoesNotMatchTheKeyIsNotAllowed() {
        String kid = Jwks.kid(ED.verificationKey());
        String es256 = forge(EC, header("ES256", OperatorTokenIssuer.TYPE, kid), claims(t0(), t0(), t0() + 60));
        assertEquals(ErrorCode.TOKEN_ALG_NOT_ALLOWED, code(() -> VALIDATOR.validate(es256)));
    }

    @Test
    void aKeyOutsideTheJwksIsUnknownAndAForeignSignatureUnderATrustedKidIsBad() {
        SigningKey stranger = TokenFixtures.key(KeyType.ED25519, "stranger");
        String unknown = TokenFixtures.issuer(stranger, AT_T0)
                .issue(ALICE, READ_WRITE, Duration.ofHours(1))
                .token();
        assertEquals(ErrorCode.TOKEN_KEY_UNKNOWN, code(() -> VALIDATOR.validate(unknown)));
        String impostor = forge(stranger, header(ED), claims(t0(), t0(), t0() + 60));
        assertEquals(ErrorCode.TOKEN_BAD_SIGNATURE, code(() -> VALIDATOR.validate(impostor)));
    }

    @Test
    void aTamperedPayloadIsABadSignatureAndAShortSignatureMalformed() {
        String[] parts = token().split("\\.");
        String forged = b64(claims(t0(), t0(), t0() + 86_400).replace("clusters:read", "trust:admin"));
        assertEquals(
                ErrorCode.TOKEN_BAD_SIGNATURE,
                code(() -> VALIDATOR.validate(parts[0] + "." + forged + "." + parts[2])));
        String truncated = parts[0] + "." + parts[1] + "." + parts[2].substring(0, 40);
        assertEquals(ErrorCode.TOKEN_MALFORMED, code(() -> VALIDATOR.validate(truncated)));
        String empty = parts[0] + "." + parts[1] + ".";
        assertEquals(ErrorCode.TOKEN_MALFORMED, code(() -> VALIDATOR.validate(empty)));
    }

    @Test
    void expiryHoldsUntilTheSkewHasPassed() {
        String token = ISSUER.issue(ALICE, READ_WRITE, Duration.ofMinutes(10)).token();
        Duration exp = Duration.ofMinutes(10);
        for (Duration skew : new Duration[] {Duration.ZERO, Duration.ofSeconds(60), Duration.ofMinutes(5)}) {
            OperatorTokenValidator.Builder builder =
                    TokenFixtures.validator(ISSUER, AT_T0).clockSkew(skew);
            Duration lastValid = exp.plus(skew).minusMillis(1);
            builder.clock(at(lastValid)).build().validate(token);
            assertEquals(
                    ErrorCode.TOKEN_EXPIRED,
                    code(() -> builder.clock(at(exp.plus(skew))).build().validate(token)));
        }
        OperatorTokenValidator defaultSkew =
                TokenFixtures.validator(ISSUER, at(exp.plusSeconds(59))).build();
        assertEquals(ALICE, defaultSkew.validate(token).operator());
        OperatorTokenValidator beyond =
                TokenFixtures.validator(ISSUER, at(exp.plusSeconds(61))).build();
        assertEquals(ErrorCode.TOKEN_EXPIRED, code(() -> beyond.validate(token)));
    }

    @Test
    void aNotBeforeInTheFutureIsNotYetValid() {
        String later = forge(ED, header(ED), claims(t0(), t0() + 600, t0() + 3600));
        assertEquals(ErrorCode.TOKEN_NOT_YET_VALID, code(() -> VALIDATOR.validate(later)));
        TokenFixtures.validator(ISSUER, at(Duration.ofSeconds(540))).build().validate(later);
        assertEquals(
                ErrorCode.TOKEN_NOT_YET_VALID,
                code(() -> TokenFixtures.validator(
                                ISSUER, at(Duration.ofSeconds(540).minusMillis(1)))
                        .build()
                        .validate(later)));
        String issuedAhead = TokenFixtures.issuer(ED, at(Duration.ofMinutes(2)))
                .issue(ALICE, READ_WRITE, Duration.ofHours(1))
                .token();
        assertEquals(ErrorCode.TOKEN_NOT_YET_VALID, code(() -> VALIDATOR.validate(issuedAhead)));
    }

    @Test
    void issuerAudienceAndScopesMustMatch() {
        String token = token();
        OperatorTokenValidator otherIssuer = OperatorTokenValidator.builder()
                .expectIssuer("https://other.example")
                .expectAudience(AUD)
                .trustKeys(ED.verificationKey())
                .clock(AT_T0)
                .build();
        assertEquals(ErrorCode.TOKEN_ISSUER_MISMATCH, code(() -> otherIssuer.validate(token)));
        OperatorTokenValidator otherAudience = OperatorTokenValidator.builder()
                .expectIssuer(ISS)
                .expectAudience("another-service")
                .trustKeys(ED.verificationKey())
                .clock(AT_T0)
                .build();
        assertEquals(ErrorCode.TOKEN_AUDIENCE_MISMATCH, code(() -> otherAudience.validate(token)));
        OperatorTokenValidator revoker = TokenFixtures.validator(ISSUER, AT_T0)
                .requireScopes(OperatorScope.CLUSTERS_READ, OperatorScope.CERTIFICATES_REVOKE)
                .build();
        assertEquals(ErrorCode.TOKEN_SCOPE_MISSING, code(() -> revoker.validate(token)));
    }

    @Test
    void theBuildersRefuseUnsafeOrIncompleteSettings() {
        OperatorTokenValidator.Builder builder = OperatorTokenValidator.builder();
        assertEquals(IllegalArgumentException.class, failure(() -> builder.clockSkew(Duration.ofMinutes(6))));
        assertEquals(IllegalArgumentException.class, failure(() -> builder.clockSkew(Duration.ofSeconds(-1))));
        assertEquals(IllegalArgumentException.class, failure(() -> builder.allowAlgorithms()));
        assertEquals(IllegalArgumentException.class, failure(() -> builder.expectIssuer("has space")));
        assertEquals(IllegalArgumentException.class, failure(() -> builder.expectAudience("")));
        assertEquals(IllegalStateException.class, failure(builder::build));
        builder.expectIssuer(ISS).expectAudience(AUD);
        assertEquals(IllegalStateException.class, failure(builder::build));
        builder.clockSkew(OperatorTokenValidator.MAX_CLOCK_SKEW)
                .trustKeys(ED.verificationKey())
                .build();
    }

    private static Class<?> failure(Runnable action) {
        try {
            action.run();
            return null;
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }
}
