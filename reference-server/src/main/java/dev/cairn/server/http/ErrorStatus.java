package dev.cairn.server.http;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.ErrorFamily;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The one HTTP status of each error code ({@code spec/http-api.md}, "Status of each code"). A code
 * always answers with the same status, whichever route raised it. The status is, in this order:
 * the explicit entry of the code, if it has one (authentication, the edge's own codes, a few
 * others); 404 for a code whose name ends in {@code _NOT_FOUND}; 409 for one ending in {@code
 * _EXISTS}, {@code _CONFLICT} or {@code _ROLLBACK}, and for a retryable rejection (the state does
 * not allow it yet); otherwise the family's default: malformed input 400, rejected 403, internal
 * 503 when retryable and 500 when not. The table in the spec is checked against this class by a
 * test.
 */
public final class ErrorStatus {
    private static final Map<ErrorCode, Integer> EXPLICIT = new EnumMap<>(ErrorCode.class);

    static {
        EXPLICIT.put(ErrorCode.HTTP_NOT_FOUND, 404);
        EXPLICIT.put(ErrorCode.HTTP_METHOD_NOT_ALLOWED, 405);
        EXPLICIT.put(ErrorCode.HTTP_HEADERS_TOO_LARGE, 431);
        EXPLICIT.put(ErrorCode.HTTP_BODY_TOO_LARGE, 413);
        EXPLICIT.put(ErrorCode.HTTP_UNSUPPORTED_MEDIA_TYPE, 415);
        EXPLICIT.put(ErrorCode.HTTP_NOT_READY, 503);
        EXPLICIT.put(ErrorCode.HTTP_UNAVAILABLE, 503);
        // Operator authentication (RFC 6750): a missing or bad token is 401, a good token without the
        // scope 403.
        EXPLICIT.put(ErrorCode.AUTH_REQUIRED, 401);
        EXPLICIT.put(ErrorCode.AUTH_HEADER_MALFORMED, 401);
        for (ErrorCode code : ErrorCode.values()) {
            if (code.name().startsWith("TOKEN_")) {
                EXPLICIT.put(code, 401);
            }
        }
        EXPLICIT.put(ErrorCode.TOKEN_SCOPE_MISSING, 403);
        // Node authentication: the certificate is the caller's credential.
        EXPLICIT.put(ErrorCode.TLS_PEER_MISSING, 401);
        EXPLICIT.put(ErrorCode.TLS_PEER_IDENTITY_INVALID, 401);
        EXPLICIT.put(ErrorCode.CERT_CHAIN_INVALID, 401);
        EXPLICIT.put(ErrorCode.CERT_EXPIRED, 401);
        EXPLICIT.put(ErrorCode.CERT_NOT_YET_VALID, 401);
        EXPLICIT.put(ErrorCode.CERT_REVOKED, 401);
        EXPLICIT.put(ErrorCode.AUTH_PEER_KIND_NOT_ALLOWED, 403);
        // The server's own revocation head is too old to vouch for anyone: its problem, not the caller's.
        EXPLICIT.put(ErrorCode.REVOCATION_HEAD_STALE, 503);
        EXPLICIT.put(ErrorCode.CA_ROTATION_STATE, 409);
    }

    private ErrorStatus() {}

    /**
     * The HTTP status of a code.
     *
     * @param code the code
     * @return the status, 400 to 599
     */
    public static int of(ErrorCode code) {
        return switch (rule(code)) {
            case EXPLICIT -> EXPLICIT.get(code);
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case FAMILY -> familyDefault(code);
        };
    }

    /** Which rule decides a code's status. */
    enum Rule {
        /** The code has its own entry. */
        EXPLICIT,
        /** The name ends in {@code _NOT_FOUND}. */
        NOT_FOUND,
        /** The name ends in {@code _EXISTS}, {@code _CONFLICT} or {@code _ROLLBACK}, or a retryable rejection. */
        CONFLICT,
        /** The family's default. */
        FAMILY
    }

    static Rule rule(ErrorCode code) {
        String name = code.name();
        if (EXPLICIT.containsKey(code)) {
            return Rule.EXPLICIT;
        }
        if (name.endsWith("_NOT_FOUND")) {
            return Rule.NOT_FOUND;
        }
        if (name.endsWith("_EXISTS")
                || name.endsWith("_CONFLICT")
                || name.endsWith("_ROLLBACK")
                || (code.family() == ErrorFamily.REJECTED && code.retryable())) {
            return Rule.CONFLICT;
        }
        return Rule.FAMILY;
    }

    private static int familyDefault(ErrorCode code) {
        return switch (code.family()) {
            case MALFORMED_INPUT -> 400;
            case REJECTED -> 403;
            case INTERNAL -> code.retryable() ? 503 : 500;
        };
    }

    /**
     * The Markdown table of every code's status, as {@code spec/http-api.md} carries it.
     *
     * @return the table, one line per code, in registry order
     */
    public static String markdownTable() {
        StringBuilder out =
                new StringBuilder("| code | family | status | rule | Retry-After |\n|---|---|---|---|---|\n");
        for (ErrorCode code : ErrorCode.values()) {
            out.append("| `")
                    .append(code.name())
                    .append("` | ")
                    .append(code.family())
                    .append(" | ")
                    .append(of(code))
                    .append(" | ")
                    .append(rule(code).name().toLowerCase(Locale.ROOT).replace('_', ' '))
                    .append(" | ")
                    .append(code.retryAfter()
                            .map(d -> ErrorBody.seconds(d) + " s")
                            .orElse("-"))
                    .append(" |\n");
        }
        return out.toString();
    }
}
