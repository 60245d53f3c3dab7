package dev.cairn.verifier;

import dev.cairn.bytes.Digest;
import dev.cairn.checkpoint.LogId;
import dev.cairn.checkpoint.VerifiedCheckpoint;
import dev.cairn.errors.ErrorCode;
import dev.cairn.keys.KeySet;
import dev.cairn.mmr.Accumulator;
import dev.cairn.receipt.CoseReceiptVerifier;
import dev.cairn.receipt.VerifiedConsistencyReceipt;
import dev.cairn.receipt.VerifiedInclusionReceipt;
import java.util.Objects;

/**
 * Verifies COSE Receipts of inclusion and of consistency in the MMR profile (RFC 9942,
 * draft-bryce-cose-receipts-mmr-profile; {@code spec/receipts.md}, "COSE Receipts") with sdk-core's
 * {@link CoseReceiptVerifier}: the proof is processed first, then the signature of a trusted log key
 * is checked over the payload the proof produces.
 *
 * <p>By default a receipt must be as Cairn issues it: it carries Cairn's protected log id (label
 * -65537, else {@link ErrorCode#RECEIPT_MALFORMED}) equal to the expected one, and its {@code kid}
 * is Cairn's derived kid of a trusted key (else {@link ErrorCode#SIGNATURE_KEY_UNTRUSTED}).
 * Receipts made by other implementations of the profile carry neither; {@link
 * Builder#ignoreLogId()} and {@link Builder#ignoreKid()} accept them ({@code spec/receipts.md},
 * "Receipts of other implementations"). Every receipt must be deterministic CBOR throughout
 * ({@code spec/cbor.md}). Thread-safe once built.
 */
public final class CoseReceipts {
    private final CoseReceiptVerifier receipts;

    private CoseReceipts(Builder builder) {
        KeySet keys = builder.anchors
                .logKeys()
                .orElseThrow(() -> new IllegalStateException("verifying COSE Receipts needs log keys in the anchors"));
        CoseReceiptVerifier.Builder verifier = CoseReceiptVerifier.builder();
        if (builder.ignoreKid) {
            if (keys.keys().size() != 1) {
                throw new IllegalStateException("ignoreKid needs exactly one log key in the anchors, got "
                        + keys.keys().size());
            }
            verifier.key(keys.keys().get(0)).ignoreKid();
        } else {
            verifier.trustedKeys(keys);
        }
        if (builder.ignoreLogId) {
            if (builder.logId != null) {
                throw new IllegalStateException("set at most one of expectLogId and ignoreLogId");
            }
            verifier.ignoreLogId();
        } else {
            verifier.expectLogId(Objects.requireNonNull(builder.logId, "expectLogId is required"));
        }
        this.receipts = verifier.build();
    }

    /**
     * Starts a verifier.
     *
     * @param anchors the trust anchors; their log keys sign receipts
     * @return a builder; the log id is required unless ignored
     */
    public static Builder builder(TrustAnchors anchors) {
        return new Builder(anchors);
    }

    /**
     * Verifies a receipt of inclusion for a candidate leaf: its path leads to a peak the log signed.
     * The index is not bound when the path is empty; use an accumulator when it matters.
     *
     * @param receipt the tagged COSE_Sign1 bytes
     * @param leaf the value claimed at the proof's index
     * @return the verified receipt
     * @throws dev.cairn.errors.CairnException the codes of {@link CoseReceiptVerifier}
     */
    public VerifiedInclusionReceipt verifyInclusion(byte[] receipt, Digest leaf) {
        return receipts.verifyInclusion(receipt, leaf);
    }

    /**
     * Verifies a receipt of inclusion, and that the peak it signs is the trusted accumulator's peak
     * above the leaf, with exactly the path length the accumulator's size implies.
     *
     * @param receipt the tagged COSE_Sign1 bytes
     * @param leaf the value claimed at the proof's index
     * @param trusted the trusted accumulator
     * @return the verified receipt
     * @throws dev.cairn.errors.CairnException the codes of {@link CoseReceiptVerifier}
     */
    public VerifiedInclusionReceipt verifyInclusion(byte[] receipt, Digest leaf, Accumulator trusted) {
        return receipts.verifyInclusion(receipt, leaf, trusted);
    }

