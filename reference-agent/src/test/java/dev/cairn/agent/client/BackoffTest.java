package dev.cairn.agent.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigInteger;
import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void everyDelayIsWithinItsStepAndNeverBelowTheServersFloor() {
        qt().withExamples(5000)
                .forAll(
                        longs().between(1, 10_000),
                        longs().between(0, 1_000_000),
                        integers().between(0, 10_000),
                        longs().between(0, 7_200_000))
                .checkAssert((base, extra, attempt, floorMillis) -> {
                    Backoff backoff = new Backoff(Duration.ofMillis(base), Duration.ofMillis(base + extra));
                    Duration floor = Duration.ofMillis(floorMillis);
                    long step = backoff.step(attempt).toMillis();
                    long literal = BigInteger.valueOf(base)
                            .shiftLeft(Math.min(attempt, 64))
                            .min(BigInteger.valueOf(base + extra))
                            .longValueExact();
                    assertEquals(literal, step, "min(cap, base * 2^attempt)");
                    long least = Math.min(floorMillis, Backoff.MAX_FLOOR.toMillis());
                    long delay = backoff.delay(attempt, floor, new Random(attempt * 31L + base))
                            .toMillis();
                    assertTrue(delay >= Math.max(least, step / 2), "below the lower bound: " + delay);
                    assertTrue(delay <= Math.max(least, step), "above the upper bound: " + delay);
                    assertTrue(delay <= Math.max(least, base + extra), "above the cap: " + delay);
                });
    }

    @Test
    void stepsDoubleUpToTheCapAndJitterSpreadsDelays() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));
        assertEquals(Duration.ofSeconds(1), backoff.step(0));
        assertEquals(Duration.ofSeconds(2), backoff.step(1));
        assertEquals(Duration.ofSeconds(32), backoff.step(5));
        assertEquals(Duration.ofSeconds(60), backoff.step(6));
        assertEquals(Duration.ofSeconds(60), backoff.step(Integer.MAX_VALUE));
        Set<Duration> seen = new HashSet<>();
        Random random = new Random(7);
        for (int i = 0; i < 100; i++) {
            seen.add(backoff.delay(6, Duration.ZERO, random));
        }
        assertTrue(seen.size() > 50, "jitter: " + seen.size() + " distinct delays");
        assertEquals(Duration.ofHours(1), backoff.delay(0, Duration.ofDays(3), random), "a floor is capped at 1 h");
        assertEquals(Duration.ofSeconds(5), backoff.delay(0, Duration.ofSeconds(5), random), "the floor wins");
    }

    @Test
    void boundsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> Backoff.DEFAULT.step(-1));
    }
}
