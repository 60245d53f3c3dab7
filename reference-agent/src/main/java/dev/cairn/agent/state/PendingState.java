package dev.cairn.agent.state;

import dev.cairn.bytes.Bytes;
import dev.cairn.bytes.SecretBytes;
import dev.cairn.keys.VerificationKey;
import dev.cairn.trust.bundle.TrustBundle;
import dev.cairn.trust.csr.Csr;
import dev.cairn.trust.identity.CairnId;
import java.util.Objects;
import java.util.Optional;

/**
 * Enrolling and waiting: the key pair exists, the CSR is built, and the join request is either about
 * to be submitted (no join request id yet: the state that makes a crash before or during the
 * submission recoverable) or submitted, with the poll secret to wait for approval with.
 *
 * <p>Holds a secret, the poll secret: {@link #equals} compares it in constant time, {@link #hashCode}
 * leaves it out, {@link #toString} never shows it.
 *
 * @param enrollment the enrollment; its join request id is present exactly when the poll secret is
 * @param nodeKey the public half of the node's key; its private key file must exist in the directory
 * @param csr the PKCS#10 request the join request carries, built from {@code nodeKey}, if stored
 * @param pollSecret the secret the server returned with the join request id, to poll with
 * @param nodeId the identity the server will issue, if it said so already
 * @param trustBundle the trust bundle held, if one was fetched (canonical JWKS on disk)
 * @param revocationHead the newest signed revocation head held (COSE_Sign1 bytes), if any
 */
public record PendingState(
        Enrollment enrollment,
        VerificationKey nodeKey,
        Optional<Csr> csr,
        Optional<SecretBytes> pollSecret,
        Optional<CairnId> nodeId,
        Optional<TrustBundle> trustBundle,
        Optional<Bytes> revocationHead)
        implements AgentState {
    /** Length of a poll secret in bytes ({@code spec/enrollment.md} section 3). */
    public static final int POLL_SECRET_BYTES = 32;

    /**
     * Checks the fields.
     *
     * @param enrollment the enrollment
     * @param nodeKey the node key
     * @param csr the CSR, if stored
     * @param pollSecret the poll secret, present with the join request id
     * @param nodeId the identity, if known
     * @param trustBundle the bundle, if held
     * @param revocationHead the head, if held
     * @throws dev.cairn.errors.MalformedInputException {@link dev.cairn.errors.ErrorCode#AGENT_STATE_MALFORMED}
     *     if the identity is not a node of the enrollment's cluster, the head is too long, the poll secret
     *     and the join request id are not both present or both absent, or the poll secret is not {@value
     *     #POLL_SECRET_BYTES} bytes
     */
    public PendingState {
        Objects.requireNonNull(enrollment, "enrollment");
        Objects.requireNonNull(nodeKey, "nodeKey");
        Objects.requireNonNull(csr, "csr");
        Objects.requireNonNull(pollSecret, "pollSecret");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(trustBundle, "trustBundle");
        Objects.requireNonNull(revocationHead, "revocationHead");
        nodeId.ifPresent(id -> Consistency.checkNode(id, enrollment));
        Consistency.checkHead(revocationHead);
        if (pollSecret.isPresent() != enrollment.joinRequestId().isPresent()) {
            throw Invalid.state("a pending state holds a poll secret exactly when it holds a join request id");
        }
        if (pollSecret.isPresent() && pollSecret.get().length() != POLL_SECRET_BYTES) {
            throw Invalid.state("poll secret of " + pollSecret.get().length() + " bytes, want " + POLL_SECRET_BYTES);
        }
    }

    /**
     * A pending state before submission: the enrollment (without a join request id), the key and the
     * CSR about to be sent.
     *
     * @param enrollment the enrollment
     * @param nodeKey the node key
     * @param csr the CSR
     * @return the state
     */
    public static PendingState prepared(Enrollment enrollment, VerificationKey nodeKey, Csr csr) {
        return new PendingState(
                enrollment,
                nodeKey,
                Optional.of(csr),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /**
     * A pending state with nothing but the enrollment, the key and, when the enrollment has a join
     * request id, its poll secret.
     *
     * @param enrollment the enrollment
     * @param nodeKey the node key
     * @param pollSecret the poll secret, present exactly when the enrollment has a join request id
     * @return the state
     */
    public static PendingState of(Enrollment enrollment, VerificationKey nodeKey, Optional<SecretBytes> pollSecret) {
        return new PendingState(
                enrollment,
                nodeKey,
                Optional.empty(),
                pollSecret,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /**
     * This state after the server accepted the join request.
     *
     * @param joinRequestId the id the server gave
     * @param secret the poll secret it returned
     * @return the submitted state
     * @throws IllegalStateException if this state was submitted already
     */
    public PendingState submitted(String joinRequestId, SecretBytes secret) {
        return new PendingState(
                enrollment.withJoinRequest(joinRequestId),
                nodeKey,
                csr,
                Optional.of(secret),
                nodeId,
                trustBundle,
                revocationHead);
    }

    /**
     * Whether the join request was submitted and its answer stored.
     *
     * @return {@code true} if the join request id and the poll secret are held
     */
    public boolean isSubmitted() {
        return pollSecret.isPresent();
    }

    @Override
    public Phase phase() {
        return Phase.PENDING;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PendingState that
                && enrollment.equals(that.enrollment)
                && nodeKey.equals(that.nodeKey)
                && csr.equals(that.csr)
                && sameSecret(pollSecret, that.pollSecret)
                && nodeId.equals(that.nodeId)
                && trustBundle.equals(that.trustBundle)
                && revocationHead.equals(that.revocationHead);
    }

    @Override
    public int hashCode() {
        return Objects.hash(enrollment, nodeKey, csr, pollSecret.isPresent(), nodeId, trustBundle, revocationHead);
    }

    /** Whether two optional secrets are both absent, or both present and equal (in constant time). */
    static boolean sameSecret(Optional<SecretBytes> a, Optional<SecretBytes> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() && b.isEmpty();
        }
        return a.get().equalsSecret(b.get());
    }
}
