package dev.cairn.verifier.rfc9162;

import static dev.cairn.verifier.rfc9162.Rfc9162Fixtures.INVALID;
import static dev.cairn.verifier.rfc9162.Rfc9162Fixtures.MALFORMED;
import static dev.cairn.verifier.rfc9162.Rfc9162Fixtures.flipBit;
import static dev.cairn.verifier.rfc9162.Rfc9162Fixtures.outcome;
import static dev.cairn.verifier.rfc9162.Rfc9162Fixtures.randomEntries;
import static dev.cairn.verifier.rfc9162.Rfc9162Fixtures.replace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.cairn.bytes.Digest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The fast verifier against the literal {@link ReferenceMerkleTree} on random trees. */
class Rfc9162PropertyTest {
    private static final Set<String> TYPED = Set.of(MALFORMED, INVALID);

    @Test
    void theRootIsTheReferencesMth() {
        qt().withExamples(60).forAll(integers().between(0, 300), longs().all()).checkAssert((n, seed) -> {
            List<byte[]> entries = randomEntries(n, seed);
            List<Digest> leafHashes = entries.stream().map(MerkleTreeHash::leaf).toList();
            ReferenceMerkleTree reference = new ReferenceMerkleTree(entries);
            assertEquals(reference.root(n), MerkleTreeHash.root(leafHashes), "MTH of " + n);
            for (int i = 0; i < n; i++) {
                assertEquals(reference.leafHash(i), leafHashes.get(i));
            }
        });
    }

    @Test
    void everyInclusionProofOfTheReferenceVerifies() {
        qt().withExamples(40).forAll(integers().between(1, 150), longs().all()).checkAssert((n, seed) -> {
            ReferenceMerkleTree reference = new ReferenceMerkleTree(randomEntries(n, seed));
            Digest root = reference.root(n);
            for (int m = 0; m < n; m++) {
                VerifiedInclusion verified = Rfc9162Verifier.verifyInclusion(
                        new InclusionProof(m, n, reference.path(m, n)), reference.leafHash(m), root);
                assertEquals(m, verified.leafIndex());
            }
        });
    }

    @Test
    void everyPrefixIsConsistentWithTheWholeTree() {
        qt().withExamples(25).forAll(integers().between(0, 64), longs().all()).checkAssert((n, seed) -> {
            ReferenceMerkleTree reference = new ReferenceMerkleTree(randomEntries(n, seed));
            for (int m = 0; m <= n; m++) {
                List<Digest> path = m == 0 || m == n ? List.of() : reference.proof(m, n);
                VerifiedConsistency verified = Rfc9162Verifier.verifyConsistency(
                        new ConsistencyProof(m, n, path), reference.root(m), reference.root(n));
                assertEquals(m, verified.size1());
            }
        });
    }

    /**
     * One bit changed in the leaf hash, the root, a path entry or the index always fails, with a typed
     * error. A changed size may keep the leaf's path (the root does not commit to the size, see {@link
     * Rfc9162ShapeTest#theSizeIsBoundByTheTreeHeadNotByTheRoot}); it must still end typed or verified.
     */
    @Test
    void anySingleBitChangeOfAnInclusionInputFailsTyped() {
        qt().withExamples(300)
                .forAll(
                        integers().between(1, 100),
                        longs().all(),
                        integers().between(0, 4),
                        integers().between(0, 255))
                .checkAssert((n, seed, input, bit) -> {
                    Random random = new Random(seed);
                    ReferenceMerkleTree reference = new ReferenceMerkleTree(randomEntries(n, seed));
                    int m = random.nextInt(n);
                    List<Digest> path = reference.path(m, n);
                    Digest leaf = reference.leafHash(m);
                    Digest root = reference.root(n);
                    long index = m;
                    long size = n;
                    switch (input) {
                        case 0 -> leaf = flipBit(leaf, bit);
                        case 1 -> root = flipBit(root, bit);
                        case 2 -> {
                            if (path.isEmpty()) {
                                leaf = flipBit(leaf, bit);
                            } else {
                                int at = random.nextInt(path.size());
                                path = replace(path, at, flipBit(path.get(at), bit));
                            }
                        }
                        case 3 -> index ^= 1L << (bit % 64);
                        default -> size ^= 1L << (bit % 64);
                    }
                    String where = "input " + input + " bit " + bit + ", leaf " + m + " of " + n;
                    long i = index;
                    long s = size;
                    List<Digest> p = path;
                    Digest l = leaf;
                    Digest r = root;
                    String got = outcome(() -> Rfc9162Verifier.verifyInclusion(new InclusionProof(i, s, p), l, r));
                    if (input == 4) {
                        assertTrue(got.equals("ok") || TYPED.contains(got), where + ": " + got);
                    } else {
                        assertTrue(TYPED.contains(got), where + ": " + got);
                    }
                });
    }

