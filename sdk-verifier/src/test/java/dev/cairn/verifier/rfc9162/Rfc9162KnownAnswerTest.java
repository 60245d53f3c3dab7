package dev.cairn.verifier.rfc9162;

import static dev.cairn.verifier.rfc9162.Rfc9162Fixtures.base64Digest;
import static dev.cairn.verifier.rfc9162.Rfc9162Fixtures.base64Digests;
import static dev.cairn.verifier.rfc9162.Rfc9162Fixtures.hexBytes;
import static dev.cairn.verifier.rfc9162.Rfc9162Fixtures.hexDigests;
import static dev.cairn.verifier.rfc9162.Rfc9162Fixtures.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.bytes.Digest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Published known answers: transparency-dev/merkle's vectors over the eight-leaf reference set
 * ({@code interop/rfc9162/transparency-dev-merkle.json}) and a real Certificate Transparency log's
 * proofs ({@code interop/rfc9162/argon2020.json}, from golang/mod's test data).
 */
class Rfc9162KnownAnswerTest {
    private static final JsonNode KAT = resource("transparency-dev-merkle.json");
    private static final List<byte[]> LEAVES = hexBytes(KAT.get("leaves"));
    private static final List<Digest> ROOTS = hexDigests(KAT.get("roots"));
    private static final ReferenceMerkleTree REFERENCE = new ReferenceMerkleTree(LEAVES);

    @Test
    void theFilesNameTheirSources() {
        assertTrue(KAT.get("source").asText().startsWith("transparency-dev/merkle, proof/verify_test.go"));
        assertTrue(resource("argon2020.json").get("source").asText().startsWith("golang/mod, sumdb/tlog/testdata"));
        assertEquals(8, LEAVES.size());
        assertEquals(5, KAT.get("inclusion").size());
        assertEquals(5, KAT.get("consistency").size());
    }

    @Test
    void hashesMatchTheKnownAnswers() {
        JsonNode hasher = KAT.get("hasher");
        assertEquals(hasher.get("empty_root").asText(), MerkleTreeHash.empty().toHex());
        assertEquals(MerkleTreeHash.empty(), MerkleTreeHash.root(List.of()));
        assertEquals(
                hasher.get("empty_leaf").asText(),
                MerkleTreeHash.leaf(new byte[0]).toHex());
        assertEquals(
                hasher.get("leaf_L123456").asText(),
                MerkleTreeHash.leaf("L123456".getBytes(StandardCharsets.US_ASCII))
                        .toHex());
    }

    @Test
    void theTwoLeafRootIsTheNodeOfItsLeavesAndRawHashesReadAsAProof() {
        Digest left = MerkleTreeHash.leaf(dev.cairn.bytes.Bytes.copyOf(LEAVES.get(0)));
        Digest right = MerkleTreeHash.leaf(LEAVES.get(1));
        assertEquals(ROOTS.get(1), MerkleTreeHash.node(left, right));
        InclusionProof proof = InclusionProof.fromHashes(1, 2, List.of(left.toByteArray()));
        assertEquals(new InclusionProof(1, 2, List.of(left)), proof);
        Rfc9162Verifier.verifyInclusion(proof, right, ROOTS.get(1));
        ConsistencyProof consistency = ConsistencyProof.fromHashes(1, 2, List.of(right.toByteArray()));
        Rfc9162Verifier.verifyConsistency(consistency, left, ROOTS.get(1));
    }

    @Test
    void everyPrefixHasThePublishedRoot() {
        List<Digest> leafHashes = LEAVES.stream().map(MerkleTreeHash::leaf).toList();
        for (int k = 1; k <= 8; k++) {
            assertEquals(ROOTS.get(k - 1), MerkleTreeHash.root(leafHashes.subList(0, k)), "root of " + k);
            assertEquals(ROOTS.get(k - 1), REFERENCE.root(k), "reference root of " + k);
        }
    }

    @Test
    void everyPublishedInclusionProofVerifies() {
        for (JsonNode vector : KAT.get("inclusion")) {
            int index = vector.get("leaf_index").asInt();
            int size = vector.get("tree_size").asInt();
            List<Digest> path = hexDigests(vector.get("path"));
            assertEquals(path, REFERENCE.path(index, size), "reference path of " + index + " in " + size);
            Digest leaf = MerkleTreeHash.leaf(LEAVES.get(index));
            VerifiedInclusion verified =
                    Rfc9162Verifier.verifyInclusion(new InclusionProof(index, size, path), leaf, ROOTS.get(size - 1));
            assertEquals(index, verified.leafIndex());
            assertEquals(size, verified.treeSize());
            assertEquals(leaf, verified.leafHash());
            assertEquals(ROOTS.get(size - 1), verified.root());
        }
    }

    @Test
    void everyPublishedConsistencyProofVerifies() {
        for (JsonNode vector : KAT.get("consistency")) {
            int size1 = vector.get("size1").asInt();
            int size2 = vector.get("size2").asInt();
            List<Digest> path = hexDigests(vector.get("path"));
            if (size1 < size2) {
                assertEquals(path, REFERENCE.proof(size1, size2), "reference proof of " + size1 + " -> " + size2);
            }
            VerifiedConsistency verified = Rfc9162Verifier.verifyConsistency(
                    new ConsistencyProof(size1, size2, path), ROOTS.get(size1 - 1), ROOTS.get(size2 - 1));
            assertEquals(size1, verified.size1());
            assertEquals(size2, verified.size2());
            assertEquals(ROOTS.get(size1 - 1), verified.root1());
            assertEquals(ROOTS.get(size2 - 1), verified.root2());
        }
    }

    @Test
    void theEmptyTreeIsAPrefixOfEveryTree() {
        for (int n = 0; n <= 8; n++) {
            Digest root2 = n == 0 ? MerkleTreeHash.empty() : ROOTS.get(n - 1);
            Rfc9162Verifier.verifyConsistency(new ConsistencyProof(0, n, List.of()), MerkleTreeHash.empty(), root2);
        }
    }

    @Test
    void aRealCertificateTransparencyLogsProofsVerify() {
        JsonNode argon = resource("argon2020.json");
        long size = argon.get("tree_size").asLong();
        Digest root = base64Digest(argon.get("sha256_root_hash").asText());
        Digest leaf = MerkleTreeHash.leaf(
                Base64.getDecoder().decode(argon.get("leaf_input").asText()));
        List<Digest> auditPath = base64Digests(argon.get("audit_path"));
        assertEquals(30, auditPath.size());
        VerifiedInclusion inclusion = Rfc9162Verifier.verifyInclusion(
                new InclusionProof(argon.get("leaf_index").asLong(), size, auditPath), leaf, root);
        assertEquals(10000, inclusion.leafIndex());

        long first = argon.get("first").asLong();
        VerifiedConsistency consistency = Rfc9162Verifier.verifyConsistency(
                new ConsistencyProof(first, size, base64Digests(argon.get("consistency"))),
                base64Digest(argon.get("first_root").asText()),
                root);
        assertEquals(3654490, consistency.size1());
        assertEquals(961984013, consistency.size2());
    }
}
