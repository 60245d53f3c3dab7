package dev.cairn.trust.revocation;

import java.util.Optional;

/**
 * Why a certificate was revoked: the subset of RFC 5280 {@code CRLReason} codes (section 5.3.1) a
 * Cairn revocation may carry. Each maps to its RFC 5280 code, which is also its wire value in a
 * {@link RevocationEntry}.
 *
 * <p>Not supported: {@code certificateHold} (6), because a Cairn revocation is permanent and never
 * lifted; {@code removeFromCRL} (8), which belongs to delta CRLs; and {@code aACompromise} (10),
 * which concerns attribute certificates. Code 7 is unassigned.
 */
public enum RevocationReason {
    /** No reason given (0). The X.509 CRL omits the reason code extension for it, as RFC 5280 asks. */
    UNSPECIFIED(0),
    /** The certificate's private key is known or suspected to be compromised (1). */
    KEY_COMPROMISE(1),
    /** The issuing CA's key is known or suspected to be compromised (2). */
    CA_COMPROMISE(2),
    /** The subject's name or other information changed; no compromise is suspected (3). */
    AFFILIATION_CHANGED(3),
    /** The certificate was replaced by another one; no compromise is suspected (4). */
    SUPERSEDED(4),
    /** The certificate is no longer needed for its purpose; no compromise is suspected (5). */
    CESSATION_OF_OPERATION(5),
    /** A privilege the certificate granted was withdrawn (9). */
    PRIVILEGE_WITHDRAWN(9);

    private final int code;

    RevocationReason(int code) {
        this.code = code;
    }

    /**
     * The RFC 5280 {@code CRLReason} code.
     *
     * @return the code, 0 to 9
     */
    public int code() {
        return code;
    }

    /**
     * Looks up a reason by its RFC 5280 code.
     *
     * @param code the {@code CRLReason} value
     * @return the reason, or empty when Cairn does not support that code
     */
    public static Optional<RevocationReason> fromCode(long code) {
        for (RevocationReason reason : values()) {
            if (reason.code == code) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }
}