    @Test
    void anySingleBitChangeOfAConsistencyInputFailsTyped() {
        qt().withExamples(300)
                .forAll(
                        integers().between(1, 64),
                        longs().all(),
                        integers().between(0, 4),
                        integers().between(0, 255))
                .checkAssert((n, seed, input, bit) -> {
                    Random random = new Random(seed);
                    ReferenceMerkleTree reference = new ReferenceMerkleTree(randomEntries(n, seed));
                    int m = 1 + random.nextInt(n);
                    List<Digest> path = m == n ? List.of() : reference.proof(m, n);
                    Digest root1 = reference.root(m);
                    Digest root2 = reference.root(n);
                    long size1 = m;
                    long size2 = n;
                    switch (input) {
                        case 0 -> root1 = flipBit(root1, bit);
                        case 1 -> root2 = flipBit(root2, bit);
                        case 2 -> {
                            if (path.isEmpty()) {
                                root2 = flipBit(root2, bit);
                            } else {
                                int at = random.nextInt(path.size());
                                path = replace(path, at, flipBit(path.get(at), bit));
                            }
                        }
                        case 3 -> size1 ^= 1L << (bit % 64);
                        default -> size2 ^= 1L << (bit % 64);
                    }
                    String where = "input " + input + " bit " + bit + ", " + m + " -> " + n;
                    long s1 = size1;
                    long s2 = size2;
                    List<Digest> p = path;
                    Digest r1 = root1;
                    Digest r2 = root2;
                    String got =
                            outcome(() -> Rfc9162Verifier.verifyConsistency(new ConsistencyProof(s1, s2, p), r1, r2));
                    if (input >= 3) {
                        assertTrue(got.equals("ok") || TYPED.contains(got), where + ": " + got);
                    } else {
                        assertTrue(TYPED.contains(got), where + ": " + got);
                    }
                });
    }

    @Test
    void arbitraryProofsEndTypedNeverInAnotherException() {
        qt().withExamples(400)
                .forAll(longs().all(), longs().all(), integers().between(0, 70), longs().all())
                .checkAssert((a, b, length, seed) -> {
                    Random random = new Random(seed);
                    List<Digest> path = new ArrayList<>();
                    for (int k = 0; k < length; k++) {
                        byte[] hash = new byte[Digest.LENGTH];
                        random.nextBytes(hash);
                        path.add(Digest.of(hash));
                    }
                    Digest x = path.isEmpty() ? MerkleTreeHash.empty() : path.get(0);
                    long index = random.nextBoolean() ? a : Math.floorMod(a, Math.max(1, b));
                    String inclusion =
                            outcome(() -> Rfc9162Verifier.verifyInclusion(new InclusionProof(index, b, path), x, x));
                    assertTrue(TYPED.contains(inclusion) || inclusion.equals("ok"), inclusion);
                    String consistency = outcome(
                            () -> Rfc9162Verifier.verifyConsistency(new ConsistencyProof(index, b, path), x, x));
                    assertTrue(TYPED.contains(consistency) || consistency.equals("ok"), consistency);
                });
    }
}
