package dev.cairn.trust.token;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.bytes.Bytes;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.identity.TrustDomain;
import dev.cairn.trust.token.internal.Jwks;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.Set;

/** Keys, clocks, issuers, validators and hand-made tokens shared by the token tests. */
final class TokenFixtures {
    static final String ISS = "https://cairn.demo.example";
    static final String AUD = "cairn-control-plane";
    static final TrustDomain TD = new TrustDomain("demo.example");
    static final CairnId ALICE = CairnId.operator(TD, "alice");
    static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");
    static final Clock AT_T0 = Clock.fixed(T0, ZoneOffset.UTC);
    static final Set<OperatorScope> READ_WRITE = Set.of(OperatorScope.CLUSTERS_READ, OperatorScope.CLUSTERS_WRITE);

    private TokenFixtures() {}

    /** A key derived from a label, so failures reproduce. */
    static SigningKey key(KeyType type, String label) {
        return SigningKey.generate(type, seeded(label));
    }

    static SecureRandom seeded(String label) {
        Random source = new Random(label.hashCode());
        return new SecureRandom() {
            private static final long serialVersionUID = 1L;

            @Override
            public void nextBytes(byte[] bytes) {
                source.nextBytes(bytes);
            }
        };
    }

    static OperatorTokenIssuer issuer(SigningKey key, Clock clock) {
        return OperatorTokenIssuer.builder()
                .issuer(ISS)
                .audience(AUD)
                .signingKey(key)
                .clock(clock)
                .random(seeded("jti"))
                .build();
    }

    static OperatorTokenValidator.Builder validator(OperatorTokenIssuer issuer, Clock clock) {
        return OperatorTokenValidator.builder()
                .expectIssuer(ISS)
                .expectAudience(AUD)
                .trustJwks(issuer.jwks())
                .clock(clock);
    }

    static String b64(String json) {
        return Bytes.copyOf(json.getBytes(StandardCharsets.UTF_8)).toBase64Url();
    }

    /** A compact JWS over any header and payload text, signed by {@code key}. */
    static String forge(SigningKey key, String headerJson, String payloadJson) {
        String input = b64(headerJson) + "." + b64(payloadJson);
        byte[] signature = key.sign(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + Bytes.copyOf(signature).toBase64Url();
    }

    /** The header an issuer writes for {@code key}. */
    static String header(SigningKey key) {
        return header(
                TokenAlgorithm.of(key.type()).jwsName(), OperatorTokenIssuer.TYPE, Jwks.kid(key.verificationKey()));
    }

    static String header(String alg, String typ, String kid) {
        return "{\"alg\":\"" + alg + "\",\"typ\":\"" + typ + "\",\"kid\":\"" + kid + "\"}";
    }

    /** The claims an issuer writes for Alice, with the given times in epoch seconds. */
    static String claims(long iat, long nbf, long exp) {
        return "{\"iss\":\"" + ISS + "\",\"sub\":\"" + ALICE.uri() + "\",\"aud\":\"" + AUD
                + "\",\"scope\":\"clusters:read clusters:write\",\"iat\":" + iat + ",\"nbf\":" + nbf + ",\"exp\":"
                + exp + ",\"jti\":\"AAAAAAAAAAAAAAAAAAAAAA\"}";
    }

    static long t0() {
        return T0.getEpochSecond();
    }

    static ErrorCode code(Runnable validation) {
        return assertThrows(CairnException.class, validation::run).code();
    }

    static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    static Clock at(Duration fromT0) {
        return at(T0.plus(fromT0));
    }
}
