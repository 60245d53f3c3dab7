package dev.cairn.marker;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * Where two marker streams part ways, as found by {@link DivergenceSearch}.
 *
 * <p>Markers {@code [0, commonPrefix)} are proven equal (their hashes at {@code commonPrefix - 1}
 * agree, and the hash chain covers everything before). When the streams diverged, {@code
 * firstDifference} is the lowest sequence proven to differ; comparing two streams finds it exactly
 * ({@code firstDifference == commonPrefix}), comparing with sparse checkpoints bounds it: the streams
 * first differ somewhere in {@code [commonPrefix, firstDifference]}.
 *
 * @param relation how the streams relate
 * @param commonPrefix the number of leading markers proven equal
 * @param firstDifference the lowest sequence proven to differ; present exactly for {@link
 *     Relation#DIVERGED}
 */
public record Divergence(Relation relation, long commonPrefix, OptionalLong firstDifference) {
    /** How the first stream relates to the second. */
    public enum Relation {
        /** Same size, and equal everywhere. */
        IDENTICAL,
        /** The first is shorter, and equal to the start of the second. */
        FIRST_IS_PREFIX,
        /** The second is shorter, and equal to the start of the first. */
        SECOND_IS_PREFIX,
        /** Some marker present in both differs. */
        DIVERGED,
        /**
         * Checkpoints only: no checkpoint differs, but none proves the shorter side a prefix either (the
         * markers after {@code commonPrefix} that both sides have are covered by no checkpoint).
         */
        CONSISTENT
    }

    /**
     * Validates the components.
     *
     * @param relation how the streams relate
     * @param commonPrefix non-negative
     * @param firstDifference present, and not below {@code commonPrefix}, exactly when diverged
     */
    public Divergence {
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(firstDifference, "firstDifference");
        if (commonPrefix < 0) {
            throw new IllegalArgumentException("common prefix: got " + commonPrefix + ", want >= 0");
        }
        if ((relation == Relation.DIVERGED) != firstDifference.isPresent()) {
            throw new IllegalArgumentException(relation + " with first difference " + firstDifference);
        }
        if (firstDifference.isPresent() && firstDifference.getAsLong() < commonPrefix) {
            throw new IllegalArgumentException("first difference below the common prefix");
        }
    }

    /**
     * Whether some marker present on both sides differs.
     *
     * @return {@code true} for {@link Relation#DIVERGED}
     */
    public boolean diverged() {
        return relation == Relation.DIVERGED;
    }
}
