package dev.cairn.mmr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.bytes.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The MMR(39) known answers of draft-bryce-cose-merkle-mountain-range-proofs-00 ("Algorithm Test
 * Vectors"), from {@code interop/mmr-draft/mmr39.json}: leaf {@code e} sits at node index {@code i}
 * and has the value SHA-256(uint64_be(i)).
 */
class MmrDraftKnownAnswerTest {
    private static JsonNode kat;
    private static Mmr mmr;

    @BeforeAll
    static void build() throws IOException {
        try (InputStream in = MmrDraftKnownAnswerTest.class.getResourceAsStream("/interop/mmr-draft/mmr39.json")) {
            kat = new ObjectMapper().readTree(in);
        }
        mmr = Mmr.open(new MemoryNodeStore());
        for (JsonNode leaf : kat.get("leaves")) {
            long index = mmr.append(MmrFixtures.sha256Of(leaf.get("i").asLong()));
            assertEquals(leaf.get("i").asLong(), index, "leaf " + leaf.get("e"));
            assertEquals(leaf.get("value").asText(), mmr.node(index).toHex());
        }
    }

    @Test
    void theFileIsTheDraftsTable() {
        assertEquals(
                "draft-bryce-cose-merkle-mountain-range-proofs-00, section \"Algorithm Test Vectors\", MMR(39)",
                kat.get("source").asText());
        assertEquals(21, kat.get("leaves").size());
        assertEquals(39, kat.get("nodes").size());
        assertEquals(21, kat.get("accumulators").size());
        assertEquals(417, kat.get("inclusion_paths").size());
    }

    @Test
    void everyNodeHashMatches() {
        assertEquals(39, mmr.size());
        for (int i = 0; i < 39; i++) {
            assertEquals(kat.get("nodes").get(i).asText(), mmr.node(i).toHex(), "node " + i);
        }
    }

    @Test
    void everyAccumulatorMatches() {
        for (JsonNode acc : kat.get("accumulators")) {
            long size = acc.get("size").asLong();
            assertArrayEquals(longs(acc.get("peaks")), MmrMath.peaks(size), "peaks of " + size);
            List<String> values =
                    mmr.accumulator(size).peaks().stream().map(Digest::toHex).toList();
            assertEquals(strings(acc.get("values")), values, "accumulator of " + size);
        }
        assertEquals(
                strings(kat.get("accumulators").get(20).get("values")),
                mmr.accumulator().peaks().stream().map(Digest::toHex).toList());
    }

    @Test
    void heightsAndLeafCountsMatch() {
        for (int i = 0; i < 39; i++) {
            assertEquals(kat.get("index_height").get(i).asInt(), MmrMath.height(i), "height of " + i);
            long size = i + 1;
            while (!MmrMath.isValidSize(size)) {
                size--;
            }
            long leaves = MmrMath.leafCount(size);
            assertEquals(kat.get("leaf_count").get(i).asLong(), leaves, "leaf count of MMR(" + (i + 1) + ")");
            assertEquals(kat.get("peak_mask").get(i).asText(), Long.toBinaryString(leaves));
        }
    }

    @Test
    void everyInclusionPathMatchesAndVerifies() {
        for (JsonNode row : kat.get("inclusion_paths")) {
            long index = row.get("index").asLong();
            long size = row.get("size").asLong();
            String where = "node " + index + " in MMR(" + size + ")";
            assertArrayEquals(longs(row.get("path")), MmrMath.inclusionPath(index, size), where);
            assertArrayEquals(longs(row.get("accumulator")), MmrMath.peaks(size), where);
            assertEquals(row.get("peak").asInt(), MmrMath.peakOf(index, size), where);
            InclusionProof proof = mmr.inclusionProof(index, size);
            List<Digest> expected = new ArrayList<>();
            for (long sibling : longs(row.get("path"))) {
                expected.add(Digest.fromHex(kat.get("nodes").get((int) sibling).asText()));
            }
            assertEquals(expected, proof.path(), where);
            VerifiedInclusion verified = MmrVerifier.verifyInclusion(proof, mmr.node(index), mmr.accumulator(size));
            assertEquals(row.get("peak").asInt(), verified.peakPosition(), where);
        }
    }

    private static long[] longs(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .mapToLong(JsonNode::asLong)
                .toArray();
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }
}
