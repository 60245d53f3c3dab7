package dev.cairn.verifier.cli;

import static dev.cairn.verifier.cli.Cli.run;
import static dev.cairn.verifier.cli.Cli.write;
import static dev.cairn.verifier.cli.ProofDocs.JSON;
import static dev.cairn.verifier.cli.ProofDocs.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.bytes.Digest;
import dev.cairn.mmr.Mmr;
import dev.cairn.mmr.MmrMath;
import dev.cairn.verifier.rfc9162.MerkleTreeHash;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProofCommandTest {
    private static final Mmr MMR = ProofDocs.mmr(26);
    private static final long SIZE = MMR.size();
    private static final long SIZE1 = MmrMath.sizeForLeafCount(7);

    @TempDir
    Path dir;

    private static ObjectNode inclusion() {
        return ProofDocs.inclusion(MMR, MmrMath.leafIndex(11), SIZE);
    }

    private static ObjectNode consistency() {
        return ProofDocs.consistency(MMR, SIZE1, SIZE);
    }

    private static Cli.Run proof(Object document) {
        return run(bytes(document), "proof", "--json", "-");
    }

    private static ObjectNode with(ObjectNode document, Consumer<ObjectNode> change) {
        ObjectNode copy = document.deepCopy();
        change.accept(copy);
        return copy;
    }

    private static String flipped(String hex) {
        char last = hex.charAt(hex.length() - 1);
        return hex.substring(0, hex.length() - 1) + (last == '0' ? '1' : '0');
    }

    @Test
    void validMmrDocumentsExitZero() {
        JsonNode result = proof(inclusion()).expect(0).only();
        assertEquals("mmr-inclusion", result.path("what").asText());
        assertEquals(MmrMath.leafIndex(11), result.path("index").asLong());
        assertTrue(result.path("is_leaf").asBoolean());
        JsonNode consistent = proof(consistency()).expect(0).only();
        assertEquals("mmr-consistency", consistent.path("what").asText());
        assertEquals(SIZE, consistent.path("size2").asLong());
    }

    @Test
    void aFileOfAnArrayGivesOneResultPerDocument() {
        ArrayNode all = JSON.createArrayNode();
        for (long e = 0; e < MmrMath.leafCount(SIZE); e++) {
            all.add(ProofDocs.inclusion(MMR, MmrMath.leafIndex(e), SIZE));
        }
        for (long leaves = 0; leaves < MmrMath.leafCount(SIZE); leaves++) {
            all.add(ProofDocs.consistency(MMR, MmrMath.sizeForLeafCount(leaves), SIZE));
        }
        String file = write(dir, "all.json", bytes(all));
        List<JsonNode> results = run("proof", "--json", file).expect(0).json();
        assertEquals(all.size(), results.size());
        for (int i = 0; i < results.size(); i++) {
            assertEquals(i, results.get(i).path("position").asInt());
            assertEquals("valid", results.get(i).path("status").asText());
        }
        Cli.Run text = run("proof", file).expect(0);
        String[] lines = text.out().split("\n");
        assertEquals(all.size(), lines.length);
        assertTrue(lines[0].startsWith("[0] VALID mmr-inclusion: node 0 (a leaf)"), lines[0]);
    }

    @Test
    void anArrayExitsWithItsMostSevereResult() {
        ArrayNode rejected = JSON.createArrayNode();
        rejected.add(inclusion());
        rejected.add(with(
                inclusion(),
                d -> ((ArrayNode) d.get("path"))
                        .set(0, flipped(d.get("path").get(0).asText()))));
        rejected.add(consistency());
        List<JsonNode> results = proof(rejected).expect(1).json();
        assertEquals(
                List.of("valid", "invalid", "valid"),
                results.stream().map(r -> r.path("status").asText()).toList());
        assertEquals("MMR_PROOF_INVALID", results.get(1).path("code").asText());
        ArrayNode malformed = rejected.deepCopy();
        malformed.add(with(inclusion(), d -> d.remove("peaks")));
        assertEquals(
                "PROOF_DOCUMENT_MALFORMED",
                proof(malformed).expect(2).json().get(3).path("code").asText());
        Cli.Run text = run(bytes(rejected), "proof", "-").expect(1);
        String line = text.out().split("\n")[1];
        assertTrue(line.startsWith("[1] INVALID mmr-inclusion: MMR_PROOF_INVALID (REJECTED)"), line);
        assertTrue(line.contains("expected=") && line.contains("found="), line);
    }

    @Test
    void mutatedInclusionProofsAreRefusedByTheEngine() {
        proof(with(
                        inclusion(),
                        d -> d.put("leaf_hash", flipped(d.get("leaf_hash").asText()))))
                .expect(1, "MMR_PROOF_INVALID");
        proof(with(
                        inclusion(),
                        d -> ((ArrayNode) d.get("peaks"))
                                .set(0, flipped(d.get("peaks").get(0).asText()))))
                .expect(1, "MMR_PROOF_INVALID");
        proof(with(inclusion(), d -> ((ArrayNode) d.get("path")).remove(0))).expect(2, "MMR_PROOF_MALFORMED");
        proof(with(
                        inclusion(),
                        d -> ((ArrayNode) d.get("path")).add(d.get("leaf_hash").asText())))
                .expect(2, "MMR_PROOF_MALFORMED");
        proof(with(inclusion(), d -> d.put("index", SIZE))).expect(2, "MMR_SIZE_INVALID");
        proof(with(inclusion(), d -> d.put("index", -1))).expect(2, "MMR_PROOF_MALFORMED");
        proof(with(inclusion(), d -> d.put("tree_size", SIZE + 1))).expect(2, "MMR_SIZE_INVALID");
        proof(with(inclusion(), d -> ((ArrayNode) d.get("peaks")).remove(0))).expect(2, "MMR_SIZE_INVALID");
    }

    @Test
    void mutatedConsistencyProofsAreRefusedByTheEngine() {
        proof(with(
                        consistency(),
                        d -> ((ArrayNode) d.get("right_peaks"))
                                .set(0, flipped(d.get("right_peaks").get(0).asText()))))
                .expect(1, "MMR_PROOF_INVALID");
        proof(with(
                        consistency(),
                        d -> ((ArrayNode) d.get("peaks1"))
                                .set(0, flipped(d.get("peaks1").get(0).asText()))))
                .expect(1, "MMR_PROOF_INVALID");
        proof(with(consistency(), d -> ((ArrayNode) d.get("paths")).remove(0))).expect(2, "MMR_PROOF_MALFORMED");
        proof(with(consistency(), d -> ((ArrayNode) d.get("right_peaks")).removeAll()))
                .expect(2, "MMR_PROOF_MALFORMED");
        proof(ProofDocs.consistency(MMR.consistencyProof(SIZE1, SIZE), MMR.accumulator(SIZE), MMR.accumulator(SIZE1)))
                .expect(2, "MMR_PROOF_MALFORMED");
    }

    @Test
    void documentsThatBreakTheFormatAreMalformed() {
        String[][] mutations = {
            {"unknown member", "extra"},
            {"missing member", "path"},
        };
        JsonNode unknown = proof(with(inclusion(), d -> d.put(mutations[0][1], 1)))
                .expect(2, "PROOF_DOCUMENT_MALFORMED")
                .only();
        assertEquals("extra", unknown.path("details").path("field").asText());
        JsonNode missing = proof(with(inclusion(), d -> d.remove(mutations[1][1])))
                .expect(2, "PROOF_DOCUMENT_MALFORMED")
                .only();
        assertEquals("path", missing.path("details").path("field").asText());
        assertEquals("none", missing.path("details").path("found").asText());
        String leaf = inclusion().get("leaf_hash").asText();
        for (Consumer<ObjectNode> change : List.<Consumer<ObjectNode>>of(
                d -> d.put("leaf_hash", leaf.toUpperCase(java.util.Locale.ROOT)),
                d -> d.put("leaf_hash", leaf.substring(2)),
                d -> d.put("leaf_hash", leaf + "00"),
                d -> d.put("leaf_hash", "zz" + leaf.substring(2)),
                d -> d.put("leaf_hash", 7),
                d -> d.put("index", "11"),
                d -> d.put("index", 11.0),
                d -> d.put("index", new java.math.BigInteger("18446744073709551616")),
                d -> d.put("path", leaf),
                d -> ((ArrayNode) d.get("path")).add(1),
                d -> d.put("type", "inclusions"),
                d -> d.put("type", 1),
                d -> d.put("vds", "MMR"),
                d -> d.remove("vds"))) {
            proof(with(inclusion(), change)).expect(2, "PROOF_DOCUMENT_MALFORMED");
        }
        proof(with(consistency(), d -> ((ArrayNode) d.get("paths")).add(leaf))).expect(2, "PROOF_DOCUMENT_MALFORMED");
    }

    @Test
    void rfc9162DocumentsAreVerifiedAsTheRfcSays() {
        // A tree of three leaves: root = node(node(l0, l1), l2) (RFC 9162 2.1.1).
        Digest l0 = MerkleTreeHash.leaf("a".getBytes(StandardCharsets.US_ASCII));
        Digest l1 = MerkleTreeHash.leaf("b".getBytes(StandardCharsets.US_ASCII));
        Digest l2 = MerkleTreeHash.leaf("c".getBytes(StandardCharsets.US_ASCII));
        Digest left = MerkleTreeHash.node(l0, l1);
        Digest root = MerkleTreeHash.node(left, l2);
        ObjectNode inclusion = JSON.createObjectNode();
        inclusion.put("vds", "rfc9162").put("type", "inclusion").put("leaf_hash", l1.toHex());
        inclusion.put("index", 1).put("tree_size", 3);
        inclusion.putArray("path").add(l0.toHex()).add(l2.toHex());
        inclusion.put("root", root.toHex());
        assertEquals(3, proof(inclusion).expect(0).only().path("tree_size").asInt());
        proof(with(inclusion, d -> d.put("root", left.toHex()))).expect(1, "MERKLE_PROOF_INVALID");
        proof(with(inclusion, d -> d.put("index", 0))).expect(1, "MERKLE_PROOF_INVALID");
        proof(with(inclusion, d -> ((ArrayNode) d.get("path")).remove(1))).expect(2, "MERKLE_PROOF_MALFORMED");
        proof(with(inclusion, d -> d.put("index", 3))).expect(2, "MERKLE_PROOF_MALFORMED");

        ObjectNode consistency = JSON.createObjectNode();
        consistency
                .put("vds", "rfc9162")
                .put("type", "consistency")
                .put("size1", 2)
                .put("size2", 3);
        consistency.putArray("path").add(l2.toHex());
        consistency.put("root1", left.toHex()).put("root2", root.toHex());
        assertEquals(2, proof(consistency).expect(0).only().path("size1").asInt());
        proof(with(consistency, d -> d.put("root1", l0.toHex()))).expect(1, "MERKLE_PROOF_INVALID");
        proof(with(consistency, d -> d.put("size1", 4))).expect(2, "MERKLE_PROOF_MALFORMED");
        proof(with(consistency, d -> d.remove("root2"))).expect(2, "PROOF_DOCUMENT_MALFORMED");
    }

    @Test
    void inputThatIsNotOneJsonValueIsMalformed() {
        String doc = inclusion().toString();
        for (String input : List.of(
                "",
                "   ",
                "[]",
                "42",
                "\"text\"",
                doc + " " + doc,
                doc + " x",
                "{\"vds\": \"mmr\", \"vds\": \"mmr\"}",
                "\uFEFF" + doc,
                "{\"vds\": 'mmr'}")) {
            run(input.getBytes(StandardCharsets.UTF_8), "proof", "--json", "-").expect(2, "PROOF_DOCUMENT_MALFORMED");
        }
        byte[] latin1 = ("{\"vds\": \"mm\u00e9\"}").getBytes(StandardCharsets.ISO_8859_1);
        run(latin1, "proof", "--json", "-").expect(2, "PROOF_DOCUMENT_MALFORMED");
        List<JsonNode> results = run(("[" + doc + ", 3, []]").getBytes(StandardCharsets.UTF_8), "proof", "--json", "-")
                .expect(2)
                .json();
        assertEquals(
                List.of("valid", "malformed", "malformed"),
                results.stream().map(r -> r.path("status").asText()).toList());
    }

    @Test
    void aDocumentLongerThanTheLimitIsMalformed() {
        ObjectNode big = inclusion();
        ArrayNode path = big.putArray("path");
        for (int i = 0; i < ProofDocumentReader.MAX_DOCUMENT_CHARS / 60; i++) {
            path.add("00".repeat(32));
        }
        proof(big).expect(2, "PROOF_DOCUMENT_MALFORMED");
    }

    @Test
    void aFailingInputStreamIsAnInternalError() {
        java.io.InputStream failing = new java.io.InputStream() {
            @Override
            public int read() throws java.io.IOException {
                throw new java.io.IOException("device gone");
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
                throw new java.io.IOException("device gone");
            }
        };
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stdout = new java.io.PrintStream(out, true, StandardCharsets.UTF_8);
        java.io.PrintStream stderr =
                new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(3, CairnVerify.run(failing, stdout, stderr, "proof", "--json", "-"));
        JsonNode result = new Cli.Run(3, out.toString(StandardCharsets.UTF_8), "").only();
        assertEquals("error", result.path("status").asText());
        assertEquals("INTERNAL_IO", result.path("code").asText());
    }

    @Test
    void usageErrorsExitTwo() {
        run("proof").expect(2);
        run("proof", dir.resolve("missing.json").toString()).expect(2);
        run("proof", dir.toString()).expect(2);
    }

    @Test
    void progressGoesToStandardErrorOnlyWhenAskedOrOnATerminal() {
        ArrayNode all = JSON.createArrayNode();
        for (int i = 0; i < 20; i++) {
            all.add(inclusion());
        }
        String file = write(dir, "many.json", bytes(all));
        AtomicLong time = new AtomicLong();
        Cli.Run forced = Cli.run(new byte[0], false, () -> time.addAndGet(200_000_000L), "proof", "--progress", file)
                .expect(0);
        assertTrue(forced.err().contains("proofs ["), forced.err());
        assertTrue(forced.err().contains("documents"), forced.err());
        assertTrue(forced.err().contains("/s"), forced.err());
        assertFalse(forced.out().contains("\r"), forced.out());
        assertEquals(20, forced.out().split("\n").length);
        Cli.Run terminal = Cli.run(new byte[0], true, () -> time.addAndGet(200_000_000L), "proof", file)
                .expect(0);
        assertTrue(terminal.err().contains("proofs ["), terminal.err());
        Cli.Run quiet = Cli.run(new byte[0], false, () -> time.addAndGet(200_000_000L), "proof", file)
                .expect(0);
        assertEquals("", quiet.err());
    }
}
