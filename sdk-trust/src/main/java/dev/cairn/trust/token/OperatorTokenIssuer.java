package dev.cairn.trust.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.cairn.bytes.Bytes;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.keys.SigningKey;
import dev.cairn.keys.VerificationKey;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.token.internal.Jwks;
import dev.cairn.trust.token.internal.KeyJwsSigner;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Issues operator bearer tokens: compact JWS JWTs (RFC 7519) signed with the current signing key,
 * EdDSA for Ed25519 and ES256 for P-256 ({@code spec/tokens.md}), and publishes the public keys as a
 * JWK Set for validators.
 *
 * <p>Key rotation keeps validation working across the switch: {@link #rotate} signs with a new key
 * from then on and keeps publishing the old public key, so tokens it signed still validate until
 * the old key is {@link #drop dropped} (wait at least {@link #MAX_TTL} plus the validators' skew).
 *
 * <p>Security guarantees: every token carries the explicit type {@link #TYPE} (RFC 8725 section
 * 3.11), a lifetime within [{@link #MIN_TTL}, {@link #MAX_TTL}] and a fresh 128-bit {@code jti}. The
 * issuer does not remember what it issued; revoking a token before its expiry is the caller's list of
 * {@code jti}s. Immutable and thread-safe; rotation returns a new issuer.
 */
public final class OperatorTokenIssuer {
    /** The {@code typ} header of every operator token. */
    public static final String TYPE = "cairn-operator+jwt";

    /** Shortest token lifetime. */
    public static final Duration MIN_TTL = Duration.ofMinutes(1);

    /** Longest token lifetime. */
    public static final Duration MAX_TTL = Duration.ofHours(24);

    /** Longest issuer or audience name. */
    public static final int MAX_NAME_LENGTH = 255;

    private static final int JTI_BYTES = 16;

    private final String issuer;
    private final String audience;
    private final SigningKey key;
    private final KeyJwsSigner signer;
    private final List<VerificationKey> retired;
    private final Clock clock;
    private final SecureRandom random;

    private OperatorTokenIssuer(
            String issuer,
            String audience,
            SigningKey key,
            List<VerificationKey> retired,
            Clock clock,
            SecureRandom random) {
        this.issuer = issuer;
        this.audience = audience;
        this.key = key;
        this.signer = new KeyJwsSigner(key);
        List<VerificationKey> others = new ArrayList<>();
        retired.stream()
                .filter(k -> !k.equals(key.verificationKey()) && !others.contains(k))
                .forEach(others::add);
        this.retired = List.copyOf(others);
        this.clock = clock;
        this.random = random;
    }

    /**
     * Starts configuring an issuer.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Issues a token valid from now (whole seconds, rounded down) for {@code ttl}.
     *
     * @param operator the operator, the token's {@code sub}
     * @param scopes what it grants, at least one
     * @param ttl its lifetime within [{@link #MIN_TTL}, {@link #MAX_TTL}]; a fraction of a second is dropped
     * @return the token and its facts
     * @throws IllegalArgumentException for an identity that is not an operator, no scope, or a lifetime
     *     out of bounds
     */
    public IssuedOperatorToken issue(CairnId operator, Set<OperatorScope> scopes, Duration ttl) {
        if (operator.kind() != CairnId.Kind.OPERATOR) {
            throw new IllegalArgumentException("sub must be an operator identity, got a " + operator.kind());
        }
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("a token grants at least one scope");
        }
        if (ttl.compareTo(MIN_TTL) < 0 || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("ttl " + ttl + ", want " + MIN_TTL + " to " + MAX_TTL);
        }
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = issuedAt.plusSeconds(ttl.toSeconds());
        byte[] id = new byte[JTI_BYTES];
        random.nextBytes(id);
        String jti = Bytes.copyOf(id).toBase64Url();
        JWSHeader header = new JWSHeader.Builder(KeyJwsSigner.algorithm(key.type()))
                .type(new JOSEObjectType(TYPE))
                .keyID(Jwks.kid(key.verificationKey()))
                .build();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(operator.uri())
                .audience(audience)
                .claim("scope", OperatorScope.render(scopes))
                .issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .jwtID(jti)
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new InternalException(ErrorCode.INTERNAL_CRYPTO, "signing the token failed", e);
        }
        return new IssuedOperatorToken(jwt.serialize(), jti, operator, scopes, issuedAt, expiresAt);
    }

    /**
     * The public JWK Set to publish: the current key first, then the retired keys, newest first. Each
     * key has {@code kty}, {@code crv}, {@code x} (and {@code y}), {@code kid}, {@code alg} and {@code
     * use}; members are sorted, so the same keys always render the same text.
     *
     * @return compact JSON
     */
    public String jwks() {
        return Jwks.render(publishedKeys());
    }

    /**
     * The keys {@link #jwks()} publishes, in its order.
     *
     * @return an unmodifiable list, the current key first
     */
    public List<VerificationKey> publishedKeys() {
        List<VerificationKey> keys = new ArrayList<>();
        keys.add(key.verificationKey());
        keys.addAll(retired);
        return List.copyOf(keys);
    }

    /**
     * The public half of the key new tokens are signed with.
     *
     * @return the current key
     */
    public VerificationKey currentKey() {
        return key.verificationKey();
    }

    /**
     * An issuer that signs with {@code next} and still publishes the current key as retired.
     *
     * @param next the new signing key
     * @return the new issuer; this one is unchanged
     */
    public OperatorTokenIssuer rotate(SigningKey next) {
        List<VerificationKey> keys = new ArrayList<>();
        keys.add(key.verificationKey());
        keys.addAll(retired);
        keys.remove(next.verificationKey());
        return new OperatorTokenIssuer(issuer, audience, next, keys, clock, random);
    }

    /**
     * An issuer that no longer publishes a retired key; tokens it signed stop validating once
     * validators reload the JWK Set.
     *
     * @param retiredKey a retired key this issuer publishes
     * @return the new issuer; this one is unchanged
     * @throws IllegalArgumentException if the key is the current key or not published
     */
    public OperatorTokenIssuer drop(VerificationKey retiredKey) {
        if (!retired.contains(retiredKey)) {
            throw new IllegalArgumentException(retiredKey + " is not a retired key of this issuer");
        }
        List<VerificationKey> keys = new ArrayList<>(retired);
        keys.remove(retiredKey);
        return new OperatorTokenIssuer(issuer, audience, key, keys, clock, random);
    }

    /**
     * The {@code iss} of every token.
     *
     * @return the issuer name
     */
    public String issuer() {
        return issuer;
    }

    /**
     * The {@code aud} of every token.
     *
     * @return the audience name
     */
    public String audience() {
        return audience;
    }

    /** Renders the names and keys, never key material. */
    @Override
    public String toString() {
        return "OperatorTokenIssuer[iss=" + issuer + ", aud=" + audience + ", keys=" + publishedKeys() + "]";
    }

    static String checkName(String name, String what) {
        Objects.requireNonNull(name, what);
        boolean printable = name.chars().allMatch(c -> c >= 0x21 && c <= 0x7e);
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH || !printable) {
            throw new IllegalArgumentException(
                    what + " must be 1 to " + MAX_NAME_LENGTH + " printable ASCII characters without spaces");
        }
        return name;
    }

    /** Configures an {@link OperatorTokenIssuer}; issuer, audience and signing key are required. */
    public static final class Builder {
        private String issuer;
        private String audience;
        private SigningKey key;
        private final List<VerificationKey> retired = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private SecureRandom random;

        private Builder() {}

        /**
         * Sets the {@code iss} of every token, for example the server's URL.
         *
         * @param issuer 1 to {@link #MAX_NAME_LENGTH} printable ASCII characters, no spaces
         * @return this builder
         */
        public Builder issuer(String issuer) {
            this.issuer = checkName(issuer, "issuer");
            return this;
        }

        /**
         * Sets the {@code aud} of every token: the service that accepts them.
         *
         * @param audience 1 to {@link #MAX_NAME_LENGTH} printable ASCII characters, no spaces
         * @return this builder
         */
        public Builder audience(String audience) {
            this.audience = checkName(audience, "audience");
            return this;
        }

        /**
         * Sets the key tokens are signed with.
         *
         * @param key an Ed25519 (EdDSA) or P-256 (ES256) key
         * @return this builder
         */
        public Builder signingKey(SigningKey key) {
            this.key = Objects.requireNonNull(key, "key");
            return this;
        }

        /**
         * Adds a retired key that is still published, for example after a restart that follows a
         * rotation; retired keys are published in the order added.
         *
         * @param key the public key
         * @return this builder
         */
        public Builder retiredKey(VerificationKey key) {
            retired.add(Objects.requireNonNull(key, "key"));
            return this;
        }

        /**
         * Sets what "now" is; the default is {@link Clock#systemUTC()}.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets the source of {@code jti}s; the default is a new {@link SecureRandom}.
         *
         * @param random the source
         * @return this builder
         */
        public Builder random(SecureRandom random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * Builds the issuer.
         *
         * @return the issuer
         * @throws IllegalStateException if the issuer, audience or signing key is not set
         */
        public OperatorTokenIssuer build() {
            if (issuer == null || audience == null || key == null) {
                throw new IllegalStateException("issuer, audience and signingKey are required");
            }
            return new OperatorTokenIssuer(
                    issuer, audience, key, retired, clock, random == null ? new SecureRandom() : random);
        }
    }
}
