package dev.cairn.trust.token;

import dev.cairn.bytes.Bytes;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.errors.VerificationException;
import dev.cairn.keys.KeySet;
import dev.cairn.keys.VerificationKey;
import dev.cairn.trust.token.internal.CompactJws;
import dev.cairn.trust.token.internal.Jwks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Validates operator bearer tokens ({@code spec/tokens.md}, "Validation"): a compact JWS of at most
 * {@link #MAX_TOKEN_CHARS} characters, explicitly typed {@link OperatorTokenIssuer#TYPE}, signed
 * with an allowed algorithm (EdDSA, ES256; never {@code none} or HMAC) by a trusted key named by
 * its {@code kid}, from the expected issuer for the expected audience, valid now within the clock
 * skew, and granting the required scopes.
 *
 * <p>Security guarantees: the signature is checked before any claim is read, and every check runs
 * in the order the spec fixes, so the first failure decides the error code. Issuer and audience are
 * always checked: there is no way to ignore them. Time comes from the injected clock. Thread-safe and
 * immutable.
 */
public final class OperatorTokenValidator {
    /** Longest token accepted, checked before any parsing. */
    public static final int MAX_TOKEN_CHARS = 8 * 1024;

    /** Clock skew when none is set. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);

    /** Largest clock skew a validator may allow. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    private final String issuer;
    private final String audience;
    private final Set<OperatorScope> requiredScopes;
    private final Set<TokenAlgorithm> algorithms;
    private final Duration skew;
    private final Clock clock;
    private final KeySet keys;

    private OperatorTokenValidator(Builder builder) {
        this.issuer = builder.issuer;
        this.audience = builder.audience;
        this.requiredScopes = Collections.unmodifiableSet(EnumSet.copyOf(builder.scopes));
        this.algorithms = Collections.unmodifiableSet(EnumSet.copyOf(builder.algorithms));
        this.skew = builder.skew;
        this.clock = builder.clock;
        this.keys = KeySet.of(builder.keys);
    }

    /**
     * Starts configuring a validator.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Validates a token.
     *
     * @param token the compact JWS, for example from an {@code Authorization: Bearer} header
     * @return the verified token
     * @throws MalformedInputException {@link ErrorCode#TOKEN_MALFORMED} if it is not a compact JWS with
     *     the header and claims the spec requires
     * @throws VerificationException {@link ErrorCode#TOKEN_ALG_NOT_ALLOWED}, {@link
     *     ErrorCode#TOKEN_KEY_UNKNOWN}, {@link ErrorCode#TOKEN_BAD_SIGNATURE}, {@link
     *     ErrorCode#TOKEN_ISSUER_MISMATCH}, {@link ErrorCode#TOKEN_AUDIENCE_MISMATCH}, {@link
     *     ErrorCode#TOKEN_EXPIRED}, {@link ErrorCode#TOKEN_NOT_YET_VALID} or {@link
     *     ErrorCode#TOKEN_SCOPE_MISSING}, the first check that fails
     */
    public VerifiedOperatorToken validate(String token) {
        CompactJws jws = CompactJws.read(Objects.requireNonNull(token, "token"), MAX_TOKEN_CHARS);
        TokenHeader header = TokenHeader.read(jws, algorithms);
        String kid = header.kid();
        VerificationKey key = keys.find(Bytes.fromBase64Url(kid))
                .orElseThrow(() -> VerificationException.mismatch(ErrorCode.TOKEN_KEY_UNKNOWN, "a trusted kid", kid));
        if (key.type() != header.algorithm().keyType()) {
            throw VerificationException.mismatch(
                    ErrorCode.TOKEN_ALG_NOT_ALLOWED,
                    TokenAlgorithm.of(key.type()).jwsName(),
                    header.algorithm().jwsName());
        }
        jws.verify(key);
        Claims claims = Claims.read(jws.payload());
        if (!claims.issuer().equals(issuer)) {
            throw VerificationException.mismatch(ErrorCode.TOKEN_ISSUER_MISMATCH, issuer, claims.issuer());
        }
        if (!claims.audience().equals(audience)) {
            throw VerificationException.mismatch(ErrorCode.TOKEN_AUDIENCE_MISMATCH, audience, claims.audience());
        }
        Instant now = clock.instant();
        Instant validUntil = Instant.ofEpochSecond(claims.expiresAt()).plus(skew);
        if (!now.isBefore(validUntil)) {
            throw VerificationException.mismatch(ErrorCode.TOKEN_EXPIRED, "now before " + validUntil, now.toString());
        }
        Instant validFrom = Instant.ofEpochSecond(claims.notBefore()).minus(skew);
        if (now.isBefore(validFrom)) {
            throw VerificationException.mismatch(
                    ErrorCode.TOKEN_NOT_YET_VALID, "now at or after " + validFrom, now.toString());
        }
        VerifiedOperatorToken verified = new VerifiedOperatorToken(claims, header.algorithm(), kid);
        verified.requireScopes(requiredScopes);
        return verified;
    }

    /** Renders the expectations. */
    @Override
    public String toString() {
        return "OperatorTokenValidator[iss=" + issuer + ", aud=" + audience + ", scopes=" + requiredScopes + ", alg="
                + algorithms + ", skew=" + skew + ", keys=" + keys.keys().size() + "]";
    }

    /**
     * Configures an {@link OperatorTokenValidator}. Issuer, audience and at least one trusted key are
     * required; the defaults are both algorithms, no required scope, {@link #DEFAULT_CLOCK_SKEW} and
     * {@link Clock#systemUTC()}.
     */
    public static final class Builder {
        private String issuer;
        private String audience;
        private final Set<OperatorScope> scopes = EnumSet.noneOf(OperatorScope.class);
        private Set<TokenAlgorithm> algorithms = EnumSet.allOf(TokenAlgorithm.class);
        private Duration skew = DEFAULT_CLOCK_SKEW;
        private Clock clock = Clock.systemUTC();
        private final List<VerificationKey> keys = new ArrayList<>();

        private Builder() {}

        /**
         * Requires {@code iss} to equal this name. Required.
         *
         * @param issuer the issuer's name, as the issuer was configured
         * @return this builder
         */
        public Builder expectIssuer(String issuer) {
            this.issuer = OperatorTokenIssuer.checkName(issuer, "issuer");
            return this;
        }

        /**
         * Requires {@code aud} to equal this name. Required.
         *
         * @param audience this service's name, as the issuer was configured
         * @return this builder
         */
        public Builder expectAudience(String audience) {
            this.audience = OperatorTokenIssuer.checkName(audience, "audience");
            return this;
        }

        /**
         * Adds scopes every token must grant.
         *
         * @param required the scopes
         * @return this builder
         */
        public Builder requireScopes(OperatorScope... required) {
            scopes.addAll(Arrays.asList(required));
            return this;
        }

        /**
         * Sets the algorithms accepted; the default is both.
         *
         * @param allowed at least one algorithm
         * @return this builder
         * @throws IllegalArgumentException if none is given
         */
        public Builder allowAlgorithms(TokenAlgorithm... allowed) {
            if (allowed.length == 0) {
                throw new IllegalArgumentException("allow at least one algorithm");
            }
            this.algorithms = EnumSet.copyOf(Arrays.asList(allowed));
            return this;
        }

        /**
         * Sets how far the validator's clock may be from the issuer's.
         *
         * @param skew from zero to {@link #MAX_CLOCK_SKEW}
         * @return this builder
         * @throws IllegalArgumentException if the skew is negative or too large
         */
        public Builder clockSkew(Duration skew) {
            if (skew.isNegative() || skew.compareTo(MAX_CLOCK_SKEW) > 0) {
                throw new IllegalArgumentException("clock skew " + skew + ", want 0 to " + MAX_CLOCK_SKEW);
            }
            this.skew = skew;
            return this;
        }

        /**
         * Sets what "now" is.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Trusts every key of a JWK Set, as {@link OperatorTokenIssuer#jwks()} publishes it.
         *
         * @param jwks the JWK Set text
         * @return this builder
         * @throws MalformedInputException {@link ErrorCode#KEY_INVALID} for a JWK Set that is not Cairn's
         *     public form
         * @throws VerificationException {@link ErrorCode#KEY_UNSUPPORTED} for another key type, curve,
         *     algorithm or use
         */
        public Builder trustJwks(String jwks) {
            keys.addAll(Jwks.parse(jwks));
            return this;
        }

        /**
         * Trusts keys.
         *
         * @param trusted the keys
         * @return this builder
         */
        public Builder trustKeys(VerificationKey... trusted) {
            Arrays.stream(trusted).map(Objects::requireNonNull).forEach(keys::add);
            return this;
        }

        /**
         * Builds the validator.
         *
         * @return the validator
         * @throws IllegalStateException if the issuer, the audience or every trusted key is missing
         */
        public OperatorTokenValidator build() {
            if (issuer == null || audience == null || keys.isEmpty()) {
                throw new IllegalStateException("expectIssuer, expectAudience and a trusted key are required");
            }
            return new OperatorTokenValidator(this);
        }
    }
}
