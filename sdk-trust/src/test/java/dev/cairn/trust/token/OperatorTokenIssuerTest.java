package dev.cairn.trust.token;

import static dev.cairn.trust.token.TokenFixtures.ALICE;
import static dev.cairn.trust.token.TokenFixtures.AT_T0;
import static dev.cairn.trust.token.TokenFixtures.READ_WRITE;
import static dev.cairn.trust.token.TokenFixtures.TD;
import static dev.cairn.trust.token.TokenFixtures.at;
import static dev.cairn.trust.token.TokenFixtures.code;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;
import dev.cairn.errors.ErrorCode;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.token.internal.Jwks;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OperatorTokenIssuerTest {
    private static final SigningKey OLD = TokenFixtures.key(KeyType.ED25519, "issuer old");
    private static final SigningKey NEW = TokenFixtures.key(KeyType.P256, "issuer new");

    @Test
    void theTokenCarriesExactlyTheSpecifiedHeaderAndClaims() throws Exception {
        OperatorTokenIssuer issuer = TokenFixtures.issuer(OLD, at(Duration.ofMillis(999)));
        IssuedOperatorToken issued = issuer.issue(
                ALICE, Set.of(OperatorScope.AUDIT_READ, OperatorScope.CLUSTERS_READ), Duration.ofMillis(90_500));
        SignedJWT jwt = SignedJWT.parse(issued.token());
        Map<String, Object> header = jwt.getHeader().toJSONObject();
        assertEquals(
                Map.of("alg", "EdDSA", "typ", OperatorTokenIssuer.TYPE, "kid", Jwks.kid(OLD.verificationKey())),
                header);
        long iat = TokenFixtures.t0();
        Map<String, Object> claims = JSONObjectUtils.parse(jwt.getPayload().toString());
        assertEquals(
                Map.of(
                        "iss",
                        TokenFixtures.ISS,
                        "sub",
                        "cairn://demo.example/operator/alice",
                        "aud",
                        TokenFixtures.AUD,
                        "scope",
                        "clusters:read audit:read",
                        "iat",
                        iat,
                        "nbf",
                        iat,
                        "exp",
                        iat + 90,
                        "jti",
                        issued.jti()),
                claims);
        assertEquals(22, issued.jti().length());
        assertEquals(TokenFixtures.T0, issued.issuedAt());
        assertEquals(TokenFixtures.T0.plusSeconds(90), issued.expiresAt());
        assertFalse(issued.toString().contains(issued.token()), "the bearer token is not rendered");
        assertNotEquals(
                issued.jti(),
                issuer.issue(ALICE, READ_WRITE, Duration.ofHours(1)).jti());
    }

    @Test
    void lifetimesScopesAndSubjectsOutsideTheSpecAreRefused() {
        OperatorTokenIssuer issuer = TokenFixtures.issuer(OLD, AT_T0);
        issuer.issue(ALICE, READ_WRITE, OperatorTokenIssuer.MIN_TTL);
        issuer.issue(ALICE, READ_WRITE, OperatorTokenIssuer.MAX_TTL);
        assertThrows(IllegalArgumentException.class, () -> issuer.issue(ALICE, READ_WRITE, Duration.ofSeconds(59)));
        assertThrows(
                IllegalArgumentException.class,
                () -> issuer.issue(ALICE, READ_WRITE, OperatorTokenIssuer.MAX_TTL.plusSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> issuer.issue(ALICE, Set.of(), Duration.ofHours(1)));
        CairnId node = CairnId.node(TD, "c1", "n-1");
        assertThrows(IllegalArgumentException.class, () -> issuer.issue(node, READ_WRITE, Duration.ofHours(1)));
        assertThrows(
                IllegalStateException.class, () -> OperatorTokenIssuer.builder().build());
        assertThrows(
                IllegalArgumentException.class,
                () -> OperatorTokenIssuer.builder().issuer("x".repeat(256)));
        assertThrows(
                IllegalArgumentException.class,
                () -> OperatorTokenIssuer.builder().audience("caf\u00e9"));
    }

    @Test
    void rotationKeepsTheOldKeyValidatingUntilItIsDropped() {
        OperatorTokenIssuer before = TokenFixtures.issuer(OLD, AT_T0);
        String oldToken = before.issue(ALICE, READ_WRITE, Duration.ofHours(1)).token();
        OperatorTokenIssuer after = before.rotate(NEW);
        assertEquals(List.of(NEW.verificationKey(), OLD.verificationKey()), after.publishedKeys());
        assertEquals(NEW.verificationKey(), after.currentKey());
        assertEquals(List.of(OLD.verificationKey()), before.publishedKeys(), "rotation returns a new issuer");
        String newToken = after.issue(ALICE, READ_WRITE, Duration.ofHours(1)).token();
        OperatorTokenValidator both = TokenFixtures.validator(after, AT_T0).build();
        assertEquals(TokenAlgorithm.EDDSA, both.validate(oldToken).algorithm());
        assertEquals(TokenAlgorithm.ES256, both.validate(newToken).algorithm());

        OperatorTokenIssuer dropped = after.drop(OLD.verificationKey());
        assertEquals(List.of(NEW.verificationKey()), dropped.publishedKeys());
        OperatorTokenValidator newOnly = TokenFixtures.validator(dropped, AT_T0).build();
        assertEquals(ErrorCode.TOKEN_KEY_UNKNOWN, code(() -> newOnly.validate(oldToken)));
        newOnly.validate(newToken);
        assertThrows(IllegalArgumentException.class, () -> dropped.drop(NEW.verificationKey()));
        assertEquals(
                List.of(OLD.verificationKey(), NEW.verificationKey()),
                after.rotate(OLD).publishedKeys());
    }

    @Test
    void theJwksIsDeterministicAndListsRetiredKeysAfterTheCurrentOne() {
        OperatorTokenIssuer restarted = OperatorTokenIssuer.builder()
                .issuer(TokenFixtures.ISS)
                .audience(TokenFixtures.AUD)
                .signingKey(NEW)
                .retiredKey(OLD.verificationKey())
                .retiredKey(OLD.verificationKey())
                .retiredKey(NEW.verificationKey())
                .build();
        assertEquals(TokenFixtures.issuer(OLD, AT_T0).rotate(NEW).jwks(), restarted.jwks());
        assertEquals(List.of(NEW.verificationKey(), OLD.verificationKey()), restarted.publishedKeys());
        assertTrue(restarted.toString().contains(TokenFixtures.ISS));
    }
}
