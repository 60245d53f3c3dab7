package dev.cairn.mmr;

/**
 * Read access to an MMR for those who make proofs from it: its size, the accumulators of its sizes,
 * and inclusion and consistency proofs. {@link Mmr} implements it; a log hands out a read-only view
 * so that exporters can prove without being able to append.
 */
public interface MmrProofs {
    /**
     * The current size in nodes.
     *
     * @return a valid MMR size
     */
    long size();

    /**
     * The accumulator of a size.
     *
     * @param size a valid MMR size not above {@link #size()}
     * @return its size and peaks
     * @throws dev.cairn.errors.MalformedInputException {@code MMR_SIZE_INVALID} if the size is invalid
     *     or beyond the tree
     */
    Accumulator accumulator(long size);

    /**
     * Proves a node's inclusion in the MMR of a size.
     *
     * @param index the node index
     * @param size a valid MMR size above {@code index} and not above {@link #size()}
     * @return the proof, leading to one peak of {@code accumulator(size)}
     * @throws dev.cairn.errors.MalformedInputException {@code MMR_SIZE_INVALID} if the size is invalid,
     *     beyond the tree, or not above the index
     */
    InclusionProof inclusionProof(long index, long size);

    /**
     * Proves that the MMR of {@code size1} is a prefix of the MMR of {@code size2}.
     *
     * @param size1 a valid MMR size, possibly 0
     * @param size2 a valid MMR size above {@code size1} and not above {@link #size()}
     * @return the proof
     * @throws dev.cairn.errors.MalformedInputException {@code MMR_SIZE_INVALID} or {@code
     *     MMR_PROOF_MALFORMED} for sizes that do not allow a proof
     */
    ConsistencyProof consistencyProof(long size1, long size2);
}
