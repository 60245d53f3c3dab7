package dev.cairn.verifier;

import dev.cairn.checkpoint.VerifiedCheckpoint;
import java.util.List;

/**
 * Checkpoints that a {@link CheckpointChainVerifier} checked one after the other: each is signed by
 * a trusted key of the log, and each extends the one before it by appends only. Only the verifier
 * creates one.
 */
public final class VerifiedCheckpointChain {
    private final List<VerifiedCheckpoint> checkpoints;

    VerifiedCheckpointChain(List<VerifiedCheckpoint> checkpoints) {
        this.checkpoints = List.copyOf(checkpoints);
    }

    /**
     * The checkpoints in chain order.
     *
     * @return an unmodifiable list of at least one
     */
    public List<VerifiedCheckpoint> checkpoints() {
        return checkpoints;
    }

    /**
     * The first checkpoint.
     *
     * @return the checkpoint the chain starts from
     */
    public VerifiedCheckpoint first() {
        return checkpoints.get(0);
    }

    /**
     * The last checkpoint: the newest state proven consistent with every earlier one.
     *
     * @return the last checkpoint
     */
    public VerifiedCheckpoint last() {
        return checkpoints.get(checkpoints.size() - 1);
    }

    @Override
    public String toString() {
        return "VerifiedCheckpointChain[" + checkpoints.size() + " checkpoints, size "
                + first().checkpoint().size() + " -> " + last().checkpoint().size() + "]";
    }
}
