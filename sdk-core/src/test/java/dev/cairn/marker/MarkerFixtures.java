package dev.cairn.marker;

import dev.cairn.bytes.Digest;
import dev.cairn.hash.DomainHash;
import dev.cairn.hash.HashDomain;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** Shared helpers for marker tests: payload digests and a settable clock. */
public final class MarkerFixtures {
    /** A fixed, plausible start time: 2023-11-14T22:13:20Z. */
    public static final long T0 = 1_700_000_000_000L;

    private MarkerFixtures() {}

    /**
     * A distinct payload digest per number.
     *
     * @param n any number
     * @return the statement-domain hash of its 8 big-endian bytes
     */
    public static Digest payload(long n) {
        return DomainHash.of(
                HashDomain.STATEMENT, ByteBuffer.allocate(8).putLong(n).array());
    }

    /** A clock the test sets by hand; thread-safe. */
    public static final class TestClock extends UtcClock {
        private final AtomicLong millis;

        /**
         * Creates a clock at a time.
         *
         * @param millis the initial time
         */
        public TestClock(long millis) {
            this.millis = new AtomicLong(millis);
        }

        /**
         * Sets the time.
         *
         * @param value milliseconds since the epoch
         */
        public void set(long value) {
            millis.set(value);
        }

        /**
         * Moves the time.
         *
         * @param delta milliseconds to add (may be negative)
         */
        public void advance(long delta) {
            millis.addAndGet(delta);
        }

        @Override
        public long millis() {
            return millis.get();
        }
    }

    /** A UTC clock whose time is {@link #millis()}; subclasses say what that is. */
    abstract static class UtcClock extends Clock {
        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
