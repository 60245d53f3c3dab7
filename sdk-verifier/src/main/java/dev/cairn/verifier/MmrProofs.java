package dev.cairn.verifier;

import dev.cairn.bytes.Digest;
import dev.cairn.checkpoint.VerifiedCheckpoint;
import dev.cairn.errors.ErrorCode;
import dev.cairn.mmr.Accumulator;
import dev.cairn.mmr.ConsistencyProof;
import dev.cairn.mmr.InclusionProof;
import dev.cairn.mmr.MmrVerifier;
import dev.cairn.mmr.VerifiedConsistency;
import dev.cairn.mmr.VerifiedInclusion;

/**
 * Verifies MMR inclusion and consistency proofs ({@code spec/mmr.md}) with sdk-core's {@link
 * MmrVerifier}, against accumulators the caller trusts or, better, against verified checkpoints.
 *
 * <p>Security guarantees: a proof is only as good as the accumulator it is checked against. An
 * accumulator from the same untrusted source as the proof proves internal consistency only; one
 * from a {@link VerifiedCheckpoint} proves what the log signed. Failures: {@link
 * ErrorCode#MMR_SIZE_INVALID} and {@link ErrorCode#MMR_PROOF_MALFORMED} (wrong shape), {@link
 * ErrorCode#MMR_PROOF_INVALID} (expected and found values in the details). Stateless.
 */
public final class MmrProofs {
    private MmrProofs() {}

    /**
     * Verifies that a value is the node at the proof's index under a trusted accumulator.
     *
     * @param proof the inclusion proof
     * @param value the value claimed at {@code proof.index()}
     * @param trusted the accumulator
     * @return the verified inclusion; {@link VerifiedInclusion#isLeaf()} says whether the index is a leaf
     */
    public static VerifiedInclusion verifyInclusion(InclusionProof proof, Digest value, Accumulator trusted) {
        return MmrVerifier.verifyInclusion(proof, value, trusted);
    }

    /**
     * Verifies that a value is the node at the proof's index in the MMR a verified checkpoint signs.
     *
     * @param proof the inclusion proof
     * @param value the value claimed at {@code proof.index()}
     * @param checkpoint the verified checkpoint
     * @return the verified inclusion
     */
    public static VerifiedInclusion verifyInclusion(InclusionProof proof, Digest value, VerifiedCheckpoint checkpoint) {
        return MmrVerifier.verifyInclusion(proof, value, checkpoint.checkpoint().accumulator());
    }

    /**
     * Verifies that a later accumulator extends a trusted earlier one by appends only.
     *
     * @param proof the consistency proof
     * @param from the trusted earlier accumulator
     * @param to the later accumulator
     * @return the verified consistency
     */
    public static VerifiedConsistency verifyConsistency(ConsistencyProof proof, Accumulator from, Accumulator to) {
        return MmrVerifier.verifyConsistency(proof, from, to);
    }

    /**
     * Verifies that a later verified checkpoint extends an earlier one by appends only.
     *
     * @param proof the consistency proof
     * @param from the earlier verified checkpoint
     * @param to the later verified checkpoint
     * @return the verified consistency
     */
    public static VerifiedConsistency verifyConsistency(
            ConsistencyProof proof, VerifiedCheckpoint from, VerifiedCheckpoint to) {
        return MmrVerifier.verifyConsistency(
                proof, from.checkpoint().accumulator(), to.checkpoint().accumulator());
    }
}