    /**
     * Verifies a receipt of inclusion against the accumulator of a verified checkpoint.
     *
     * @param receipt the tagged COSE_Sign1 bytes
     * @param leaf the value claimed at the proof's index
     * @param checkpoint the verified checkpoint
     * @return the verified receipt
     * @throws dev.cairn.errors.CairnException the codes of {@link CoseReceiptVerifier}
     */
    public VerifiedInclusionReceipt verifyInclusion(byte[] receipt, Digest leaf, VerifiedCheckpoint checkpoint) {
        return receipts.verifyInclusion(receipt, leaf, checkpoint.checkpoint().accumulator());
    }

    /**
     * Verifies a receipt of consistency from a trusted accumulator.
     *
     * @param receipt the tagged COSE_Sign1 bytes
     * @param trusted the earlier state, trusted
     * @return the verified receipt, whose later accumulator the log signed
     * @throws dev.cairn.errors.CairnException the codes of {@link CoseReceiptVerifier}
     */
    public VerifiedConsistencyReceipt verifyConsistency(byte[] receipt, Accumulator trusted) {
        return receipts.verifyConsistency(receipt, trusted);
    }

    /**
     * Verifies a receipt of consistency from the accumulator of a verified checkpoint.
     *
     * @param receipt the tagged COSE_Sign1 bytes
     * @param checkpoint the earlier verified checkpoint
     * @return the verified receipt
     * @throws dev.cairn.errors.CairnException the codes of {@link CoseReceiptVerifier}
     */
    public VerifiedConsistencyReceipt verifyConsistency(byte[] receipt, VerifiedCheckpoint checkpoint) {
        return receipts.verifyConsistency(receipt, checkpoint.checkpoint().accumulator());
    }

    /** Sets the expectations. */
    public static final class Builder {
        private final TrustAnchors anchors;
        private LogId logId;
        private boolean ignoreLogId;
        private boolean ignoreKid;

        private Builder(TrustAnchors anchors) {
            this.anchors = Objects.requireNonNull(anchors, "anchors");
        }

        /**
         * The log the receipts must speak for. Required unless {@link #ignoreLogId()} is called (see
         * the class description).
         *
         * @param logId the log
         * @return this builder
         */
        public Builder expectLogId(LogId logId) {
            this.logId = Objects.requireNonNull(logId, "logId");
            return this;
        }

        /**
         * For receipts of other implementations: Cairn's log id is neither required nor compared
         * ({@link CoseReceiptVerifier.Builder#ignoreLogId()}). A log id the receipt carries must still
         * be text, and is reported by {@link VerifiedInclusionReceipt#logIdIfPresent()} and {@link
         * VerifiedConsistencyReceipt#logIdIfPresent()}. Not together with {@link #expectLogId(LogId)}.
         *
         * @return this builder
         */
        public Builder ignoreLogId() {
            this.ignoreLogId = true;
            return this;
        }

        /**
         * For receipts of other implementations: the anchors' one log key must have signed, whatever
         * the receipt's {@code kid}, or without one ({@link CoseReceiptVerifier.Builder#key} with
         * {@link CoseReceiptVerifier.Builder#ignoreKid()}). The anchors must hold exactly one log key.
         *
         * @return this builder
         */
        public Builder ignoreKid() {
            this.ignoreKid = true;
            return this;
        }

        /**
         * Builds the verifier.
         *
         * @return the verifier
         * @throws IllegalStateException if the anchors hold no log keys, if {@link #ignoreKid()} was
         *     given and they hold more than one, or if both {@link #expectLogId(LogId)} and {@link
         *     #ignoreLogId()} were given
         */
        public CoseReceipts build() {
            return new CoseReceipts(this);
        }
    }
}
