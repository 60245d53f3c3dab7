package dev.cairn.receipt;

import dev.cairn.bytes.Digest;
import dev.cairn.checkpoint.LogId;
import dev.cairn.keys.VerificationKey;

/**
 * A COSE Receipt of inclusion that a {@link CoseReceiptVerifier} checked: a trusted key of the log
 * signed the peak that the leaf's inclusion path leads to. Only the verifier creates one.
 */
public final class VerifiedInclusionReceipt {
    private final LogId logId;
    private final long index;
    private final Digest leaf;
    private final Digest peak;
    private final VerificationKey signer;

    VerifiedInclusionReceipt(LogId logId, long index, Digest leaf, Digest peak, VerificationKey signer) {
        this.logId = logId;
        this.index = index;
        this.leaf = leaf;
        this.peak = peak;
        this.signer = signer;
    }

    /**
     * The log the receipt speaks for.
     *
     * @return the log id
     */
    public LogId logId() {
        return logId;
    }

    /**
     * The MMR node index proven.
     *
     * @return the index
     */
    public long index() {
        return index;
    }

    /**
     * The value proven at {@link #index()}.
     *
     * @return the leaf
     */
    public Digest leaf() {
        return leaf;
    }

    /**
     * The peak the path leads to, which the log signed.
     *
     * @return the peak value
     */
    public Digest peak() {
        return peak;
    }

    /**
     * The trusted key that signed the receipt.
     *
     * @return the key
     */
    public VerificationKey signer() {
        return signer;
    }

    @Override
    public String toString() {
        return "VerifiedInclusionReceipt[log=" + logId + ", index=" + index + ", peak=" + peak.toHex() + "]";
    }
}
