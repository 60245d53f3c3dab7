package dev.cairn.trust.rotation;

import dev.cairn.trust.ca.Profile;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * The thresholds of a CA rotation ({@code spec/ca.md}, "Rotation").
 *
 * <p>Activation needs {@code reported >= minimumReported} and {@code reported * 100 >= percent *
 * relyingParties}, computed exactly in integers. Retirement needs the old CA's last leaf to have
 * expired and, independently of what the caller tracked, {@code maxLeafTtl} to have passed since
 * activation, so that a leaf the caller failed to record cannot outlive its CA in the bundle.
 *
 * @param percent the share of relying parties that must hold the bundle with the next CA, 1 to 100
 * @param minimumReported the least number of such relying parties, at least 0
 * @param maxLeafTtl the longest lifetime of a leaf the old CA may have issued, positive
 */
public record RotationPolicy(int percent, int minimumReported, Duration maxLeafTtl) {
    /** 95 percent and at least one relying party; the longest leaf profile lifetime (30 days). */
    public static final RotationPolicy DEFAULT = new RotationPolicy(95, 1, longestLeafTtl());

    /**
     * Checks the bounds.
     *
     * @param percent the share, 1 to 100
     * @param minimumReported the least count, at least 0
     * @param maxLeafTtl the longest leaf lifetime, positive
     * @throws IllegalArgumentException if a bound is broken
     */
    public RotationPolicy {
        Objects.requireNonNull(maxLeafTtl, "maxLeafTtl");
        if (percent < 1 || percent > 100 || minimumReported < 0 || maxLeafTtl.isNegative() || maxLeafTtl.isZero()) {
            throw new IllegalArgumentException("want percent in 1..100, minimumReported >= 0, maxLeafTtl > 0");
        }
    }

    /**
     * Whether a propagation report meets the thresholds; the sequence is not checked here.
     *
     * @param propagation the report
     * @return {@code true} if enough relying parties hold the bundle
     */
    public boolean propagated(Propagation propagation) {
        return propagation.reported() >= minimumReported
                && (long) propagation.reported() * 100 >= (long) percent * propagation.relyingParties();
    }

    private static Duration longestLeafTtl() {
        return Arrays.stream(Profile.values())
                .filter(p -> !p.isCa())
                .map(Profile::maxTtl)
                .max(Duration::compareTo)
                .orElseThrow();
    }
}
