package dev.cairn.trust.rotation;

/**
 * What relying parties report about the bundle they hold: the input that gates activation. The
 * caller (the server) counts the relying parties it expects and those whose last report named a
 * bundle sequence of at least {@code sequence}.
 *
 * @param sequence the bundle sequence the count is for; to activate it must be at least the sequence
 *     of the bundle that carries the next CA ({@link RotationState#bundle()} while PREPARED)
 * @param relyingParties how many relying parties there are, at least 0
 * @param reported how many of them reported holding a bundle with a sequence of at least {@code
 *     sequence}, from 0 to {@code relyingParties}
 */
public record Propagation(long sequence, int relyingParties, int reported) {
    /**
     * Checks the counts.
     *
     * @param sequence the bundle sequence counted
     * @param relyingParties the number of relying parties
     * @param reported the number that hold that sequence or a later one
     * @throws IllegalArgumentException if a count is negative or {@code reported > relyingParties}
     */
    public Propagation {
        if (sequence < 1 || relyingParties < 0 || reported < 0 || reported > relyingParties) {
            throw new IllegalArgumentException("want sequence >= 1 and 0 <= reported (" + reported
                    + ") <= relyingParties (" + relyingParties + ")");
        }
    }
}
