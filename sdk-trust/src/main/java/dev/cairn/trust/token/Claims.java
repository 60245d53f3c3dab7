package dev.cairn.trust.token;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.trust.identity.CairnId;
import java.util.Map;
import java.util.Set;

/**
 * The claim set of an operator token, read strictly from a payload whose signature has verified
 * ({@code spec/tokens.md}, "Claims"): exactly the eight claims, each of its type and grammar, and
 * times that are consistent with each other and with the lifetime bounds.
 */
record Claims(
        String issuer,
        CairnId operator,
        String audience,
        Set<OperatorScope> scopes,
        long issuedAt,
        long notBefore,
        long expiresAt,
        String jti) {
    /** Latest NumericDate accepted: 9999-12-31T23:59:59Z. */
    static final long MAX_NUMERIC_DATE = 253_402_300_799L;

    /** Longest {@code jti}. */
    static final int MAX_JTI = 64;

    private static final Set<String> NAMES = Set.of("iss", "sub", "aud", "scope", "iat", "nbf", "exp", "jti");

    static Claims read(Map<String, Object> payload) {
        for (String name : payload.keySet()) {
            if (!NAMES.contains(name)) {
                throw malformed("claim \"" + name + "\" is not allowed");
            }
        }
        String issuer = string(payload, "iss");
        CairnId operator = operator(string(payload, "sub"));
        String audience = string(payload, "aud");
        Set<OperatorScope> scopes;
        try {
            scopes = OperatorScope.parse(string(payload, "scope"));
        } catch (IllegalArgumentException e) {
            throw malformed("scope: " + e.getMessage());
        }
        long iat = numericDate(payload, "iat");
        long nbf = numericDate(payload, "nbf");
        long exp = numericDate(payload, "exp");
        long lifetime = exp - iat;
        if (nbf < iat || exp <= nbf) {
            throw malformed("times out of order: want iat <= nbf < exp");
        }
        if (lifetime < OperatorTokenIssuer.MIN_TTL.toSeconds() || lifetime > OperatorTokenIssuer.MAX_TTL.toSeconds()) {
            throw malformed("lifetime exp - iat of " + lifetime + " s, want " + OperatorTokenIssuer.MIN_TTL.toSeconds()
                    + " to " + OperatorTokenIssuer.MAX_TTL.toSeconds());
        }
        return new Claims(issuer, operator, audience, scopes, iat, nbf, exp, jti(string(payload, "jti")));
    }

    static boolean isJti(String jti) {
        if (jti.isEmpty() || jti.length() > MAX_JTI) {
            return false;
        }
        return jti.chars()
                .allMatch(c -> (c >= 'A' && c <= 'Z')
                        || (c >= 'a' && c <= 'z')
                        || (c >= '0' && c <= '9')
                        || c == '-'
                        || c == '_');
    }

    private static String jti(String jti) {
        if (!isJti(jti)) {
            throw malformed("jti must be 1 to " + MAX_JTI + " base64url characters");
        }
        return jti;
    }

    private static CairnId operator(String sub) {
        CairnId id;
        try {
            id = CairnId.parse(sub);
        } catch (MalformedInputException e) {
            throw malformed("sub is not a Cairn identity: " + e.getMessage());
        }
        if (id.kind() != CairnId.Kind.OPERATOR) {
            throw malformed("sub names a " + id.kind() + ", want an operator");
        }
        return id;
    }

    private static String string(Map<String, Object> payload, String name) {
        Object value = require(payload, name);
        if (!(value instanceof String text)) {
            throw malformed("claim \"" + name + "\" must be a string");
        }
        return text;
    }

    private static long numericDate(Map<String, Object> payload, String name) {
        Object value = require(payload, name);
        if (!(value instanceof Long seconds) || seconds < 0 || seconds > MAX_NUMERIC_DATE) {
            throw malformed("claim \"" + name + "\" must be an integer NumericDate in [0, " + MAX_NUMERIC_DATE + "]");
        }
        return seconds;
    }

    private static Object require(Map<String, Object> payload, String name) {
        Object value = payload.get(name);
        if (value == null) {
            throw malformed("claim \"" + name + "\" is missing or null");
        }
        return value;
    }

    private static MalformedInputException malformed(String message) {
        return new MalformedInputException(ErrorCode.TOKEN_MALFORMED, "token: " + message);
    }
}
