package dev.cairn.receipt;

import dev.cairn.checkpoint.LogId;
import dev.cairn.keys.VerificationKey;
import dev.cairn.mmr.Accumulator;

/**
 * A COSE Receipt of consistency that a {@link CoseReceiptVerifier} checked: from the trusted earlier
 * accumulator, the receipt's proofs produce the later accumulator, and a trusted key of the log
 * signed exactly that accumulator and its size. The later accumulator may become the next trusted
 * state. Only the verifier creates one.
 */
public final class VerifiedConsistencyReceipt {
    private final LogId logId;
    private final Accumulator from;
    private final Accumulator to;
    private final VerificationKey signer;

    VerifiedConsistencyReceipt(LogId logId, Accumulator from, Accumulator to, VerificationKey signer) {
        this.logId = logId;
        this.from = from;
        this.to = to;
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
     * The trusted state the receipt was verified from.
     *
     * @return the earlier accumulator
     */
    public Accumulator from() {
        return from;
    }

    /**
     * The state the receipt proves and the log signed.
     *
     * @return the later accumulator
     */
    public Accumulator to() {
        return to;
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
        return "VerifiedConsistencyReceipt[log=" + logId + ", " + from.size() + " -> " + to.size() + "]";
    }
}
