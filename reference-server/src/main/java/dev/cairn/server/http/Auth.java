package dev.cairn.server.http;

import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.revocation.FreshnessTier;
import dev.cairn.trust.token.OperatorScope;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How a route authenticates its caller ({@code spec/http-api.md}, "Authentication"). Every route
 * declares exactly one kind; the edge runs it before the handler on every request, and a handler
 * of an authenticated route cannot run unless it passed. Identity never comes from a request
 * header other than {@code Authorization} for operators.
 */
public sealed interface Auth permits Auth.Public, Auth.Operator, Auth.Peer {
    /**
     * No authentication: health, readiness, the OpenAPI document, trust material anyone may fetch,
     * enrollment (the caller has no certificate yet).
     *
     * @return the public kind
     */
    static Auth publicAccess() {
        return new Public();
    }

    /**
     * An operator bearer token ({@code Authorization: Bearer}) that grants every one of the scopes.
     *
     * @param first a scope the route needs
     * @param more further scopes it needs
     * @return the operator kind
     */
    static Auth operator(OperatorScope first, OperatorScope... more) {
        EnumSet<OperatorScope> scopes = EnumSet.of(first, more);
        return new Operator(scopes);
    }

    /**
     * A node's client certificate, verified on this request against the current trust bundle and
     * revocation state at the given freshness tier.
     *
     * @param tier how fresh the revocation head must be for what the route does
     * @return the peer kind, accepting node identities only
     */
    static Auth node(FreshnessTier tier) {
        return new Peer(tier, EnumSet.of(CairnId.Kind.NODE));
    }

    /**
     * A client certificate of one of the given identity kinds, verified on this request.
     *
     * @param tier how fresh the revocation head must be for what the route does
     * @param first an accepted kind ({@link CairnId.Kind#NODE} or {@link CairnId.Kind#SERVICE})
     * @param more further accepted kinds
     * @return the peer kind
     */
    static Auth peer(FreshnessTier tier, CairnId.Kind first, CairnId.Kind... more) {
        return new Peer(tier, EnumSet.of(first, more));
    }

    /** No authentication. */
    record Public() implements Auth {}

    /**
     * An operator bearer token granting every scope of {@code scopes}.
     *
     * @param scopes the scopes the route needs, at least one
     */
    record Operator(Set<OperatorScope> scopes) implements Auth {
        /**
         * Checks that at least one scope is named and copies the set.
         *
         * @param scopes the scopes
         */
        public Operator {
            if (scopes.isEmpty()) {
                throw new IllegalArgumentException("an operator route needs at least one scope");
            }
            scopes = Collections.unmodifiableSet(EnumSet.copyOf(scopes));
        }
    }

    /**
     * A verified client certificate whose identity is of one of {@code kinds}.
     *
     * @param tier the revocation freshness tier of the route's action
     * @param kinds the identity kinds accepted, never {@link CairnId.Kind#OPERATOR}
     */
    record Peer(FreshnessTier tier, Set<CairnId.Kind> kinds) implements Auth {
        /**
         * Checks the tier and kinds and copies the set.
         *
         * @param tier the tier
         * @param kinds the kinds
         */
        public Peer {
            Objects.requireNonNull(tier, "tier");
            if (kinds.isEmpty() || kinds.contains(CairnId.Kind.OPERATOR)) {
                throw new IllegalArgumentException("accept node or service certificates, got " + kinds);
            }
            kinds = Collections.unmodifiableSet(EnumSet.copyOf(kinds));
        }
    }
}
