package dev.cairn.server.enroll;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import java.time.Duration;
import java.util.Optional;

/**
 * The body of {@code POST /v1/clusters/{cluster}/join-tokens}; {@code null} members take the defaults.
 *
 * @param ttlSeconds the token's lifetime, 60 s to 7 days; null for {@code enrollment.token_ttl}
 * @param maxUses how many join requests it may carry, 1 to 1000; null for 1
 */
public record NewJoinToken(Long ttlSeconds, Integer maxUses) {
    /** The shortest lifetime. */
    public static final Duration MIN_TTL = Duration.ofSeconds(60);

    /** The longest lifetime. */
    public static final Duration MAX_TTL = Duration.ofDays(7);

    /** The most uses. */
    public static final int MAX_USES = 1000;

    /**
     * Checks the bounds.
     *
     * @param ttlSeconds the lifetime or null
     * @param maxUses the uses or null
     * @throws MalformedInputException {@link ErrorCode#JOIN_TOKEN_OPTIONS_INVALID}
     */
    public NewJoinToken {
        if (ttlSeconds != null && (ttlSeconds < MIN_TTL.toSeconds() || ttlSeconds > MAX_TTL.toSeconds())) {
            throw new MalformedInputException(
                    ErrorCode.JOIN_TOKEN_OPTIONS_INVALID, "ttl_seconds " + ttlSeconds + ", want 60 to 604800");
        }
        if (maxUses != null && (maxUses < 1 || maxUses > MAX_USES)) {
            throw new MalformedInputException(
                    ErrorCode.JOIN_TOKEN_OPTIONS_INVALID, "max_uses " + maxUses + ", want 1 to 1000");
        }
    }

    /**
     * The lifetime asked for.
     *
     * @return the lifetime, or empty for the default
     */
    public Optional<Duration> ttl() {
        return Optional.ofNullable(ttlSeconds).map(Duration::ofSeconds);
    }

    /**
     * The uses asked for.
     *
     * @return the maximum, 1 by default
     */
    public int uses() {
        return maxUses == null ? 1 : maxUses;
    }
}
