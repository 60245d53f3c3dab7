package dev.cairn.verifier.rfc9162;

import dev.cairn.bytes.Bytes;
import dev.cairn.bytes.Digest;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.errors.VerificationException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Verifies RFC 9162 inclusion proofs (section 2.1.3.2) and consistency proofs (section 2.1.4.2)
 * against root hashes the caller trusts ({@code spec/verifier.md}, "RFC 9162 proofs").
 *
 * <p>Security guarantees: a returned {@link VerifiedInclusion} means the leaf hash, placed at the
 * proof's index, leads through a path of exactly the length {@code PATH} gives for that index and size
 * to the root; a returned {@link VerifiedConsistency} means a path of exactly the length {@code PROOF}
 * gives for the two sizes yields both roots, so the later tree extends the earlier one by appends.
 * Both rest on SHA-256 and on the roots being authentic (for example from a verified {@code
 * dev.cairn.verifier.note.NoteCheckpoint}); this class checks no signature. The roots do not commit to
 * the tree sizes: the sizes MUST come from the same tree heads as the roots, since a proof can also fit
 * another size in which the leaf has the same path. A proof of the wrong shape cannot be constructed
 * ({@link MalformedInputException}, {@link ErrorCode#MERKLE_PROOF_MALFORMED}); a well-formed proof that
 * does not lead to the roots raises {@link VerificationException} ({@link ErrorCode#MERKLE_PROOF_INVALID})
 * with the expected and computed roots. Nothing is returned as a boolean. Stateless and thread-safe.
 */
public final class Rfc9162Verifier {
    private Rfc9162Verifier() {}

    /**
     * Verifies that a leaf hash is in the tree of the proof's size with the given root.
     *
     * @param proof the inclusion proof, whose tree size is the size of the trusted tree head
     * @param leafHash the leaf hash claimed at {@code proof.leafIndex()}, see {@link MerkleTreeHash#leaf}
     * @param root the trusted root hash of the tree of {@code proof.treeSize()} leaves
     * @return the verified inclusion
     * @throws VerificationException {@link ErrorCode#MERKLE_PROOF_INVALID} if the path does not lead to
     *     the root; details {@code expected} (the root) and {@code found} (the computed root)
     */
    public static VerifiedInclusion verifyInclusion(InclusionProof proof, Digest leafHash, Digest root) {
        Objects.requireNonNull(proof, "proof");
        Objects.requireNonNull(leafHash, "leafHash");
        Objects.requireNonNull(root, "root");
        NodeHasher hasher = NodeHasher.get();
        hasher.climbInclusion(proof.leafIndex(), proof.treeSize(), leafHash, proof.path());
        if (!NodeHasher.sameBytes(hasher.second, root)) {
            throw rootMismatch("root", root, hasher.second);
        }
        return new VerifiedInclusion(proof.leafIndex(), proof.treeSize(), leafHash, root);
    }

    /**
     * Verifies that the tree of {@code size1} leaves with {@code root1} is a prefix of the tree of
     * {@code size2} leaves with {@code root2}.
     *
     * <p>When {@code size1} is 0 the path is empty and {@code root1} must be the empty tree's hash
     * ({@link MerkleTreeHash#empty()}); every tree extends it. When the sizes are equal the path is
     * empty and the roots must be equal.
     *
     * @param proof the consistency proof, whose sizes are those of the two trusted tree heads
     * @param root1 the trusted root of the earlier tree
     * @param root2 the root of the later tree
     * @return the verified consistency
     * @throws VerificationException {@link ErrorCode#MERKLE_PROOF_INVALID} if the path does not yield
     *     {@code root1}, or {@code root2}; details {@code root} ({@code root1} or {@code root2}), {@code
     *     expected} and {@code found}
     */
    public static VerifiedConsistency verifyConsistency(ConsistencyProof proof, Digest root1, Digest root2) {
        Objects.requireNonNull(proof, "proof");
        Objects.requireNonNull(root1, "root1");
        Objects.requireNonNull(root2, "root2");
        long size1 = proof.size1();
        long size2 = proof.size2();
        if (size1 == 0) {
            if (!root1.equals(MerkleTreeHash.empty())) {
                throw rootMismatch("root1", MerkleTreeHash.empty(), root1.toByteArray());
            }
        } else if (size1 == size2) {
            if (!root1.equals(root2)) {
                throw rootMismatch("root2", root1, root2.toByteArray());
            }
        } else {
            NodeHasher hasher = NodeHasher.get();
            hasher.climbConsistency(size1, size2, root1, proof.path());
            if (!NodeHasher.sameBytes(hasher.first, root1)) {
                throw rootMismatch("root1", root1, hasher.first);
            }
            if (!NodeHasher.sameBytes(hasher.second, root2)) {
                throw rootMismatch("root2", root2, hasher.second);
            }
        }
        return new VerifiedConsistency(size1, size2, root1, root2);
    }

    private static VerificationException rootMismatch(String which, Digest expected, byte[] found) {
        String computed = Bytes.copyOf(found).toHex();
        Map<String, String> details = new LinkedHashMap<>();
        details.put("root", which);
        details.put("expected", expected.toHex());
        details.put("found", computed);
        return new VerificationException(
                ErrorCode.MERKLE_PROOF_INVALID,
                which + ": got " + computed + ", want " + expected.toHex(),
                details,
                null);
    }
}
