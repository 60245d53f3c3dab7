package dev.cairn.agent.state;

import dev.cairn.bytes.Bytes;
import dev.cairn.keys.VerificationKey;
import dev.cairn.trust.bundle.TrustBundle;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.keyfile.KeyFiles;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Enrolled and certified: the node's certificate is stored, so the agent may use its identity.
 *
 * @param enrollment the enrollment
 * @param nodeKey the public half of the node's key; its private key file must exist in the directory
 * @param identity the node's identity, the one URI SAN of its certificate
 * @param chain the node certificate first, then its issuers as the server sent them (1 to {@link
 *     KeyFiles#MAX_CERTIFICATES})
 * @param trustBundle the trust bundle held
 * @param revocationHead the newest signed revocation head held (COSE_Sign1 bytes), if any
 * @param renewAt when to renew the certificate, within its validity
 */
public record ActiveState(
        Enrollment enrollment,
        VerificationKey nodeKey,
        CairnId identity,
        List<X509Certificate> chain,
        TrustBundle trustBundle,
        Optional<Bytes> revocationHead,
        Instant renewAt)
        implements AgentState {
    /**
     * Checks the fields. Whether the certificate is this key's, this identity's, trusted and valid now
     * is for {@link StateCheck}.
     *
     * @param enrollment the enrollment
     * @param nodeKey the node key
     * @param identity the identity
     * @param chain the chain
     * @param trustBundle the bundle
     * @param revocationHead the head, if held
     * @param renewAt the renewal point
     * @throws dev.cairn.errors.MalformedInputException {@link dev.cairn.errors.ErrorCode#AGENT_STATE_MALFORMED}
     *     if the enrollment has no cluster or join request id, the identity is not a node of its cluster,
     *     the chain is empty or too long, or the
     *     renewal point lies outside the certificate's validity
     */
    public ActiveState {
        Objects.requireNonNull(enrollment, "enrollment");
        Objects.requireNonNull(nodeKey, "nodeKey");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(trustBundle, "trustBundle");
        Objects.requireNonNull(revocationHead, "revocationHead");
        Objects.requireNonNull(renewAt, "renewAt");
        chain = List.copyOf(chain);
        Consistency.checkComplete(identity, enrollment);
        Consistency.checkHead(revocationHead);
        if (chain.isEmpty() || chain.size() > KeyFiles.MAX_CERTIFICATES) {
            throw Invalid.state(
                    "certificate chain of " + chain.size() + " certificates, want 1 to " + KeyFiles.MAX_CERTIFICATES);
        }
        Instant notBefore = chain.get(0).getNotBefore().toInstant();
        Instant notAfter = chain.get(0).getNotAfter().toInstant();
        if (renewAt.isBefore(notBefore) || renewAt.isAfter(notAfter)) {
            throw Invalid.state("renewal point " + renewAt + ", want within the certificate's validity " + notBefore
                    + " .. " + notAfter);
        }
    }

    /**
     * The node certificate.
     *
     * @return the first certificate of the chain
     */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    @Override
    public Phase phase() {
        return Phase.ACTIVE;
    }

    @Override
    public Optional<CairnId> nodeId() {
        return Optional.of(identity);
    }
}
