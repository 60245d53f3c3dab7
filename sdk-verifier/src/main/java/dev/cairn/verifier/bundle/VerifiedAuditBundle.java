package dev.cairn.verifier.bundle;

import dev.cairn.bytes.Digest;
import dev.cairn.checkpoint.LogId;
import dev.cairn.checkpoint.VerifiedCheckpoint;
import dev.cairn.trust.tls.PeerIdentity;
import java.util.List;
import java.util.Optional;

/**
 * An audit bundle that an {@link AuditBundleVerifier} checked: every marker of the range is, in
 * order, the marker the log committed under the verified checkpoint, the markers link into one
 * chain from the one before the range, and every statement is the statement its marker records,
 * attested by the log's key (see {@code spec/audit-bundle.md}, "What is proven"). Only the verifier
 * creates one.
 */
public final class VerifiedAuditBundle {
    private final LogId logId;
    private final long first;
    private final long count;
    private final long receipts;
    private final VerifiedCheckpoint checkpoint;
    private final Optional<PeerIdentity> checkpointSigner;
    private final List<VerifiedCheckpoint> olderCheckpoints;
    private final Digest head;
    private final long signatures;

    VerifiedAuditBundle(
            LogId logId,
            long first,
            long count,
            long receipts,
            VerifiedCheckpoint checkpoint,
            Optional<PeerIdentity> checkpointSigner,
            List<VerifiedCheckpoint> olderCheckpoints,
            Digest head,
            long signatures) {
        this.checkpointSigner = checkpointSigner;
        this.logId = logId;
        this.first = first;
        this.count = count;
        this.receipts = receipts;
        this.checkpoint = checkpoint;
        this.olderCheckpoints = List.copyOf(olderCheckpoints);
        this.head = head;
        this.signatures = signatures;
    }

    /**
     * The log.
     *
     * @return the log id
     */
    public LogId logId() {
        return logId;
    }

    /**
     * The sequence of the range's first marker.
     *
     * @return the first sequence
     */
    public long first() {
        return first;
    }

    /**
     * The number of markers in the range.
     *
     * @return the count
     */
    public long count() {
        return count;
    }

    /**
     * How many entries of the range carried their signed statement (receipt entries); the others are
     * marker entries.
     *
     * @return the number of receipts
     */
    public long receipts() {
        return receipts;
    }

    /**
     * The checkpoint the range is proven against.
     *
     * @return the verified covering checkpoint
     */
    public VerifiedCheckpoint checkpoint() {
        return checkpoint;
    }

    /**
     * Who the trust domain certified the covering checkpoint's key for, when only the certificate chain
     * the bundle carries made that key trusted ({@code spec/audit-bundle.md}, "Trust"): the log signer's
     * identity, serial and notAfter.
     *
     * @return the verified certificate's identity, or empty when the key was trusted out of band
     */
    public Optional<PeerIdentity> checkpointSigner() {
        return checkpointSigner;
    }

    /**
     * The older checkpoints, oldest first, each proven consistent with the next.
     *
     * @return the verified older checkpoints, possibly none
     */
    public List<VerifiedCheckpoint> olderCheckpoints() {
        return olderCheckpoints;
    }

    /**
     * The hash of the range's last marker: the head of the verified chain.
     *
     * @return the marker hash at {@code first + count - 1}
     */
    public Digest head() {
        return head;
    }

    /**
     * How many signatures the verification checked: checkpoints, signed trust bundles, revocation
     * heads, the certificates of certified log keys that signed, and the statements whose signatures
     * the policy required.
     *
     * @return the number of signature checks
     */
    public long signaturesVerified() {
        return signatures;
    }

    @Override
    public String toString() {
        return "VerifiedAuditBundle[log=" + logId + ", range=" + first + "+" + count + ", receipts=" + receipts
                + ", checkpoint size " + checkpoint.checkpoint().size() + ", signatures=" + signatures + "]";
    }
}
