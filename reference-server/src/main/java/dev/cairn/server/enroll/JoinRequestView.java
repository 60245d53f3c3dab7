package dev.cairn.server.enroll;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A join request with its evidence, as operators list it ({@code spec/enrollment.md} section 3).
 *
 * @param requestId the request
 * @param cluster the cluster it joins
 * @param status {@code pending}, {@code approved}, {@code denied} or {@code expired}
 * @param tokenId the join token used (its id, never the secret)
 * @param facts the node's facts
 * @param capabilities its declared capabilities
 * @param keyKid the CSR key's kid ({@code cose.md}), hex
 * @param keyType the CSR key's type ({@code ED25519} or {@code P256})
 * @param peerAddress the address the request came from
 * @param receivedAt when it was received (ISO-8601, UTC)
 * @param expiresAt when it expires if undecided
 * @param auditSequence the sequence of its {@code join-request.submit} statement
 * @param decidedAt when it was decided
 * @param decidedBy who decided (an operator, or the server when approving automatically)
 * @param decisionSequence the sequence of the decision's statement
 * @param reason the denial's reason
 * @param nodeId approved: the node created
 * @param identity approved: its identity
 * @param serial approved: the certificate's serial, hex
 */
public record JoinRequestView(
        String requestId,
        String cluster,
        String status,
        String tokenId,
        Facts facts,
        List<String> capabilities,
        String keyKid,
        String keyType,
        String peerAddress,
        String receivedAt,
        String expiresAt,
        long auditSequence,
        @JsonInclude(JsonInclude.Include.NON_NULL) String decidedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String decidedBy,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long decisionSequence,
        @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
        @JsonInclude(JsonInclude.Include.NON_NULL) String nodeId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String identity,
        @JsonInclude(JsonInclude.Include.NON_NULL) String serial) {
    /**
     * Copies the list.
     *
     * @param requestId the request
     * @param cluster the cluster
     * @param status the status
     * @param tokenId the token id
     * @param facts the facts
     * @param capabilities the capabilities
     * @param keyKid the kid
     * @param keyType the key type
     * @param peerAddress the peer address
     * @param receivedAt the time received
     * @param expiresAt the expiry
     * @param auditSequence the submit statement
     * @param decidedAt the decision time
     * @param decidedBy the decider
     * @param decisionSequence the decision statement
     * @param reason the denial reason
     * @param nodeId the node
     * @param identity the identity
     * @param serial the serial
     */
    public JoinRequestView {
        capabilities = List.copyOf(capabilities);
    }
}
