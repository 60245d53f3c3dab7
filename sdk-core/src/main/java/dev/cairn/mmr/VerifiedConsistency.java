package dev.cairn.mmr;

/**
 * Two MMR states proven consistent: every node of {@link #from()} is a node of {@link #to()}, at the
 * same index with the same value, so {@code to} extends {@code from} by appends only. Only {@link
 * MmrVerifier} creates one.
 */
public final class VerifiedConsistency {
    private final Accumulator from;
    private final Accumulator to;

    VerifiedConsistency(Accumulator from, Accumulator to) {
        this.from = from;
        this.to = to;
    }

    /**
     * The earlier state.
     *
     * @return the accumulator of the smaller size
     */
    public Accumulator from() {
        return from;
    }

    /**
     * The later state.
     *
     * @return the accumulator of the larger size
     */
    public Accumulator to() {
        return to;
    }

    @Override
    public String toString() {
        return "VerifiedConsistency[" + from.size() + " -> " + to.size() + "]";
    }
}
