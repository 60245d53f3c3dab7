package dev.cairn.server.enroll;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import java.util.List;

/**
 * The body of {@code POST /v1/enroll/join-requests} ({@code spec/enrollment.md} section 3).
 *
 * @param token the join token ({@code cjt_...}); checked by the service, never stored
 * @param csr standard padded base64 of the CSR's DER, at most 8 KiB decoded
 * @param facts the node's facts
 * @param capabilities 0 to 32 distinct capabilities, sorted
 */
public record JoinSubmission(String token, String csr, Facts facts, List<String> capabilities) {
    /**
     * Checks the encoding of every member (the CSR's content and the token are checked by the service).
     *
     * @param token the token
     * @param csr the CSR
     * @param facts the facts
     * @param capabilities the capabilities
     * @throws MalformedInputException {@link ErrorCode#JOIN_REQUEST_MALFORMED}
     */
    public JoinSubmission {
        if (token == null) {
            throw new MalformedInputException(ErrorCode.JOIN_REQUEST_MALFORMED, "token: want a join token");
        }
        Rules.base64("csr", csr, Rules.MAX_CSR_BYTES, ErrorCode.JOIN_REQUEST_MALFORMED);
        if (facts == null) {
            throw new MalformedInputException(ErrorCode.JOIN_REQUEST_MALFORMED, "facts: want an object");
        }
        capabilities = Rules.capabilities(capabilities, ErrorCode.JOIN_REQUEST_MALFORMED);
    }

    /**
     * The CSR's DER.
     *
     * @return a fresh copy
     */
    public byte[] csrDer() {
        return Rules.base64("csr", csr, Rules.MAX_CSR_BYTES, ErrorCode.JOIN_REQUEST_MALFORMED);
    }

    @Override
    public String toString() {
        return "JoinSubmission[token=(secret), facts=" + facts + ", capabilities=" + capabilities + "]";
    }
}
