package dev.cairn.server.store.audit;

import dev.cairn.receipt.Action;
import java.util.Objects;

/**
 * What an accepted {@link Mutation} returns: its result for the caller and the action its statement
 * records.
 *
 * @param result the caller's result, possibly {@code null}
 * @param action the action to sign and append
 * @param <T> the result type
 */
public record Recorded<T>(T result, Action action) {
    /**
     * Validates the components.
     *
     * @param result the result
     * @param action the action
     */
    public Recorded {
        Objects.requireNonNull(action, "action");
    }

    /**
     * A result and its action.
     *
     * @param result the caller's result
     * @param action the action to record
     * @param <T> the result type
     * @return the recorded change
     */
    public static <T> Recorded<T> of(T result, Action action) {
        return new Recorded<>(result, action);
    }
}
