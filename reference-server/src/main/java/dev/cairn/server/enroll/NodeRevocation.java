package dev.cairn.server.enroll;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.trust.revocation.RevocationReason;

/**
 * The body of {@code POST /v1/nodes/{node_id}/revoke}.
 *
 * @param reason a {@code revocation.md} reason name, such as {@code KEY_COMPROMISE}
 */
public record NodeRevocation(String reason) {
    /**
     * Checks the reason name.
     *
     * @param reason the name
     * @throws MalformedInputException {@link ErrorCode#NODE_REVOKE_REASON_INVALID}
     */
    public NodeRevocation {
        parse(reason);
    }

    /**
     * The reason.
     *
     * @return the reason
     */
    public RevocationReason revocationReason() {
        return parse(reason);
    }

    private static RevocationReason parse(String name) {
        for (RevocationReason r : RevocationReason.values()) {
            if (r.name().equals(name)) {
                return r;
            }
        }
        throw new MalformedInputException(
                ErrorCode.NODE_REVOKE_REASON_INVALID, "reason: want one of revocation.md's reason names");
    }
}
