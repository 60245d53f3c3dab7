package dev.cairn.mmr;

import dev.cairn.bytes.Digest;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import java.util.List;
import java.util.Objects;

/**
 * The state of an MMR: its size and the values of its peaks, highest first, not bagged into one root
 * (the accumulator of the MMR profile). A verifier holds one it trusts, typically from a signed
 * checkpoint, and checks proofs against it.
 *
 * @param size a valid MMR size: the number of nodes
 * @param peaks the peak values, highest first; exactly {@link MmrMath#peakCount(long)} of them
 */
public record Accumulator(long size, List<Digest> peaks) {
    /**
     * Checks that the size is valid and the number of peaks is the one it implies.
     *
     * @param size a valid MMR size
     * @param peaks the peak values, highest first
     * @throws MalformedInputException {@link ErrorCode#MMR_SIZE_INVALID} if the size is invalid or the
     *     number of peaks differs from the size's
     */
    public Accumulator {
        Objects.requireNonNull(peaks, "peaks");
        peaks = List.copyOf(peaks);
        int want = MmrMath.peakCount(size);
        if (peaks.size() != want) {
            throw new MalformedInputException(
                    ErrorCode.MMR_SIZE_INVALID, "MMR size " + size + " has " + want + " peaks, got " + peaks.size());
        }
    }

    /**
     * The accumulator of the empty MMR: size 0, no peaks.
     *
     * @return the empty accumulator
     */
    public static Accumulator empty() {
        return new Accumulator(0, List.of());
    }

    /**
     * The number of leaves of this size.
     *
     * @return the leaf count
     */
    public long leafCount() {
        return MmrMath.leafCount(size);
    }
}
