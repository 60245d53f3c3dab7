package dev.cairn.server.enroll;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An enrolled node, as operators read it.
 *
 * @param nodeId {@code n-} and 16 hex digits
 * @param cluster its cluster
 * @param identity its identity URI
 * @param status {@code active} or {@code revoked}
 * @param hostFingerprint the host binding recorded at approval
 * @param capabilities the capabilities last recorded
 * @param reportStatus the status of the last audited report ({@code ok}, {@code degraded})
 * @param lastSeenAt the last heartbeat
 * @param createdAt when it was approved
 * @param requestId the join request it came from
 * @param auditSequence the sequence of the approval statement
 * @param revokedAt when it was revoked
 * @param revokeReason the revocation reason name
 * @param certificates every certificate issued to it, oldest first
 */
public record NodeView(
        String nodeId,
        String cluster,
        String identity,
        String status,
        String hostFingerprint,
        List<String> capabilities,
        @JsonInclude(JsonInclude.Include.NON_NULL) String reportStatus,
        @JsonInclude(JsonInclude.Include.NON_NULL) String lastSeenAt,
        String createdAt,
        String requestId,
        long auditSequence,
        @JsonInclude(JsonInclude.Include.NON_NULL) String revokedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String revokeReason,
        List<CertificateView> certificates) {
    /**
     * Copies the lists.
     *
     * @param nodeId the id
     * @param cluster the cluster
     * @param identity the identity
     * @param status the status
     * @param hostFingerprint the binding
     * @param capabilities the capabilities
     * @param reportStatus the reported status
     * @param lastSeenAt the last heartbeat
     * @param createdAt the approval time
     * @param requestId the join request
     * @param auditSequence the approval statement
     * @param revokedAt the revocation time
     * @param revokeReason the revocation reason
     * @param certificates the certificates
     */
    public NodeView {
        capabilities = List.copyOf(capabilities);
        certificates = List.copyOf(certificates);
    }

    /**
     * One certificate of a node.
     *
     * @param serial lowercase hex
     * @param issuedAt when it was issued
     * @param notAfter when it expires
     * @param auditSequence the statement that recorded its issuance
     */
    public record CertificateView(String serial, String issuedAt, String notAfter, long auditSequence) {}
}
