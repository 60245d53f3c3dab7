package dev.cairn.audit;

import dev.cairn.bytes.Bytes;
import dev.cairn.mmr.ConsistencyProof;
import java.util.Objects;
import java.util.Optional;

/**
 * An older signed checkpoint in an audit bundle's chain, with the consistency proof from it to the
 * next newer checkpoint of the chain (the covering checkpoint after the last link). The proof is
 * absent exactly when both checkpoints have the same size.
 *
 * @param checkpoint the signed checkpoint, an encoded COSE_Sign1
 * @param toNext the consistency proof to the next checkpoint, or empty for the same size
 */
public record CheckpointLink(Bytes checkpoint, Optional<ConsistencyProof> toNext) {
    /**
     * Validates the components.
     *
     * @param checkpoint the signed checkpoint
     * @param toNext the proof to the next checkpoint, or empty
     * @throws IllegalArgumentException if the checkpoint is larger than the format allows
     */
    public CheckpointLink {
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(toNext, "toNext");
        if (checkpoint.length() == 0 || checkpoint.length() > AuditBundleFormat.MAX_CHECKPOINT_BYTES) {
            throw new IllegalArgumentException("a signed checkpoint is 1 to " + AuditBundleFormat.MAX_CHECKPOINT_BYTES
                    + " bytes, got " + checkpoint.length());
        }
    }
}
