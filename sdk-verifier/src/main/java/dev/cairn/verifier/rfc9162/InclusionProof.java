package dev.cairn.verifier.rfc9162;

import dev.cairn.bytes.Digest;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import java.util.List;

/**
 * An RFC 9162 inclusion proof (section 2.1.3): the audit path of the leaf at {@code leafIndex} in the
 * tree of {@code treeSize} leaves, bottom up ({@code PATH(m, D[n])} of section 2.1.3.1).
 *
 * <p>Every value of this type has the shape its index and size imply: {@code 0 <= leafIndex <
 * treeSize} and exactly as many path entries as {@code PATH} produces (0 for a one-leaf tree, at most
 * 63). Whether it leads to a root is for {@link Rfc9162Verifier#verifyInclusion} to say.
 *
 * @param leafIndex the zero-based index of the leaf proven
 * @param treeSize the number of leaves of the tree, from the tree head whose root the proof is checked
 *     against
 * @param path the sibling hashes from the leaf up to the root
 */
public record InclusionProof(long leafIndex, long treeSize, List<Digest> path) {
    /**
     * Copies the path and checks the proof's shape.
     *
     * @param leafIndex the leaf index, {@code 0 <= leafIndex < treeSize}
     * @param treeSize the tree size, 1 to 2^63 - 1
     * @param path the audit path, exactly as long as {@code PATH(leafIndex, D[treeSize])}
     * @throws MalformedInputException {@link ErrorCode#MERKLE_PROOF_MALFORMED} if the index is negative
     *     or not below the size, or the path has more than 64 entries or not the exact length
     */
    public InclusionProof {
        path = ProofShape.copyPath(path, "inclusion");
        if (leafIndex < 0) {
            throw ProofShape.malformed(
                    "leaf index " + leafIndex + " is negative", "0 to tree size - 1", Long.toString(leafIndex));
        }
        if (leafIndex >= treeSize) {
            throw ProofShape.malformed(
                    "leaf index " + leafIndex + " outside a tree of size " + treeSize,
                    "below " + treeSize,
                    Long.toString(leafIndex));
        }
        ProofShape.checkLength(
                path.size(),
                ProofShape.inclusionLength(leafIndex, treeSize),
                "inclusion of " + leafIndex + " in " + treeSize);
    }

    /**
     * Builds a proof from raw path hashes, as a proof document or an API response carries them.
     *
     * @param leafIndex the leaf index
     * @param treeSize the tree size
     * @param hashes the audit path, each entry 32 bytes
     * @return the proof
     * @throws MalformedInputException {@link ErrorCode#MERKLE_PROOF_MALFORMED} if an entry is not 32
     *     bytes or the shape is wrong
     */
    public static InclusionProof fromHashes(long leafIndex, long treeSize, List<byte[]> hashes) {
        return new InclusionProof(leafIndex, treeSize, ProofShape.digests(hashes, "inclusion"));
    }
}
