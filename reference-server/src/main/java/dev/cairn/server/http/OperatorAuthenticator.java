package dev.cairn.server.http;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.errors.VerificationException;
import dev.cairn.trust.token.OperatorTokenValidator;
import dev.cairn.trust.token.VerifiedOperatorToken;
import io.javalin.http.Context;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Authenticates an operator from the one {@code Authorization: Bearer} header of the request
 * (RFC 6750 section 2.1) with the server's current token validator, then checks the route's
 * scopes.
 */
final class OperatorAuthenticator {
    private static final String SCHEME = "bearer ";

    private final Supplier<OperatorTokenValidator> validators;

    OperatorAuthenticator(Supplier<OperatorTokenValidator> validators) {
        this.validators = Objects.requireNonNull(validators, "validators");
    }

    /**
     * The verified token of the caller, holding every scope of the route.
     *
     * @throws VerificationException {@code AUTH_REQUIRED}, the codes of {@link
     *     OperatorTokenValidator#validate}, or {@code TOKEN_SCOPE_MISSING}
     * @throws MalformedInputException {@code AUTH_HEADER_MALFORMED} or {@code TOKEN_MALFORMED}
     */
    VerifiedOperatorToken authenticate(Context ctx, Auth.Operator auth) {
        List<String> headers = Collections.list(ctx.req().getHeaders("Authorization"));
        if (headers.isEmpty()) {
            throw new VerificationException(ErrorCode.AUTH_REQUIRED, "no Authorization header, want Bearer");
        }
        if (headers.size() > 1) {
            throw new MalformedInputException(
                    ErrorCode.AUTH_HEADER_MALFORMED, "got " + headers.size() + " Authorization headers, want 1");
        }
        String header = headers.get(0);
        if (header.length() <= SCHEME.length() || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            String scheme = header.split(" ", 2)[0];
            throw new MalformedInputException(
                    ErrorCode.AUTH_HEADER_MALFORMED,
                    "got scheme '" + (scheme.length() > 20 ? scheme.substring(0, 20) + "..." : scheme)
                            + "', want Bearer and one token");
        }
        String token = header.substring(SCHEME.length());
        if (token.isEmpty() || token.indexOf(' ') >= 0 || token.indexOf('\t') >= 0) {
            throw new MalformedInputException(ErrorCode.AUTH_HEADER_MALFORMED, "want Bearer, one space, one token");
        }
        VerifiedOperatorToken verified = validators.get().validate(token);
        verified.requireScopes(auth.scopes());
        return verified;
    }
}
