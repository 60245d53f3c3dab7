package dev.cairn.receipt;

import dev.cairn.bytes.Digest;
import dev.cairn.checkpoint.LogId;
import dev.cairn.keys.VerificationKey;
import java.util.Optional;

/**
 * A COSE Receipt of inclusion that a {@link CoseReceiptVerifier} checked: a trusted key of the log
 * signed the peak that the leaf's inclusion path leads to. Only the verifier creates one.
 */
public final class VerifiedInclusionReceipt {
    /** The log id the receipt carries, or {@code null}: possible only when the verifier ignored it. */
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
     * The log the receipt speaks for: the expected log, or, when the verifier {@linkplain
     * CoseReceiptVerifier.Builder#ignoreLogId() ignored the log id}, the one the receipt carries.
     * Every receipt Cairn issues carries one; use {@link #logIdIfPresent()} for receipts of other
     * implementations.
     *
     * @return the log id
     * @throws IllegalStateException if the receipt carries no log id (only possible when the
     *     verifier ignored it)
     */
    public LogId logId() {
        if (logId == null) {
            throw new IllegalStateException("the receipt carries no log id; see logIdIfPresent()");
        }
        return logId;
    }

    /**
     * The log id the receipt carries, if any. Always present when the verifier expected a log id;
     * when it {@linkplain CoseReceiptVerifier.Builder#ignoreLogId() ignored the log id}, the value
     * is signed by the key but was compared with nothing.
     *
     * @return the log id, or empty when the receipt carries none
     */
    public Optional<LogId> logIdIfPresent() {
        return Optional.ofNullable(logId);
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
        return "VerifiedInclusionReceipt[log=" + (logId == null ? "none" : logId) + ", index=" + index + ", peak="
                + peak.toHex() + "]";
    }
}
