package dev.cairn.server.enroll;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;

/**
 * The body of {@code POST /v1/node/renew}.
 *
 * @param csr standard padded base64 of a CSR's DER, at most 8 KiB decoded; its key may be new
 */
public record Renewal(String csr) {
    /**
     * Checks the encoding.
     *
     * @param csr the CSR
     * @throws MalformedInputException {@link ErrorCode#JOIN_REQUEST_MALFORMED}
     */
    public Renewal {
        Rules.base64("csr", csr, Rules.MAX_CSR_BYTES, ErrorCode.JOIN_REQUEST_MALFORMED);
    }

    /**
     * The CSR's DER.
     *
     * @return a fresh copy
     */
    public byte[] csrDer() {
        return Rules.base64("csr", csr, Rules.MAX_CSR_BYTES, ErrorCode.JOIN_REQUEST_MALFORMED);
    }
}
