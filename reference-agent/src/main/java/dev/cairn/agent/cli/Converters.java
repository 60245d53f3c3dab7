package dev.cairn.agent.cli;

import dev.cairn.agent.client.JoinToken;
import dev.cairn.agent.state.Enrollment;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.keys.KeyType;
import dev.cairn.trust.identity.TrustDomain;
import dev.cairn.trust.pin.CaFingerprint;
import dev.cairn.trust.revocation.FreshnessTier;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Command-line values: a value that does not parse is a usage error (exit 2), never a state error. */
final class Converters {
    private Converters() {}

    static final class ServerUrl implements ITypeConverter<URI> {
        @Override
        public URI convert(String value) {
            try {
                return Enrollment.parseUrl(value);
            } catch (CairnException e) {
                throw new TypeConversionException("want https://host[:port][/path], got " + value);
            }
        }
    }

    static final class Pin implements ITypeConverter<CaFingerprint> {
        @Override
        public CaFingerprint convert(String value) {
            String text = value.strip().toLowerCase(Locale.ROOT);
            try {
                if (!text.startsWith(CaFingerprint.PREFIX)) {
                    throw new TypeConversionException("want sha256:<64 hex digits>");
                }
                // The hex digits may be spelled as openssl prints them: upper case, colon-separated.
                return CaFingerprint.parse(
                        CaFingerprint.PREFIX
                                + text.substring(CaFingerprint.PREFIX.length()).replace(":", ""),
                        ErrorCode.AGENT_STATE_MALFORMED);
            } catch (CairnException e) {
                throw new TypeConversionException("want sha256:<64 hex digits>, the root CA's SHA-256 fingerprint");
            }
        }
    }

    static final class Token implements ITypeConverter<JoinToken> {
        @Override
        public JoinToken convert(String value) {
            try {
                return JoinToken.parse(value.strip());
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class Domain implements ITypeConverter<TrustDomain> {
        @Override
        public TrustDomain convert(String value) {
            try {
                return new TrustDomain(value);
            } catch (CairnException e) {
                throw new TypeConversionException("not a trust domain (spec/identity.md): " + value);
            }
        }
    }

    static final class Keys implements ITypeConverter<KeyType> {
        @Override
        public KeyType convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "p256", "p-256" -> KeyType.P256;
                case "ed25519" -> KeyType.ED25519;
                default -> throw new TypeConversionException("want p256 or ed25519, got " + value);
            };
        }
    }

    static final class Tier implements ITypeConverter<FreshnessTier> {
        @Override
        public FreshnessTier convert(String value) {
            try {
                return FreshnessTier.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("want safe, risky or dangerous, got " + value);
            }
        }
    }

    static final class Time implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                Duration duration = Duration.parse(value);
                if (duration.isNegative()) {
                    throw new TypeConversionException("a duration must not be negative: " + value);
                }
                return duration;
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("want an ISO-8601 duration such as PT10S, got " + value);
            }
        }
    }
}
