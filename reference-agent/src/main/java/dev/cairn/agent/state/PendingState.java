package dev.cairn.agent.state;

import dev.cairn.bytes.Bytes;
import dev.cairn.keys.VerificationKey;
import dev.cairn.trust.bundle.TrustBundle;
import dev.cairn.trust.identity.CairnId;
import java.util.Objects;
import java.util.Optional;

/**
 * Enrolled and waiting: the key pair exists, the CSR went out in the join request, approval is awaited.
 *
 * @param enrollment the enrollment
 * @param nodeKey the public half of the node's key; its private key file must exist in the directory
 * @param nodeId the identity the server will issue, if it said so already
 * @param trustBundle the trust bundle held, if one was fetched (canonical JWKS on disk)
 * @param revocationHead the newest signed revocation head held (COSE_Sign1 bytes), if any
 */
public record PendingState(
        Enrollment enrollment,
        VerificationKey nodeKey,
        Optional<CairnId> nodeId,
        Optional<TrustBundle> trustBundle,
        Optional<Bytes> revocationHead)
        implements AgentState {
    /**
     * Checks the fields.
     *
     * @param enrollment the enrollment
     * @param nodeKey the node key
     * @param nodeId the identity, if known
     * @param trustBundle the bundle, if held
     * @param revocationHead the head, if held
     * @throws dev.cairn.errors.MalformedInputException {@link dev.cairn.errors.ErrorCode#AGENT_STATE_MALFORMED}
     *     if the identity is not a node of the enrollment's cluster, or the head is too long
     */
    public PendingState {
        Objects.requireNonNull(enrollment, "enrollment");
        Objects.requireNonNull(nodeKey, "nodeKey");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(trustBundle, "trustBundle");
        Objects.requireNonNull(revocationHead, "revocationHead");
        nodeId.ifPresent(id -> Consistency.checkNode(id, enrollment));
        Consistency.checkHead(revocationHead);
    }

    /**
     * A pending state with nothing but the enrollment and the key.
     *
     * @param enrollment the enrollment
     * @param nodeKey the node key
     * @return the state
     */
    public static PendingState of(Enrollment enrollment, VerificationKey nodeKey) {
        return new PendingState(enrollment, nodeKey, Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Override
    public Phase phase() {
        return Phase.PENDING;
    }
}
