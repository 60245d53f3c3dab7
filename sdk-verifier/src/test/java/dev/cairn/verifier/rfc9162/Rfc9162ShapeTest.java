package dev.cairn.verifier.rfc9162;

import static dev.cairn.verifier.rfc9162.Rfc9162Fixtures.hexBytes;
import static dev.cairn.verifier.rfc9162.Rfc9162Fixtures.hexDigests;
import static dev.cairn.verifier.rfc9162.Rfc9162Fixtures.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.bytes.Digest;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.errors.VerificationException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exact shapes and bounds, and the details errors carry. */
class Rfc9162ShapeTest {
    private static final Digest X = MerkleTreeHash.leaf(new byte[] {1});
    private static final Digest Y = MerkleTreeHash.leaf(new byte[] {2});

    private static List<Digest> path(int length) {
        return Collections.nCopies(length, X);
    }

    private static MalformedInputException malformed(Runnable action) {
        MalformedInputException e = assertThrows(MalformedInputException.class, action::run);
        assertEquals(ErrorCode.MERKLE_PROOF_MALFORMED, e.code());
        return e;
    }

    @Test
    void pathLengthsAreTheReferencesForEveryShapeUpTo64Leaves() {
        for (int n = 1; n <= 64; n++) {
            ReferenceMerkleTree reference = new ReferenceMerkleTree(Rfc9162Fixtures.randomEntries(n, n));
            for (int m = 0; m < n; m++) {
                assertEquals(
                        reference.path(m, n).size(), ProofShape.inclusionLength(m, n), "PATH(" + m + ", " + n + ")");
                if (m > 0) {
                    assertEquals(
                            reference.proof(m, n).size(),
                            ProofShape.consistencyLength(m, n),
                            "PROOF(" + m + ", " + n + ")");
                }
            }
        }
    }

    @Test
    void inclusionShapesOutsideTheTreeAreMalformed() {
        malformed(() -> new InclusionProof(-1, 4, path(2)));
        malformed(() -> new InclusionProof(4, 4, path(2)));
        malformed(() -> new InclusionProof(0, 0, List.of()));
        malformed(() -> new InclusionProof(0, -5, List.of()));
        malformed(() -> new InclusionProof(Long.MIN_VALUE, Long.MAX_VALUE, path(63)));
        MalformedInputException e = malformed(() -> new InclusionProof(1, 4, path(3)));
        assertEquals(Map.of("expected", "2", "found", "3"), e.details());
        MalformedInputException tooLong = malformed(() -> new InclusionProof(0, Long.MAX_VALUE, path(65)));
        assertEquals("at most 64", tooLong.details().get("expected"));
        malformed(() -> InclusionProof.fromHashes(0, 2, List.of(new byte[31])));
    }

    @Test
    void consistencyShapesThatCannotBeAreMalformed() {
        malformed(() -> new ConsistencyProof(-1, 4, List.of()));
        malformed(() -> new ConsistencyProof(5, 4, path(2)));
        malformed(() -> new ConsistencyProof(4, 4, path(1)));
        malformed(() -> new ConsistencyProof(0, 4, path(1)));
        malformed(() -> new ConsistencyProof(1, 2, List.of()));
        malformed(() -> new ConsistencyProof(1, Long.MAX_VALUE, path(65)));
        malformed(() -> ConsistencyProof.fromHashes(1, 2, List.of(new byte[33])));
    }

    @Test
    void theLargestTreesHaveTheirExactLengths() {
        assertEquals(63, ProofShape.inclusionLength(0, Long.MAX_VALUE));
        assertEquals(62, ProofShape.inclusionLength(Long.MAX_VALUE - 1, Long.MAX_VALUE));
        assertEquals(63, ProofShape.consistencyLength(1, Long.MAX_VALUE));
        assertEquals(64, ProofShape.consistencyLength(3, Long.MAX_VALUE));
        assertEquals(1, ProofShape.consistencyLength(1L << 62, (1L << 62) + 1));
        InclusionProof proof = new InclusionProof(Long.MAX_VALUE - 1, Long.MAX_VALUE, path(62));
        VerificationException e =
                assertThrows(VerificationException.class, () -> Rfc9162Verifier.verifyInclusion(proof, X, Y));
        assertEquals(ErrorCode.MERKLE_PROOF_INVALID, e.code());
        ConsistencyProof consistency = new ConsistencyProof(3, Long.MAX_VALUE, path(64));
        assertEquals(
                ErrorCode.MERKLE_PROOF_INVALID,
                assertThrows(VerificationException.class, () -> Rfc9162Verifier.verifyConsistency(consistency, X, Y))
                        .code());
    }

    @Test
    void aRootMismatchStatesBothRoots() {
        VerificationException e = assertThrows(
                VerificationException.class,
                () -> Rfc9162Verifier.verifyInclusion(new InclusionProof(0, 1, List.of()), X, Y));
        assertEquals(Map.of("root", "root", "expected", Y.toHex(), "found", X.toHex()), e.details());
        VerificationException equalSizes = assertThrows(
                VerificationException.class,
                () -> Rfc9162Verifier.verifyConsistency(new ConsistencyProof(3, 3, List.of()), X, Y));
        assertEquals(Map.of("root", "root2", "expected", X.toHex(), "found", Y.toHex()), equalSizes.details());
        VerificationException empty = assertThrows(
                VerificationException.class,
                () -> Rfc9162Verifier.verifyConsistency(new ConsistencyProof(0, 3, List.of()), X, Y));
        assertEquals(
                Map.of("root", "root1", "expected", MerkleTreeHash.empty().toHex(), "found", X.toHex()),
                empty.details());
    }

    @Test
    void equalSizesNeedEqualRoots() {
        VerifiedConsistency same = Rfc9162Verifier.verifyConsistency(new ConsistencyProof(7, 7, List.of()), X, X);
        assertEquals(7, same.size2());
    }

    /**
     * RFC 9162 does not hash the tree size into the root: the path of leaf 1 in the tree of 5 leaves has
     * the same length and the same turns as in a tree of 6, so it verifies against the 5-leaf root under
     * either size. Hence the rule that the size comes with the root from one tree head.
     */
    @Test
    void theSizeIsBoundByTheTreeHeadNotByTheRoot() {
        JsonNode kat = resource("transparency-dev-merkle.json");
        Digest leaf = MerkleTreeHash.leaf(hexBytes(kat.get("leaves")).get(1));
        List<Digest> path = hexDigests(kat.get("inclusion").get(4).get("path"));
        Digest root5 = Digest.fromHex(kat.get("roots").get(4).asText());
        Rfc9162Verifier.verifyInclusion(new InclusionProof(1, 5, path), leaf, root5);
        assertEquals(
                6,
                Rfc9162Verifier.verifyInclusion(new InclusionProof(1, 6, path), leaf, root5)
                        .treeSize());
    }

    @Test
    void verifiedValuesRenderWithoutSecrets() {
        VerifiedInclusion inclusion = Rfc9162Verifier.verifyInclusion(new InclusionProof(0, 1, List.of()), X, X);
        assertEquals("VerifiedInclusion[leaf=0, size=1, root=" + X.toHex() + "]", inclusion.toString());
        VerifiedConsistency consistency = Rfc9162Verifier.verifyConsistency(
                new ConsistencyProof(0, 0, List.of()), MerkleTreeHash.empty(), MerkleTreeHash.empty());
        assertEquals("VerifiedConsistency[0 -> 0]", consistency.toString());
    }
}
