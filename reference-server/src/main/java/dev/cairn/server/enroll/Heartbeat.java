package dev.cairn.server.enroll;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import java.util.List;

/**
 * The body of {@code POST /v1/node/heartbeat} ({@code spec/enrollment.md} section 5).
 *
 * @param hostFingerprint the host the node runs on
 * @param capabilities its capabilities, sorted
 * @param status {@code ok} or {@code degraded}
 * @param bundleSequence the trust bundle sequence it holds
 * @param revocationSequence the revocation head sequence it holds (-1 for none)
 */
public record Heartbeat(
        String hostFingerprint,
        List<String> capabilities,
        String status,
        long bundleSequence,
        long revocationSequence) {
    /**
     * Checks every member.
     *
     * @param hostFingerprint the fingerprint
     * @param capabilities the capabilities
     * @param status the status
     * @param bundleSequence at least 0
     * @param revocationSequence at least -1
     * @throws MalformedInputException {@link ErrorCode#NODE_REPORT_MALFORMED}
     */
    public Heartbeat {
        Rules.fingerprint(hostFingerprint, ErrorCode.NODE_REPORT_MALFORMED);
        capabilities = Rules.capabilities(capabilities, ErrorCode.NODE_REPORT_MALFORMED);
        if (!"ok".equals(status) && !"degraded".equals(status)) {
            throw new MalformedInputException(ErrorCode.NODE_REPORT_MALFORMED, "status: want ok or degraded");
        }
        if (bundleSequence < 0 || revocationSequence < -1) {
            throw new MalformedInputException(
                    ErrorCode.NODE_REPORT_MALFORMED, "sequences: want bundle >= 0 and revocation >= -1");
        }
    }
}
