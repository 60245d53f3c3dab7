package dev.cairn.server.http;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds the edge puts on every request ({@code spec/http-api.md}, "Limits"). Bad input that
 * crosses one is refused with a coded 4xx before any handler state changes.
 *
 * @param maxBodyBytes longest request body, JSON or binary; longer is {@code HTTP_BODY_TOO_LARGE}
 * @param maxHeaderBytes longest request line plus headers; longer is {@code HTTP_HEADERS_TOO_LARGE}
 * @param maxJsonDepth deepest nesting of JSON arrays and objects
 * @param maxJsonNameLength longest JSON member name, in characters
 * @param maxJsonNumberLength longest JSON number literal, in characters
 * @param idleTimeout how long an open connection may sit idle before the server closes it
 * @param readinessTimeout how long one readiness check may take before it counts as failed
 */
public record Limits(
        int maxBodyBytes,
        int maxHeaderBytes,
        int maxJsonDepth,
        int maxJsonNameLength,
        int maxJsonNumberLength,
        Duration idleTimeout,
        Duration readinessTimeout) {
    /** Default body limit: 64 KiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;

    /**
     * Checks every bound.
     *
     * @param maxBodyBytes 1 byte to 16 MiB
     * @param maxHeaderBytes 1 KiB to 64 KiB; above the 8 KiB an operator token may take
     * @param maxJsonDepth 1 to 256
     * @param maxJsonNameLength 1 to 4096
     * @param maxJsonNumberLength 1 to 1000
     * @param idleTimeout positive
     * @param readinessTimeout positive
     */
    public Limits {
        check("maxBodyBytes", maxBodyBytes, 1, 16 * 1024 * 1024);
        check("maxHeaderBytes", maxHeaderBytes, 1024, 64 * 1024);
        check("maxJsonDepth", maxJsonDepth, 1, 256);
        check("maxJsonNameLength", maxJsonNameLength, 1, 4096);
        check("maxJsonNumberLength", maxJsonNumberLength, 1, 1000);
        positive("idleTimeout", idleTimeout);
        positive("readinessTimeout", readinessTimeout);
    }

    /**
     * The defaults: 64 KiB bodies, 16 KiB of headers, JSON depth 32, names of 256 and numbers of 64
     * characters, 30 s idle connections, 2 s per readiness check.
     *
     * @return the default limits
     */
    public static Limits defaults() {
        return new Limits(
                DEFAULT_MAX_BODY_BYTES, 16 * 1024, 32, 256, 64, Duration.ofSeconds(30), Duration.ofSeconds(2));
    }

    /**
     * These limits with another body size limit.
     *
     * @param bytes the new limit
     * @return new limits
     */
    public Limits withMaxBodyBytes(int bytes) {
        return new Limits(
                bytes,
                maxHeaderBytes,
                maxJsonDepth,
                maxJsonNameLength,
                maxJsonNumberLength,
                idleTimeout,
                readinessTimeout);
    }

    /**
     * These limits with another JSON depth limit.
     *
     * @param depth the new limit
     * @return new limits
     */
    public Limits withMaxJsonDepth(int depth) {
        return new Limits(
                maxBodyBytes,
                maxHeaderBytes,
                depth,
                maxJsonNameLength,
                maxJsonNumberLength,
                idleTimeout,
                readinessTimeout);
    }

    /**
     * These limits with another readiness check timeout.
     *
     * @param timeout the new limit
     * @return new limits
     */
    public Limits withReadinessTimeout(Duration timeout) {
        return new Limits(
                maxBodyBytes,
                maxHeaderBytes,
                maxJsonDepth,
                maxJsonNameLength,
                maxJsonNumberLength,
                idleTimeout,
                timeout);
    }

    private static void check(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " " + value + ", want " + min + " to " + max);
        }
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " " + value + ", want positive");
        }
    }
}
