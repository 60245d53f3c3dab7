package dev.cairn.verifier.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.bytes.Digest;
import dev.cairn.mmr.Accumulator;
import dev.cairn.mmr.ConsistencyProof;
import dev.cairn.mmr.InclusionProof;
import dev.cairn.mmr.MemoryNodeStore;
import dev.cairn.mmr.Mmr;
import dev.cairn.mmr.MmrMath;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/** JSON proof documents of spec/verifier-cli.md, made from real MMRs. */
final class ProofDocs {
    static final ObjectMapper JSON = new ObjectMapper();

    private ProofDocs() {}

    /** The MMR of the draft's test leaves: leaf at node index i = SHA-256(uint64_be(i)). */
    static Mmr mmr(int leaves) {
        Mmr mmr = Mmr.open(new MemoryNodeStore());
        for (int e = 0; e < leaves; e++) {
            mmr.append(leaf(MmrMath.leafIndex(e)));
        }
        return mmr;
    }

    static Digest leaf(long index) {
        try {
            return Digest.of(MessageDigest.getInstance("SHA-256")
                    .digest(ByteBuffer.allocate(8).putLong(index).array()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode inclusion(Digest leaf, InclusionProof proof, Accumulator accumulator) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("vds", "mmr");
        doc.put("type", "inclusion");
        doc.put("leaf_hash", leaf.toHex());
        doc.put("index", proof.index());
        doc.put("tree_size", accumulator.size());
        hashes(doc.putArray("path"), proof.path());
        hashes(doc.putArray("peaks"), accumulator.peaks());
        return doc;
    }

    static ObjectNode inclusion(Mmr mmr, long index, long size) {
        return inclusion(mmr.node(index), mmr.inclusionProof(index, size), mmr.accumulator(size));
    }

    static ObjectNode consistency(ConsistencyProof proof, Accumulator from, Accumulator to) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("vds", "mmr");
        doc.put("type", "consistency");
        doc.put("size1", from.size());
        doc.put("size2", to.size());
        ArrayNode paths = doc.putArray("paths");
        proof.paths().forEach(path -> hashes(paths.addArray(), path));
        hashes(doc.putArray("right_peaks"), proof.rightPeaks());
        hashes(doc.putArray("peaks1"), from.peaks());
        hashes(doc.putArray("peaks2"), to.peaks());
        return doc;
    }

    static ObjectNode consistency(Mmr mmr, long size1, long size2) {
        return consistency(mmr.consistencyProof(size1, size2), mmr.accumulator(size1), mmr.accumulator(size2));
    }

    static void hashes(ArrayNode array, List<Digest> hashes) {
        hashes.forEach(h -> array.add(h.toHex()));
    }

    static byte[] bytes(Object node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
