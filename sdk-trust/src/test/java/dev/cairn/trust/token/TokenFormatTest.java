package dev.cairn.trust.token;

import static dev.cairn.trust.token.TokenFixtures.ALICE;
import static dev.cairn.trust.token.TokenFixtures.AT_T0;
import static dev.cairn.trust.token.TokenFixtures.AUD;
import static dev.cairn.trust.token.TokenFixtures.ISS;
import static dev.cairn.trust.token.TokenFixtures.READ_WRITE;
import static dev.cairn.trust.token.TokenFixtures.b64;
import static dev.cairn.trust.token.TokenFixtures.claims;
import static dev.cairn.trust.token.TokenFixtures.code;
import static dev.cairn.trust.token.TokenFixtures.forge;
import static dev.cairn.trust.token.TokenFixtures.header;
import static dev.cairn.trust.token.TokenFixtures.t0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.bytes.Bytes;
import dev.cairn.errors.ErrorCode;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.token.internal.Jwks;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The form of a token (spec/tokens.md, "Header", "Claims", "Limits"): every deviation is TOKEN_MALFORMED. */
class TokenFormatTest {
    private static final SigningKey ED = TokenFixtures.key(KeyType.ED25519, "format ed25519");
    private static final OperatorTokenIssuer ISSUER = TokenFixtures.issuer(ED, AT_T0);
    private static final OperatorTokenValidator VALIDATOR =
            TokenFixtures.validator(ISSUER, AT_T0).build();

    private static String token() {
        return ISSUER.issue(ALICE, READ_WRITE, Duration.ofHours(1)).token();
    }

    @Test
    void oversizedTokensAreMalformedBeforeParsing() {
        String big = "a".repeat(OperatorTokenValidator.MAX_TOKEN_CHARS + 1);
        assertEquals(ErrorCode.TOKEN_MALFORMED, code(() -> VALIDATOR.validate(big)));
        String padded = forge(
                ED, header(ED), claims(t0(), t0(), t0() + 60).replace("}", ",\"x\":\"" + "y".repeat(8000) + "\"}"));
        assertEquals(ErrorCode.TOKEN_MALFORMED, code(() -> VALIDATOR.validate(padded)));
        String nested = forge(
                ED,
                header(ED).replace("}", ",\"x\":" + "[".repeat(2500) + "]".repeat(2500) + "}"),
                claims(t0(), t0(), t0() + 60));
        assertTrue(nested.length() <= OperatorTokenValidator.MAX_TOKEN_CHARS);
        assertEquals(ErrorCode.TOKEN_MALFORMED, code(() -> VALIDATOR.validate(nested)));
    }

    @Test
    void theHeaderIsClosedAndExplicitlyTyped() {
        String kid = Jwks.kid(ED.verificationKey());
        String claims = claims(t0(), t0(), t0() + 60);
        for (String header : new String[] {
            header("EdDSA", "JWT", kid),
            header("EdDSA", "at+jwt", kid),
            header("EdDSA", "CAIRN-OPERATOR+JWT", kid),
            "{\"alg\":\"EdDSA\",\"kid\":\"" + kid + "\"}",
            "{\"alg\":\"EdDSA\",\"typ\":\"" + OperatorTokenIssuer.TYPE + "\"}",
            header("EdDSA", OperatorTokenIssuer.TYPE, "not-a-kid"),
            header("EdDSA", OperatorTokenIssuer.TYPE, kid.substring(0, 42) + "B"),
            "{\"alg\":\"EdDSA\",\"typ\":\"" + OperatorTokenIssuer.TYPE + "\",\"kid\":7}",
            header("EdDSA", OperatorTokenIssuer.TYPE, kid).replace("}", ",\"crit\":[\"exp\"],\"exp\":1}"),
            header("EdDSA", OperatorTokenIssuer.TYPE, kid).replace("}", ",\"jwk\":{}}"),
            header("EdDSA", OperatorTokenIssuer.TYPE, kid).replace("}", ",\"b64\":false}"),
            "{\"typ\":\"" + OperatorTokenIssuer.TYPE + "\",\"kid\":\"" + kid + "\"}",
            "{\"alg\":[\"EdDSA\"],\"typ\":\"" + OperatorTokenIssuer.TYPE + "\",\"kid\":\"" + kid + "\"}",
            header("EdDSA", OperatorTokenIssuer.TYPE, kid).replace("}", ",\"alg\":\"EdDSA\"}"),
            "[\"EdDSA\"]",
            "{\"alg\":\"EdDSA\"",
        }) {
            String token = forge(ED, header, claims);
            assertEquals(ErrorCode.TOKEN_MALFORMED, code(() -> VALIDATOR.validate(token)), header);
        }
    }

