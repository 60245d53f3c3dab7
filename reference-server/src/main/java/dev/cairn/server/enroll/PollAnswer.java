package dev.cairn.server.enroll;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to a poll ({@code spec/enrollment.md} section 4): members by status.
 *
 * @param requestId the request
 * @param status {@code pending}, {@code approved} or {@code denied}
 * @param pollAfterSeconds pending: how long to wait
 * @param identity approved: the node's identity
 * @param serial approved: the certificate's serial, lowercase hex
 * @param notAfter approved: its expiry
 * @param certificateChain approved: PEM leaf, intermediate, root
 * @param trustBundle approved: the canonical JWKS of the current trust bundle
 * @param reason denied: the operator's reason
 */
public record PollAnswer(
        String requestId,
        String status,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long pollAfterSeconds,
        @JsonInclude(JsonInclude.Include.NON_NULL) String identity,
        @JsonInclude(JsonInclude.Include.NON_NULL) String serial,
        @JsonInclude(JsonInclude.Include.NON_NULL) String notAfter,
        @JsonInclude(JsonInclude.Include.NON_NULL) String certificateChain,
        @JsonInclude(JsonInclude.Include.NON_NULL) String trustBundle,
        @JsonInclude(JsonInclude.Include.NON_NULL) String reason) {
    static PollAnswer pending(String requestId, long after) {
        return new PollAnswer(requestId, JoinStatus.PENDING.wire(), after, null, null, null, null, null, null);
    }

    static PollAnswer approved(String requestId, NodeCertificate c) {
        return new PollAnswer(
                requestId,
                JoinStatus.APPROVED.wire(),
                null,
                c.identity(),
                c.serial(),
                c.notAfter(),
                c.certificateChain(),
                c.trustBundle(),
                null);
    }

    static PollAnswer denied(String requestId, String reason) {
        return new PollAnswer(requestId, JoinStatus.DENIED.wire(), null, null, null, null, null, null, reason);
    }
}
