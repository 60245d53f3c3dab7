package dev.cairn.trust.token;

import dev.cairn.bytes.Bytes;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.errors.VerificationException;
import dev.cairn.trust.token.internal.CompactJws;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The protected header of an operator token, checked before its key is looked up ({@code
 * spec/tokens.md}, "Validation", checks 4 to 9): an allowed {@code alg}, no member but {@code alg},
 * {@code typ} and {@code kid}, the exact {@code typ}, a derived kid, a 64-byte signature.
 *
 * @param algorithm the signing algorithm
 * @param kid the signing key's derived kid, base64url
 */
record TokenHeader(TokenAlgorithm algorithm, String kid) {
    private static final int SIGNATURE_BYTES = 64;
    private static final int KID_BYTES = 32;
    private static final Set<String> MEMBERS = Set.of("alg", "typ", "kid");

    static TokenHeader read(CompactJws jws, Set<TokenAlgorithm> allowed) {
        Map<String, Object> header = jws.header();
        if (!(header.get("alg") instanceof String alg)) {
            throw malformed("header alg is missing or not a string", "a JWS algorithm name", "" + header.get("alg"));
        }
        TokenAlgorithm algorithm = TokenAlgorithm.fromJwsName(alg)
                .filter(allowed::contains)
                .orElseThrow(
                        () -> VerificationException.mismatch(ErrorCode.TOKEN_ALG_NOT_ALLOWED, allowed.toString(), alg));
        for (String name : header.keySet()) {
            if (!MEMBERS.contains(name)) {
                throw malformed("header member not allowed", MEMBERS.toString(), name);
            }
        }
        if (!OperatorTokenIssuer.TYPE.equals(header.get("typ"))) {
            throw malformed("wrong typ", OperatorTokenIssuer.TYPE, "" + header.get("typ"));
        }
        String kid = kid(header.get("kid"));
        if (jws.signatureLength() != SIGNATURE_BYTES) {
            throw malformed("wrong signature length", SIGNATURE_BYTES + " bytes", jws.signatureLength() + " bytes");
        }
        return new TokenHeader(algorithm, kid);
    }

    private static String kid(Object kid) {
        if (kid instanceof String text) {
            try {
                if (Bytes.fromBase64Url(text).length() == KID_BYTES) {
                    return text;
                }
            } catch (IllegalArgumentException e) {
                // reported below, as every other malformed kid
            }
        }
        throw malformed("header kid is not a derived kid", "43 base64url characters (32 bytes)", "" + kid);
    }

    private static MalformedInputException malformed(String message, String expected, String found) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("expected", expected);
        details.put("found", found);
        return new MalformedInputException(
                ErrorCode.TOKEN_MALFORMED,
                "token: " + message + ": got " + found + ", want " + expected,
                -1,
                details,
                null);
    }
}