    @Test
    void notACompactJwsIsMalformed() {
        String token = token();
        String[] parts = token.split("\\.");
        char last = parts[2].charAt(parts[2].length() - 1);
        String unusedBits =
                parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 1) + (char) (last + 1);
        for (String bad : new String[] {
            "",
            ".",
            "..",
            parts[0] + "." + parts[1],
            token + ".",
            token + "." + parts[2],
            "." + parts[1] + "." + parts[2],
            parts[0] + ".." + parts[2],
            parts[0] + "=." + parts[1] + "." + parts[2],
            parts[0] + "." + parts[1] + "." + parts[2] + "==",
            token.replace('-', '+').replace('_', '/') + "+/",
            " " + token,
            token + "\n",
            unusedBits,
            b64("{\"alg\":\"EdDSA\"}").substring(0, 5) + "." + parts[1] + "." + parts[2],
            b64("not json") + "." + parts[1] + "." + parts[2],
        }) {
            assertEquals(ErrorCode.TOKEN_MALFORMED, code(() -> VALIDATOR.validate(bad)), bad);
        }
        String notUtf8 = Bytes.copyOf(new byte[] {'{', (byte) 0xff, '}'}).toBase64Url();
        assertEquals(
                ErrorCode.TOKEN_MALFORMED, code(() -> VALIDATOR.validate(notUtf8 + "." + parts[1] + "." + parts[2])));
    }

    @Test
    void theClaimsAreClosedTypedAndConsistent() {
        long t = t0();
        String good = claims(t, t, t + 60);
        VALIDATOR.validate(forge(ED, header(ED), good));
        Map<String, String> cases = Map.ofEntries(
                Map.entry("missing jti", good.replace(",\"jti\":\"AAAAAAAAAAAAAAAAAAAAAA\"", "")),
                Map.entry("missing iss", good.replace("\"iss\":\"" + ISS + "\",", "")),
                Map.entry("extra claim", good.replace("}", ",\"admin\":true}")),
                Map.entry("aud array", good.replace("\"aud\":\"" + AUD + "\"", "\"aud\":[\"" + AUD + "\"]")),
                Map.entry(
                        "fractional exp",
                        claims(t, t, t + 60).replace("\"exp\":" + (t + 60), "\"exp\":" + (t + 60) + ".5")),
                Map.entry("string exp", good.replace("\"exp\":" + (t + 60), "\"exp\":\"" + (t + 60) + "\"")),
                Map.entry("null nbf", good.replace("\"nbf\":" + t, "\"nbf\":null")),
                Map.entry("negative iat", claims(-1, t, t + 60)),
                Map.entry("exp after year 9999", claims(t, t, Claims.MAX_NUMERIC_DATE + 1)),
                Map.entry("node sub", good.replace(ALICE.uri(), "cairn://demo.example/cluster/c1/node/n-1")),
                Map.entry("opaque sub", good.replace(ALICE.uri(), "alice")),
                Map.entry("unknown scope", good.replace("clusters:read", "clusters:delete")),
                Map.entry("repeated scope", good.replace("clusters:write", "clusters:read")),
                Map.entry("double space scope", good.replace(" clusters:write", "  clusters:write")),
                Map.entry("empty scope", good.replace("clusters:read clusters:write", "")),
                Map.entry("empty jti", good.replace("AAAAAAAAAAAAAAAAAAAAAA", "")),
                Map.entry("jti with space", good.replace("AAAAAAAAAAAAAAAAAAAAAA", "a b")),
                Map.entry("nbf before iat", claims(t, t - 1, t + 60)),
                Map.entry("exp at nbf", claims(t - 100, t, t)),
                Map.entry("lifetime below a minute", claims(t, t, t + 59)),
                Map.entry("lifetime above a day", claims(t, t, t + 86_401)),
                Map.entry("array payload", "[1]"));
        cases.forEach((name, payload) -> assertEquals(
                ErrorCode.TOKEN_MALFORMED, code(() -> VALIDATOR.validate(forge(ED, header(ED), payload))), name));
    }
}
