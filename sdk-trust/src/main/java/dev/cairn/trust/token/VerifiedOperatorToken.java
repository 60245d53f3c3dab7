package dev.cairn.trust.token;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.VerificationException;
import dev.cairn.trust.identity.CairnId;
import java.time.Instant;
import java.util.Set;

/**
 * An operator token that {@link OperatorTokenValidator#validate} accepted: its signature verified
 * under a trusted key, and its issuer, audience, times and required scopes matched. Only the
 * validator constructs one, so holding a {@code VerifiedOperatorToken} is the proof that those checks
 * ran. Immutable.
 */
public final class VerifiedOperatorToken {
    private final Claims claims;
    private final TokenAlgorithm algorithm;
    private final String kid;

    VerifiedOperatorToken(Claims claims, TokenAlgorithm algorithm, String kid) {
        this.claims = claims;
        this.algorithm = algorithm;
        this.kid = kid;
    }

    /**
     * The operator the token was issued to ({@code sub}).
     *
     * @return an identity of kind {@link CairnId.Kind#OPERATOR}
     */
    public CairnId operator() {
        return claims.operator();
    }

    /**
     * The scopes the token grants ({@code scope}).
     *
     * @return an unmodifiable, non-empty set
     */
    public Set<OperatorScope> scopes() {
        return claims.scopes();
    }

    /**
     * Whether the token grants a scope.
     *
     * @param scope the scope
     * @return {@code true} if {@link #scopes()} holds it
     */
    public boolean hasScope(OperatorScope scope) {
        return claims.scopes().contains(scope);
    }

    /**
     * Checks that the token grants every one of some scopes, for example those one action needs.
     *
     * @param required the scopes needed
     * @throws VerificationException {@link ErrorCode#TOKEN_SCOPE_MISSING} naming the first one absent
     */
    public void requireScopes(Set<OperatorScope> required) {
        for (OperatorScope scope : required) {
            if (!hasScope(scope)) {
                throw VerificationException.mismatch(
                        ErrorCode.TOKEN_SCOPE_MISSING, scope.token(), OperatorScope.render(claims.scopes()));
            }
        }
    }

    /**
     * The issuer ({@code iss}), equal to the validator's expected issuer.
     *
     * @return the issuer
     */
    public String issuer() {
        return claims.issuer();
    }

    /**
     * The audience ({@code aud}), equal to the validator's expected audience.
     *
     * @return the audience
     */
    public String audience() {
        return claims.audience();
    }

    /**
     * When the token was issued ({@code iat}).
     *
     * @return a whole second
     */
    public Instant issuedAt() {
        return Instant.ofEpochSecond(claims.issuedAt());
    }

    /**
     * When the token becomes valid ({@code nbf}), before the allowed skew.
     *
     * @return a whole second
     */
    public Instant notBefore() {
        return Instant.ofEpochSecond(claims.notBefore());
    }

    /**
     * When the token expires ({@code exp}), before the allowed skew.
     *
     * @return a whole second
     */
    public Instant expiresAt() {
        return Instant.ofEpochSecond(claims.expiresAt());
    }

    /**
     * The token's unique identifier ({@code jti}), for audit records and revocation lists.
     *
     * @return 1 to 64 base64url characters
     */
    public String jti() {
        return claims.jti();
    }

    /**
     * The key that signed the token ({@code kid}): the derived kid in base64url.
     *
     * @return the kid
     */
    public String kid() {
        return kid;
    }

    /**
     * The algorithm the token was signed with.
     *
     * @return the algorithm
     */
    public TokenAlgorithm algorithm() {
        return algorithm;
    }

    /** Renders operator, scopes, expiry and jti. */
    @Override
    public String toString() {
        return "VerifiedOperatorToken[" + operator() + ", scope=" + OperatorScope.render(scopes()) + ", exp="
                + expiresAt() + ", jti=" + jti() + "]";
    }
}
