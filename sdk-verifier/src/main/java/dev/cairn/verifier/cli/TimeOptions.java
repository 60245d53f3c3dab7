package dev.cairn.verifier.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import picocli.CommandLine.Option;

/** What "now" is and the clock skew allowed: {@code --at} and {@code --max-skew}. */
final class TimeOptions {
    @Option(
            names = "--at",
            paramLabel = "INSTANT",
            converter = Converters.InstantValue.class,
            description = "Verify as of this time (ISO-8601, e.g. 2026-11-24T00:00:00Z); default: now.")
    Instant at;

    @Option(
            names = "--max-skew",
            paramLabel = "DURATION",
            converter = Converters.DurationValue.class,
            defaultValue = "PT5M",
            description = "How far in the future a checkpoint's time may lie (ISO-8601); default: ${DEFAULT-VALUE}.")
    Duration maxSkew;

    Clock clock() {
        return clockAt(at);
    }

    /** The system clock, or a clock fixed at {@code at} when it is given. */
    static Clock clockAt(Instant at) {
        return at == null ? Clock.systemUTC() : Clock.fixed(at, ZoneOffset.UTC);
    }
}
