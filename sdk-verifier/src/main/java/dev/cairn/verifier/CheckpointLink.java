package dev.cairn.verifier;

import dev.cairn.bytes.Bytes;
import dev.cairn.mmr.ConsistencyProof;
import java.util.Objects;
import java.util.Optional;

/**
 * One checkpoint of a chain of checkpoints, with the MMR consistency proof from the checkpoint
 * before it ({@code spec/mmr.md}, "Consistency proof"). Not trusted by itself: {@link
 * CheckpointChainVerifier} checks it.
 *
 * @param signedCheckpoint the signed checkpoint, a tagged COSE_Sign1
 * @param fromPrevious the proof from the previous checkpoint's size to this one's; empty for the first
 *     checkpoint of a chain and for one whose size equals the previous one's
 */
public record CheckpointLink(Bytes signedCheckpoint, Optional<ConsistencyProof> fromPrevious) {
    /**
     * Checks that no part is missing.
     *
     * @param signedCheckpoint the signed checkpoint
     * @param fromPrevious the consistency proof, or empty
     */
    public CheckpointLink {
        Objects.requireNonNull(signedCheckpoint, "signedCheckpoint");
        Objects.requireNonNull(fromPrevious, "fromPrevious");
    }
}
