package dev.cairn.agent.state;

import dev.cairn.keys.SigningKey;
import java.util.Objects;

/** A pending state on the machine it was enrolled on, with its key: resume waiting for approval. */
public final class CheckedPending implements CheckedState {
    private final Generation generation;
    private final SigningKey key;

    CheckedPending(Generation generation, SigningKey key) {
        this.generation = Objects.requireNonNull(generation);
        this.key = Objects.requireNonNull(key);
    }

    @Override
    public Generation generation() {
        return generation;
    }

    /**
     * The pending state.
     *
     * @return the state
     */
    public PendingState state() {
        return (PendingState) generation.state();
    }

    @Override
    public SigningKey key() {
        return key;
    }

    @Override
    public String toString() {
        return "CheckedPending[generation " + generation.number() + ", join request "
                + state().enrollment().joinRequestLabel() + "]";
    }
}
