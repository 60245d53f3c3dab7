package dev.cairn.verifier.rfc9162;

import static dev.cairn.verifier.rfc9162.Rfc9162Fixtures.INVALID;
import static dev.cairn.verifier.rfc9162.Rfc9162Fixtures.MALFORMED;
import static dev.cairn.verifier.rfc9162.Rfc9162Fixtures.flipBit;
import static dev.cairn.verifier.rfc9162.Rfc9162Fixtures.hexBytes;
import static dev.cairn.verifier.rfc9162.Rfc9162Fixtures.hexDigests;
import static dev.cairn.verifier.rfc9162.Rfc9162Fixtures.outcome;
import static dev.cairn.verifier.rfc9162.Rfc9162Fixtures.replace;
import static dev.cairn.verifier.rfc9162.Rfc9162Fixtures.resource;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.bytes.Digest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every mutation class applied to every published known-answer proof, each named after what it changes
 * and the code it must raise; all failures are reported together. The expected code of a changed index
 * or size comes from the reference: {@code MERKLE_PROOF_MALFORMED} where {@code PATH} or {@code PROOF}
 * would have another length (or none), {@code MERKLE_PROOF_INVALID} otherwise.
 */
class Rfc9162MutationTest {
    private static final JsonNode KAT = resource("transparency-dev-merkle.json");
    private static final List<byte[]> LEAVES = hexBytes(KAT.get("leaves"));
    private static final List<Digest> ROOTS = hexDigests(KAT.get("roots"));
    private static final Digest OTHER = MerkleTreeHash.leaf("WrongLeaf".getBytes(StandardCharsets.US_ASCII));

    /** The code a proof of this shape must raise when it is not the right one: by the reference's length. */
    private static String inclusionShape(long index, long size, int pathLength) {
        if (index < 0 || index >= size) {
            return MALFORMED;
        }
        int want = new ReferenceMerkleTree(Rfc9162Fixtures.randomEntries((int) size, 1))
                .path((int) index, (int) size)
                .size();
        return want == pathLength ? INVALID : MALFORMED;
    }

    private static String consistencyShape(long size1, long size2, int pathLength) {
        if (size1 < 0 || size1 > size2) {
            return MALFORMED;
        }
        int want = size1 == 0 || size1 == size2
                ? 0
                : new ReferenceMerkleTree(Rfc9162Fixtures.randomEntries((int) size2, 1))
                        .proof((int) size1, (int) size2)
                        .size();
        return want == pathLength ? INVALID : MALFORMED;
    }

    private record Case(String name, String want, Runnable action) {}

    @Test
    void everyMutationOfAnInclusionProofFailsWithItsCode() {
        List<Executable> checks = new ArrayList<>();
        for (JsonNode vector : KAT.get("inclusion")) {
            long index = vector.get("leaf_index").asLong();
            long size = vector.get("tree_size").asLong();
            List<Digest> path = hexDigests(vector.get("path"));
            Digest leaf = MerkleTreeHash.leaf(LEAVES.get((int) index));
            Digest root = ROOTS.get((int) size - 1);
            List<Case> cases = new ArrayList<>();
            for (long other : new long[] {index - 1, index + 1, index ^ 2}) {
                cases.add(new Case(
                        "leaf index " + other,
                        inclusionShape(other, size, path.size()),
                        () -> verify(other, size, path, leaf, root)));
            }
            for (long other : new long[] {size * 2, size / 2}) {
                cases.add(new Case(
                        "tree size " + other,
                        inclusionShape(index, other, path.size()),
                        () -> verify(index, other, path, leaf, root)));
            }
            cases.add(new Case("wrong leaf", INVALID, () -> verify(index, size, path, OTHER, root)));
            cases.add(new Case("empty root", INVALID, () -> verify(index, size, path, leaf, MerkleTreeHash.empty())));
            cases.add(new Case(
                    "swapped root", INVALID, () -> verify(index, size, path, leaf, ROOTS.get((int) size % 8))));
            cases.add(new Case("extended path", MALFORMED, () -> verify(index, size, with(path, root), leaf, root)));
            cases.add(new Case(
                    "preceding root", MALFORMED, () -> verify(index, size, withFirst(path, root), leaf, root)));
            cases.add(new Case(
                    "wrong-length entry", MALFORMED, () -> InclusionProof.fromHashes(index, size, withEmpty(path))));
            if (!path.isEmpty()) {
                cases.add(new Case(
                        "truncated path",
                        MALFORMED,
                        () -> verify(index, size, path.subList(0, path.size() - 1), leaf, root)));
            }
            if (path.size() > 1) {
                cases.add(new Case("swapped path entries", INVALID, () -> verify(index, size, swap(path), leaf, root)));
            }
            for (int i = 0; i < path.size(); i++) {
                List<Digest> flipped = replace(path, i, flipBit(path.get(i), 3));
                cases.add(new Case("flipped path byte " + i, INVALID, () -> verify(index, size, flipped, leaf, root)));
            }
            checks.addAll(run("inclusion of " + index + " in " + size, cases));
        }
        assertEquals(72, checks.size(), "mutations generated");
        assertAll(checks);
    }

