package dev.cairn.verifier.cli;

import dev.cairn.bytes.Digest;
import dev.cairn.checkpoint.LogId;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.trust.identity.CairnId;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option values as typed values; a value that does not convert is a usage error (exit 2). */
final class Converters {
    private Converters() {}

    /** An instant in ISO-8601 UTC form, {@code 2026-11-24T00:00:00Z}. */
    static final class InstantValue implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException(
                        "'" + value + "' is not an ISO-8601 instant such as 2026-11-24T00:00:00Z");
            }
        }
    }

    /** A duration in ISO-8601 form, {@code PT5M}; not negative. */
    static final class DurationValue implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Duration duration;
            try {
                duration = Duration.parse(value);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not an ISO-8601 duration such as PT5M");
            }
            if (duration.isNegative()) {
                throw new TypeConversionException("'" + value + "' is negative");
            }
            return duration;
        }
    }

    /** A log id: 1 to 255 printable ASCII characters without spaces. */
    static final class LogIdValue implements ITypeConverter<LogId> {
        @Override
        public LogId convert(String value) {
            if (!LogId.isValid(value)) {
                throw new TypeConversionException("'" + value + "' is not a log id (1-255 printable ASCII, no spaces)");
            }
            return new LogId(value);
        }
    }

    /** A 32-byte hash in lowercase hex. */
    static final class DigestValue implements ITypeConverter<Digest> {
        @Override
        public Digest convert(String value) {
            if (!value.matches("[0-9a-f]{64}")) {
                throw new TypeConversionException("'" + value + "' is not 64 lowercase hex characters");
            }
            return Digest.fromHex(value);
        }
    }

    /** A Cairn identity URI in canonical form. */
    static final class CairnIdValue implements ITypeConverter<CairnId> {
        @Override
        public CairnId convert(String value) {
            try {
                return CairnId.parse(value);
            } catch (MalformedInputException e) {
                throw new TypeConversionException("'" + value + "' is not a canonical cairn:// identity");
            }
        }
    }
}
