package dev.cairn.verifier.rfc9162;

import dev.cairn.bytes.Digest;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import java.util.List;

/**
 * An RFC 9162 consistency proof (section 2.1.4): the hashes that show the tree of {@code size1}
 * leaves is a prefix of the tree of {@code size2} leaves ({@code PROOF(m, D[n])} of section 2.1.4.1).
 *
 * <p>Every value of this type has the shape its sizes imply: {@code 0 <= size1 <= size2}, an empty
 * path when {@code size1} is 0 or equal to {@code size2}, and otherwise exactly as many entries as
 * {@code PROOF} produces (at most 64). Whether it links two roots is for {@link
 * Rfc9162Verifier#verifyConsistency} to say.
 *
 * @param size1 the earlier tree size
 * @param size2 the later tree size
 * @param path the consistency path
 */
public record ConsistencyProof(long size1, long size2, List<Digest> path) {
    /**
     * Copies the path and checks the proof's shape.
     *
     * @param size1 the earlier size, 0 to {@code size2}
     * @param size2 the later size, up to 2^63 - 1
     * @param path the consistency path, exactly as long as {@code PROOF(size1, D[size2])}
     * @throws MalformedInputException {@link ErrorCode#MERKLE_PROOF_MALFORMED} if a size is negative,
     *     {@code size1 > size2}, or the path has more than 64 entries or not the exact length
     */
    public ConsistencyProof {
        path = ProofShape.copyPath(path, "consistency");
        if (size1 < 0) {
            throw ProofShape.malformed("size1 " + size1 + " is negative", "0 to size2", Long.toString(size1));
        }
        if (size1 > size2) {
            throw ProofShape.malformed(
                    "sizes go back: " + size1 + " -> " + size2, "at most " + size2, Long.toString(size1));
        }
        int want = size1 == 0 || size1 == size2 ? 0 : ProofShape.consistencyLength(size1, size2);
        ProofShape.checkLength(path.size(), want, "consistency of " + size1 + " with " + size2);
    }

    /**
     * Builds a proof from raw path hashes, as a proof document or an API response carries them.
     *
     * @param size1 the earlier size
     * @param size2 the later size
     * @param hashes the consistency path, each entry 32 bytes
     * @return the proof
     * @throws MalformedInputException {@link ErrorCode#MERKLE_PROOF_MALFORMED} if an entry is not 32
     *     bytes or the shape is wrong
     */
    public static ConsistencyProof fromHashes(long size1, long size2, List<byte[]> hashes) {
        return new ConsistencyProof(size1, size2, ProofShape.digests(hashes, "consistency"));
    }
}
