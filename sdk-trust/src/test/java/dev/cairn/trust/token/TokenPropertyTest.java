package dev.cairn.trust.token;

import static dev.cairn.trust.token.TokenFixtures.ALICE;
import static dev.cairn.trust.token.TokenFixtures.AT_T0;
import static dev.cairn.trust.token.TokenFixtures.READ_WRITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class TokenPropertyTest {
    private static final SigningKey ED = TokenFixtures.key(KeyType.ED25519, "property ed25519");
    private static final SigningKey EC = TokenFixtures.key(KeyType.P256, "property p256");
    private static final SigningKey STRANGER = TokenFixtures.key(KeyType.ED25519, "property stranger");
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
    private static final String JSONISH = "{}[]\":,. -+0123456789eEtrufalsn\\algtypkidsubexpnbfscopejti";

    /** Case fields: ttl s, skew s, anchor (0 start, 1 end, 2 anywhere), position in millionths. */
    private static Gen<int[]> windows() {
        return integers()
                .between(60, 86_400)
                .zip(
                        integers().between(0, 300),
                        integers().between(0, 2),
                        integers().between(0, 1_000_000),
                        (ttl, skew, anchor, position) -> new int[] {ttl, skew, anchor, position});
    }

    @Test
    void aTokenValidatesIffNowIsInItsSkewedWindowAndEverythingElseMatches() {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        qt().withExamples(600)
                .forAll(
                        windows(),
                        integers().between(-3000, 3000),
                        integers().between(0, 999),
                        integers().between(0, 63))
                .checkAssert((window, deltaMillis, issueMillis, bits) -> {
                    int flags = (bits >> 1) < 16 ? bits >> 1 : 0;
                    int ttl = window[0];
                    Duration skew = Duration.ofSeconds(window[1]);
                    SigningKey key = (bits & 1) == 0 ? ED : EC;
                    Instant issuedAt = TokenFixtures.T0.plusMillis(issueMillis);
                    String token = TokenFixtures.issuer(key, TokenFixtures.at(issuedAt))
                            .issue(ALICE, READ_WRITE, Duration.ofSeconds(ttl))
                            .token();
                    Instant nbf = TokenFixtures.T0;
                    Instant exp = nbf.plusSeconds(ttl);
                    Instant now = switch (window[2]) {
                        case 0 -> nbf.minus(skew).plusMillis(deltaMillis);
                        case 1 -> exp.plus(skew).plusMillis(deltaMillis);
                        default ->
                            nbf.minus(skew)
                                    .minusSeconds(120)
                                    .plusMillis((ttl + 2L * window[1] + 240) * window[3] / 1000);
                    };
                    OperatorTokenValidator validator = OperatorTokenValidator.builder()
                            .expectIssuer((flags & 1) == 0 ? TokenFixtures.ISS : "https://other.example")
                            .expectAudience((flags & 2) == 0 ? TokenFixtures.AUD : "other-service")
                            .requireScopes((flags & 4) == 0 ? OperatorScope.CLUSTERS_READ : OperatorScope.TRUST_ADMIN)
                            .trustKeys(((flags & 8) == 0 ? key : STRANGER).verificationKey())
                            .clockSkew(skew)
                            .clock(TokenFixtures.at(now))
                            .build();
                    ErrorCode expected = null;
                    if ((flags & 8) != 0) {
                        expected = ErrorCode.TOKEN_KEY_UNKNOWN;
                    } else if ((flags & 1) != 0) {
                        expected = ErrorCode.TOKEN_ISSUER_MISMATCH;
                    } else if ((flags & 2) != 0) {
                        expected = ErrorCode.TOKEN_AUDIENCE_MISMATCH;
                    } else if (!now.isBefore(exp.plus(skew))) {
                        expected = ErrorCode.TOKEN_EXPIRED;
                    } else if (now.isBefore(nbf.minus(skew))) {
                        expected = ErrorCode.TOKEN_NOT_YET_VALID;
                    } else if ((flags & 4) != 0) {
                        expected = ErrorCode.TOKEN_SCOPE_MISSING;
                    }
                    assertEquals(expected, outcome(validator, token), "now " + now + ", nbf " + nbf + ", exp " + exp);
                    seen.add(expected == null ? "valid" : expected.name());
                });
        assertEquals(
                Set.of(
                        "valid",
                        "TOKEN_KEY_UNKNOWN",
                        "TOKEN_ISSUER_MISMATCH",
                        "TOKEN_AUDIENCE_MISMATCH",
                        "TOKEN_EXPIRED",
                        "TOKEN_NOT_YET_VALID",
                        "TOKEN_SCOPE_MISSING"),
                seen,
                "the cases reach every outcome");
    }

    @Test
    void noSingleCharacterChangeEverValidates() {
        for (SigningKey key : List.of(ED, EC)) {
            OperatorTokenIssuer issuer = TokenFixtures.issuer(key, AT_T0);
            String token = issuer.issue(ALICE, READ_WRITE, Duration.ofHours(1)).token();
            OperatorTokenValidator validator =
                    TokenFixtures.validator(issuer, AT_T0).build();
            assertEquals(null, outcome(validator, token));
            qt().withExamples(1500)
                    .forAll(
                            integers().between(0, token.length() - 1),
                            integers().between(0, 127))
                    .assuming((position, c) -> token.charAt(position) != c)
                    .checkAssert((position, c) -> {
                        String changed = token.substring(0, position) + (char) (int) c + token.substring(position + 1);
                        assertTrue(outcome(validator, changed) != null, changed);
                    });
        }
    }

    @Test
    void arbitraryTextYieldsOnlyTypedTokenErrors() {
        OperatorTokenIssuer issuer = TokenFixtures.issuer(ED, AT_T0);
        OperatorTokenValidator validator =
                TokenFixtures.validator(issuer, AT_T0).build();
        qt().withExamples(1000)
                .forAll(strings().allPossible().ofLengthBetween(0, 200))
                .checkAssert(text -> assertTrue(outcome(validator, text) != null));
        qt().withExamples(1000)
                .forAll(from(ALPHABET, 0, 300))
                .checkAssert(text -> assertTrue(outcome(validator, text) != null));
        qt().withExamples(1000)
                .forAll(from(JSONISH, 0, 120), from(JSONISH, 0, 200))
                .checkAssert((header, payload) -> {
                    assertTrue(outcome(validator, TokenFixtures.forge(ED, header, payload)) != null);
                    assertTrue(outcome(validator, TokenFixtures.forge(ED, TokenFixtures.header(ED), payload)) != null);
                });
    }

    @Test
    void arbitraryJwksTextYieldsOnlyTypedKeyErrors() {
        qt().withExamples(1000).forAll(from(JSONISH + "xyOKPEC", 0, 200)).checkAssert(text -> {
            try {
                OperatorTokenValidator.builder().trustJwks(text);
                fail("accepted " + text);
            } catch (CairnException e) {
                assertTrue(e.code() == ErrorCode.KEY_INVALID || e.code() == ErrorCode.KEY_UNSUPPORTED, text);
            }
        });
    }

    /** Strings over an alphabet. */
    private static Gen<String> from(String alphabet, int min, int max) {
        return lists().of(integers().between(0, alphabet.length() - 1))
                .ofSizeBetween(min, max)
                .map(indexes -> indexes.stream()
                        .map(i -> String.valueOf(alphabet.charAt(i)))
                        .collect(Collectors.joining()));
    }

    /** The error code a validation ends with, or {@code null} when it accepts; any other exception escapes. */
    private static ErrorCode outcome(OperatorTokenValidator validator, String token) {
        try {
            validator.validate(token);
            return null;
        } catch (CairnException e) {
            assertTrue(e.code().name().startsWith("TOKEN_"), e.code() + " for " + token);
            return e.code();
        }
    }
}
