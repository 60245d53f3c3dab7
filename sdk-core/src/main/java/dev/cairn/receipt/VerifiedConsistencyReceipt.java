package dev.cairn.receipt;

import dev.cairn.checkpoint.LogId;
import dev.cairn.keys.VerificationKey;
import dev.cairn.mmr.Accumulator;
import java.util.Optional;

/**
 * A COSE Receipt of consistency that a {@link CoseReceiptVerifier} checked: from the trusted earlier
 * accumulator, the receipt's proofs produce the later accumulator, and a trusted key of the log
 * signed exactly that accumulator and its size. The later accumulator may become the next trusted
 * state. Only the verifier creates one.
 */
public final class VerifiedConsistencyReceipt {
    /** The log id the receipt carries, or {@code null}: possible only when the verifier ignored it. */
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
        return "VerifiedConsistencyReceipt[log=" + (logId == null ? "none" : logId) + ", " + from.size() + " -> "
                + to.size() + "]";
    }
}
