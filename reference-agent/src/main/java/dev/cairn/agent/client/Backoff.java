package dev.cairn.agent.client;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: before retry {@code n} (0 first) the agent waits a delay drawn
 * uniformly from {@code [d/2, d]}, where {@code d = min(cap, base * 2^n)} ("equal jitter": retries of
 * many agents spread out, and no delay is shorter than half its step), and never less than a floor
 * the server set ({@code poll_after_seconds}, {@code retry_after}). Delays are whole milliseconds.
 *
 * @param base the first step, positive
 * @param cap the largest step, at least {@code base}
 */
public record Backoff(Duration base, Duration cap) {
    /** The first step by default. */
    public static final Duration DEFAULT_BASE = Duration.ofSeconds(1);

    /** The largest step by default. */
    public static final Duration DEFAULT_CAP = Duration.ofSeconds(60);

    /** The longest floor honoured; a server asking for more gets this. */
    public static final Duration MAX_FLOOR = Duration.ofHours(1);

    /** The default backoff: 1 s doubling up to 60 s. */
    public static final Backoff DEFAULT = new Backoff(DEFAULT_BASE, DEFAULT_CAP);

    /**
     * Checks the bounds.
     *
     * @param base the first step
     * @param cap the largest step
     * @throws IllegalArgumentException if {@code base} is not positive or {@code cap} is below it
     */
    public Backoff {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(cap, "cap");
        if (base.toMillis() < 1 || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("want 1 ms <= base <= cap, got " + base + " and " + cap);
        }
    }

    /**
     * The step of a retry before jitter: {@code min(cap, base * 2^attempt)}.
     *
     * @param attempt the retry number, 0 for the first
     * @return the step
     */
    public Duration step(int attempt) {
        if (attempt < 0) {
            throw new IllegalArgumentException("attempt " + attempt);
        }
        long capMillis = cap.toMillis();
        long step = base.toMillis();
        for (int i = 0; i < attempt && step < capMillis; i++) {
            step *= 2;
        }
        return Duration.ofMillis(Math.min(step, capMillis));
    }

    /**
     * The delay before a retry.
     *
     * @param attempt the retry number, 0 for the first
     * @param floor the least delay the server asked for ({@link Duration#ZERO} for none), honoured up
     *     to {@link #MAX_FLOOR}
     * @param random the source of jitter
     * @return a delay in {@code [max(floor, step/2), max(floor, step)]}
     */
    public Duration delay(int attempt, Duration floor, RandomGenerator random) {
        Objects.requireNonNull(floor, "floor");
        Objects.requireNonNull(random, "random");
        long step = step(attempt).toMillis();
        long half = step / 2;
        long jittered = half + random.nextLong(step - half + 1);
        long least = floor.isNegative() ? 0 : (floor.compareTo(MAX_FLOOR) > 0 ? MAX_FLOOR : floor).toMillis();
        return Duration.ofMillis(Math.max(least, jittered));
    }
}
