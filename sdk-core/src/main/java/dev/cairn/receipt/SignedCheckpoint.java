package dev.cairn.receipt;

import dev.cairn.bytes.Bytes;
import dev.cairn.checkpoint.Checkpoint;
import java.util.Objects;

/**
 * A checkpoint a {@link ReceiptLog} just signed, with its signed bytes, ready to publish.
 *
 * @param checkpoint the state
 * @param signed the encoded COSE_Sign1
 */
public record SignedCheckpoint(Checkpoint checkpoint, Bytes signed) {
    /**
     * Validates the components.
     *
     * @param checkpoint the state
     * @param signed the signed bytes
     */
    public SignedCheckpoint {
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(signed, "signed");
    }
}
