package dev.cairn.server.app;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.errors.VerificationException;
import dev.cairn.server.http.Auth;
import dev.cairn.server.http.Payload;
import dev.cairn.server.http.Route;
import dev.cairn.server.pki.ServerPki;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.token.IssuedOperatorToken;
import dev.cairn.trust.token.OperatorScope;
import dev.cairn.trust.token.OperatorTokenIssuer;
import dev.cairn.trust.token.OperatorTokenValidator;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Operator authentication ({@code spec/server.md}, section 4): the bootstrap admin credential is
 * exchanged for a bearer token ({@code tokens.md}) signed by the server's operator-token key, with
 * the scopes asked for. The issuer and audience name the trust domain, so a token of one Cairn server
 * is never accepted by another trust domain's.
 */
public final class OperatorAuth {
    /** The operator identity the bootstrap admin credential stands for. */
    public static final String ADMIN = "admin";

    private final ServerPki pki;
    private final OperatorTokenIssuer issuer;
    private final OperatorTokenValidator validator;
    private final Duration ttl;

    /**
     * Operator authentication for a server.
     *
     * @param pki the server's PKI (operator-token key, admin credential hash)
     * @param ttl the lifetime of issued tokens
     * @param clock what "now" is
     */
    public OperatorAuth(ServerPki pki, Duration ttl, Clock clock) {
        this.pki = Objects.requireNonNull(pki, "pki");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        String name = issuerName(pki);
        this.issuer = OperatorTokenIssuer.builder()
                .issuer(name)
                .audience(name)
                .signingKey(pki.operatorTokenKey())
                .clock(clock)
                .build();
        this.validator = OperatorTokenValidator.builder()
                .expectIssuer(name)
                .expectAudience(name)
                .trustKeys(pki.operatorTokenKey().verificationKey())
                .clock(clock)
                .build();
    }

    /**
     * The issuer and audience of this server's tokens.
     *
     * @param pki the PKI
     * @return {@code cairn-server:<trust-domain>}
     */
    public static String issuerName(ServerPki pki) {
        return "cairn-server:" + pki.trustDomain().name();
    }

    /**
     * What the edge validates bearer tokens with.
     *
     * @return the validator
     */
    public OperatorTokenValidator validator() {
        return validator;
    }

    /**
     * Exchanges the admin credential for a token.
     *
     * @param credential the presented credential
     * @param scopes the scope names asked for
     * @return the token
     * @throws VerificationException {@link ErrorCode#AUTH_CREDENTIAL_INVALID}
     * @throws MalformedInputException {@link ErrorCode#AUTH_SCOPE_UNKNOWN}
     */
    public IssuedOperatorToken issue(String credential, List<String> scopes) {
        Set<OperatorScope> granted = EnumSet.noneOf(OperatorScope.class);
        for (String scope : scopes == null ? List.<String>of() : scopes) {
            granted.add(OperatorScope.fromToken(scope)
                    .orElseThrow(() -> new MalformedInputException(
                            ErrorCode.AUTH_SCOPE_UNKNOWN, "unknown scope " + quoted(scope))));
        }
        if (granted.isEmpty()) {
            throw new MalformedInputException(ErrorCode.AUTH_SCOPE_UNKNOWN, "ask for at least one scope");
        }
        if (!pki.isAdminCredential(credential)) {
            throw new VerificationException(ErrorCode.AUTH_CREDENTIAL_INVALID, "that is not the admin credential");
        }
        return issuer.issue(CairnId.operator(pki.trustDomain(), ADMIN), granted, ttl);
    }

    /**
     * A token request.
     *
     * @param credential the bootstrap admin credential
     * @param scopes the scopes asked for, by their {@code tokens.md} names
     */
    public record TokenRequest(String credential, List<String> scopes) {}

    /**
     * An issued token.
     *
     * @param token the bearer token
     * @param operator the operator identity it names
     * @param scopes the scopes it grants
     * @param expiresAt when it expires, ISO-8601
     */
    public record TokenResponse(String token, String operator, List<String> scopes, String expiresAt) {}

    /**
     * The route {@code POST /v1/auth/token}.
     *
     * @return the route
     */
    public List<Route> routes() {
        return List.of(Route.post("/v1/auth/token")
                .operationId("issueOperatorToken")
                .summary("Exchange the bootstrap admin credential for an operator bearer token")
                .auth(Auth.publicAccess())
                .request(Payload.json(TokenRequest.class))
                .response(Payload.json(TokenResponse.class))
                .status(201)
                .errors(ErrorCode.AUTH_CREDENTIAL_INVALID, ErrorCode.AUTH_SCOPE_UNKNOWN)
                .handle(call -> {
                    TokenRequest request = call.body(TokenRequest.class);
                    IssuedOperatorToken token = issue(request.credential(), request.scopes());
                    call.respond(new TokenResponse(
                            token.token(),
                            token.operator().uri(),
                            token.scopes().stream().map(OperatorScope::token).toList(),
                            token.expiresAt().toString()));
                }));
    }

    private static String quoted(String text) {
        String shown = text == null ? "null" : text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return "\"" + shown.replaceAll("\\p{Cntrl}", "?") + "\"";
    }
}
