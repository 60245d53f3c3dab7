package dev.cairn.agent.client;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import java.time.Duration;

/** How the agent waits between attempts; tests substitute one that does not sleep. */
@FunctionalInterface
public interface Sleeper {
    /** Sleeps on the current thread. */
    Sleeper SYSTEM = delay -> Thread.sleep(Math.max(0, delay.toMillis()));

    /**
     * Waits.
     *
     * @param delay how long
     * @throws InterruptedException if the thread was interrupted
     */
    void sleep(Duration delay) throws InterruptedException;

    /**
     * Waits, turning an interruption into a coded error (the interrupt flag is kept).
     *
     * @param delay how long
     * @throws InternalException {@link ErrorCode#INTERNAL_IO} if interrupted
     */
    default void pause(Duration delay) {
        try {
            sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InternalException(ErrorCode.INTERNAL_IO, "interrupted while waiting", e);
        }
    }
}
