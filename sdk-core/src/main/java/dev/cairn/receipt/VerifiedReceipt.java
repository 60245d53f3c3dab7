package dev.cairn.receipt;

import dev.cairn.checkpoint.VerifiedCheckpoint;
import dev.cairn.keys.VerificationKey;
import dev.cairn.marker.Marker;

/**
 * A full receipt that a {@link ReceiptVerifier} checked: the statement is signed by a trusted key,
 * and its marker is in the log under a verified checkpoint. Only the verifier creates one.
 */
public final class VerifiedReceipt {
    private final Statement statement;
    private final VerificationKey statementSigner;
    private final Marker marker;
    private final long mmrIndex;
    private final VerifiedCheckpoint checkpoint;

    VerifiedReceipt(
            Statement statement,
            VerificationKey statementSigner,
            Marker marker,
            long mmrIndex,
            VerifiedCheckpoint checkpoint) {
        this.statement = statement;
        this.statementSigner = statementSigner;
        this.marker = marker;
        this.mmrIndex = mmrIndex;
        this.checkpoint = checkpoint;
    }

    /**
     * The verified statement.
     *
     * @return the statement
     */
    public Statement statement() {
        return statement;
    }

    /**
     * The trusted key that signed the statement.
     *
     * @return the key
     */
    public VerificationKey statementSigner() {
        return statementSigner;
    }

    /**
     * The marker the statement was appended as.
     *
     * @return the marker
     */
    public Marker marker() {
        return marker;
    }

    /**
     * The MMR node index of the marker's leaf.
     *
     * @return the index
     */
    public long mmrIndex() {
        return mmrIndex;
    }

    /**
     * The checkpoint the inclusion was proven under.
     *
     * @return the verified checkpoint
     */
    public VerifiedCheckpoint checkpoint() {
        return checkpoint;
    }

    @Override
    public String toString() {
        return "VerifiedReceipt[" + statement + ", seq=" + marker.seq() + ", checkpoint size "
                + checkpoint.checkpoint().size() + "]";
    }
}