    @Test
    void everyMutationOfAConsistencyProofFailsWithItsCode() {
        List<Executable> checks = new ArrayList<>();
        for (JsonNode vector : KAT.get("consistency")) {
            long size1 = vector.get("size1").asLong();
            long size2 = vector.get("size2").asLong();
            List<Digest> path = hexDigests(vector.get("path"));
            Digest root1 = ROOTS.get((int) size1 - 1);
            Digest root2 = ROOTS.get((int) size2 - 1);
            List<Case> cases = new ArrayList<>();
            for (long other : new long[] {size1 - 1, size1 + 1, size1 ^ 2}) {
                cases.add(new Case(
                        "size1 " + other,
                        consistencyShape(other, size2, path.size()),
                        () -> consistent(other, size2, path, root1, root2)));
            }
            for (long other : new long[] {size2 * 2, size2 / 2}) {
                cases.add(new Case(
                        "size2 " + other,
                        consistencyShape(size1, other, path.size()),
                        () -> consistent(size1, other, path, root1, root2)));
            }
            cases.add(new Case("wrong root1", INVALID, () -> consistent(size1, size2, path, OTHER, root2)));
            cases.add(new Case("wrong root2", INVALID, () -> consistent(size1, size2, path, root1, OTHER)));
            cases.add(new Case(
                    "extended path", MALFORMED, () -> consistent(size1, size2, with(path, root2), root1, root2)));
            cases.add(new Case(
                    "preceding root1",
                    MALFORMED,
                    () -> consistent(size1, size2, withFirst(path, root1), root1, root2)));
            cases.add(new Case(
                    "wrong-length entry", MALFORMED, () -> ConsistencyProof.fromHashes(size1, size2, withEmpty(path))));
            if (!path.isEmpty()) {
                cases.add(new Case("swapped roots", INVALID, () -> consistent(size1, size2, path, root2, root1)));
                cases.add(new Case("empty path", MALFORMED, () -> consistent(size1, size2, List.of(), root1, root2)));
                cases.add(new Case(
                        "truncated path",
                        MALFORMED,
                        () -> consistent(size1, size2, path.subList(0, path.size() - 1), root1, root2)));
                cases.add(new Case(
                        "swapped path entries", INVALID, () -> consistent(size1, size2, swap(path), root1, root2)));
            }
            for (int i = 0; i < path.size(); i++) {
                List<Digest> flipped = replace(path, i, flipBit(path.get(i), 4));
                cases.add(new Case(
                        "flipped path byte " + i, INVALID, () -> consistent(size1, size2, flipped, root1, root2)));
            }
            checks.addAll(run("consistency of " + size1 + " -> " + size2, cases));
        }
        assertTrue(checks.size() > 70, "mutations generated: " + checks.size());
        assertAll(checks);
    }

    private static List<Executable> run(String proof, List<Case> cases) {
        List<Executable> checks = new ArrayList<>();
        for (Case c : cases) {
            checks.add(() -> assertEquals(c.want(), outcome(c.action()), proof + ", " + c.name()));
        }
        return checks;
    }

    private static void verify(long index, long size, List<Digest> path, Digest leaf, Digest root) {
        Rfc9162Verifier.verifyInclusion(new InclusionProof(index, size, path), leaf, root);
    }

    private static void consistent(long size1, long size2, List<Digest> path, Digest root1, Digest root2) {
        Rfc9162Verifier.verifyConsistency(new ConsistencyProof(size1, size2, path), root1, root2);
    }

    private static List<Digest> with(List<Digest> path, Digest last) {
        List<Digest> out = new ArrayList<>(path);
        out.add(last);
        return out;
    }

    private static List<Digest> withFirst(List<Digest> path, Digest first) {
        List<Digest> out = new ArrayList<>();
        out.add(first);
        out.addAll(path);
        return out;
    }

    private static List<byte[]> withEmpty(List<Digest> path) {
        List<byte[]> out = new ArrayList<>();
        path.forEach(d -> out.add(d.toByteArray()));
        out.add(new byte[0]);
        return out;
    }

    private static List<Digest> swap(List<Digest> path) {
        List<Digest> out = new ArrayList<>(path);
        Collections.swap(out, 0, 1);
        return out;
    }
}
