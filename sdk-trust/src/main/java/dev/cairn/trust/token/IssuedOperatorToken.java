package dev.cairn.trust.token;

import dev.cairn.trust.identity.CairnId;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A token {@link OperatorTokenIssuer#issue} made, with the facts an audit record of the issuance
 * needs. The token is a bearer credential: {@link #toString()} never renders it.
 *
 * @param token the compact JWS to hand to the operator
 * @param jti the token's unique identifier
 * @param operator the operator it was issued to
 * @param scopes the scopes it grants
 * @param issuedAt its {@code iat} and {@code nbf}
 * @param expiresAt its {@code exp}
 */
public record IssuedOperatorToken(
        String token, String jti, CairnId operator, Set<OperatorScope> scopes, Instant issuedAt, Instant expiresAt) {
    /**
     * Checks the fields.
     *
     * @param token the compact JWS
     * @param jti the identifier
     * @param operator the operator
     * @param scopes the scopes, at least one; copied
     * @param issuedAt the issuance time
     * @param expiresAt the expiry, after {@code issuedAt}
     */
    public IssuedOperatorToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(jti, "jti");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("a token grants at least one scope");
        }
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("expiresAt " + expiresAt + " is not after issuedAt " + issuedAt);
        }
        scopes = Collections.unmodifiableSet(EnumSet.copyOf(scopes));
    }

    /** Renders everything but the token itself. */
    @Override
    public String toString() {
        return "IssuedOperatorToken[" + operator + ", scope=" + OperatorScope.render(scopes) + ", iat=" + issuedAt
                + ", exp=" + expiresAt + ", jti=" + jti + "]";
    }
}
