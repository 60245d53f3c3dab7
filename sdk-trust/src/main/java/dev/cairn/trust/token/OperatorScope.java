package dev.cairn.trust.token;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The fixed registry of scope tokens an operator token may carry ({@code spec/tokens.md}, "Scopes").
 * The {@code scope} claim lists them by {@link #token()}, separated by single spaces (RFC 8693
 * section 4.2, RFC 9068 section 2.2.3); a token outside this registry makes the whole token
 * malformed. Holding a scope is what an action checks; a node's capability never grants one.
 */
public enum OperatorScope {
    /** Read clusters, nodes, services, heartbeats and status. */
    CLUSTERS_READ("clusters:read"),
    /** Create and change clusters and their desired services. */
    CLUSTERS_WRITE("clusters:write"),
    /** Create join tokens and approve or reject join requests. */
    ENROLLMENT_WRITE("enrollment:write"),
    /** Revoke node and service certificates. */
    CERTIFICATES_REVOKE("certificates:revoke"),
    /** Assign and remove roles. */
    ROLES_WRITE("roles:write"),
    /** Read the audit log, receipts and proofs. */
    AUDIT_READ("audit:read"),
    /** Rotate CA and token signing keys and publish trust bundles. */
    TRUST_ADMIN("trust:admin"),
    /** Issue operator tokens to other operators. */
    OPERATORS_WRITE("operators:write");

    private final String token;

    OperatorScope(String token) {
        this.token = token;
    }

    /**
     * The scope token as it appears in the {@code scope} claim.
     *
     * @return for example {@code clusters:read}
     */
    public String token() {
        return token;
    }

    /**
     * Finds the scope with a scope token.
     *
     * @param token a scope token
     * @return the scope, or empty when the registry has no such token
     */
    public static Optional<OperatorScope> fromToken(String token) {
        Objects.requireNonNull(token, "token");
        for (OperatorScope scope : values()) {
            if (scope.token.equals(token)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }

    /**
     * Renders a non-empty set as a {@code scope} claim, in registry order.
     *
     * @param scopes the scopes
     * @return the space-separated scope tokens
     */
    static String render(Set<OperatorScope> scopes) {
        return EnumSet.copyOf(scopes).stream().map(OperatorScope::token).collect(Collectors.joining(" "));
    }

    /**
     * Parses a {@code scope} claim: one or more registry tokens, each once, separated by single spaces.
     *
     * @param claim the claim value
     * @return an unmodifiable set
     * @throws IllegalArgumentException if the claim breaks the grammar
     */
    static Set<OperatorScope> parse(String claim) {
        if (claim.isEmpty()) {
            throw new IllegalArgumentException("empty scope claim, want at least one scope token");
        }
        EnumSet<OperatorScope> scopes = EnumSet.noneOf(OperatorScope.class);
        for (String part : claim.split(" ", -1)) {
            OperatorScope scope = fromToken(part)
                    .orElseThrow(
                            () -> new IllegalArgumentException("scope token '" + part + "' is not in the registry"));
            if (!scopes.add(scope)) {
                throw new IllegalArgumentException("scope token '" + part + "' repeated");
            }
        }
        return Collections.unmodifiableSet(scopes);
    }
}
