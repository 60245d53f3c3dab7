package dev.cairn.server.http;

import dev.cairn.errors.ErrorCode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The codes the edge itself may answer a route with, beside those its handler declares. */
final class EdgeCodes {
    /** Every route: the declared-length check and an uncaught failure. */
    static final List<ErrorCode> EVERY_ROUTE = List.of(ErrorCode.HTTP_BODY_TOO_LARGE, ErrorCode.INTERNAL_BUG);

    /** Operator routes. */
    static final List<ErrorCode> OPERATOR = List.of(
            ErrorCode.AUTH_REQUIRED,
            ErrorCode.AUTH_HEADER_MALFORMED,
            ErrorCode.TOKEN_MALFORMED,
            ErrorCode.TOKEN_ALG_NOT_ALLOWED,
            ErrorCode.TOKEN_KEY_UNKNOWN,
            ErrorCode.TOKEN_BAD_SIGNATURE,
            ErrorCode.TOKEN_ISSUER_MISMATCH,
            ErrorCode.TOKEN_AUDIENCE_MISMATCH,
            ErrorCode.TOKEN_EXPIRED,
            ErrorCode.TOKEN_NOT_YET_VALID,
            ErrorCode.TOKEN_SCOPE_MISSING);

    /** Node and service routes. */
    static final List<ErrorCode> PEER = List.of(
            ErrorCode.TLS_PEER_MISSING,
            ErrorCode.CERT_CHAIN_INVALID,
            ErrorCode.TLS_PEER_IDENTITY_INVALID,
            ErrorCode.CERT_MALFORMED,
            ErrorCode.CERT_NOT_YET_VALID,
            ErrorCode.CERT_EXPIRED,
            ErrorCode.CERT_REVOKED,
            ErrorCode.REVOCATION_HEAD_STALE,
            ErrorCode.AUTH_PEER_KIND_NOT_ALLOWED);

    /** Routes with a JSON request body. */
    static final List<ErrorCode> JSON_BODY = List.of(
            ErrorCode.HTTP_UNSUPPORTED_MEDIA_TYPE,
            ErrorCode.HTTP_REQUEST_INVALID,
            ErrorCode.HTTP_JSON_MALFORMED,
            ErrorCode.HTTP_JSON_DUPLICATE_KEY,
            ErrorCode.HTTP_JSON_UNKNOWN_FIELD,
            ErrorCode.HTTP_JSON_LIMIT,
            ErrorCode.HTTP_BODY_INVALID);

    /** Routes with a binary request body. */
    static final List<ErrorCode> BYTES_BODY =
            List.of(ErrorCode.HTTP_UNSUPPORTED_MEDIA_TYPE, ErrorCode.HTTP_REQUEST_INVALID);

    private EdgeCodes() {}

    /** Every code a route may answer with: the edge's for its auth and body, then the handler's. */
    static Set<ErrorCode> of(Route route) {
        Set<ErrorCode> codes = new LinkedHashSet<>();
        if (route.auth() instanceof Auth.Operator) {
            codes.addAll(OPERATOR);
        } else if (route.auth() instanceof Auth.Peer) {
            codes.addAll(PEER);
        }
        if (route.request() instanceof Payload.Json) {
            codes.addAll(JSON_BODY);
        } else if (route.request() instanceof Payload.Bytes) {
            codes.addAll(BYTES_BODY);
        }
        codes.addAll(route.errors());
        codes.addAll(EVERY_ROUTE);
        return codes;
    }
}
