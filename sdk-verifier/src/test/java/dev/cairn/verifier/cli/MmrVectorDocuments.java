package dev.cairn.verifier.cli;

import static dev.cairn.verifier.cli.ProofDocs.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborArray;
import dev.cairn.cbor.CborBytes;
import dev.cairn.cbor.CborInt;
import dev.cairn.cbor.CborValue;
import dev.cairn.errors.CairnException;
import dev.cairn.verifier.cli.VectorArguments.NotRepresentable;
import java.util.HexFormat;

/**
 * MMR vectors as JSON proof documents ({@code spec/verifier-cli.md}, "proof"). A document states
 * each size once and holds 32-byte hashes only, so vectors whose mutation is in the proof's CBOR
 * encoding or that give the proof other sizes than its accumulators are {@link NotRepresentable}.
 */
final class MmrVectorDocuments {
    private MmrVectorDocuments() {}

    /**
     * The proof documents of an MMR vector: one for a reject vector, an array of one per proof for an
     * accept vector.
     */
    static JsonNode of(JsonNode v) throws NotRepresentable {
        if (!"accept".equals(v.path("expect").asText())) {
            return document(v, v);
        }
        ArrayNode documents = JSON.createArrayNode();
        for (JsonNode entry : v.path("proofs")) {
            documents.add(document(v, entry));
        }
        return documents;
    }

    /**
     * One document: its proof, and the leaf or the earlier accumulator, from {@code entry} (the
     * vector itself for a reject vector); the later accumulator from the vector.
     */
    private static ObjectNode document(JsonNode v, JsonNode entry) throws NotRepresentable {
        String proof = entry.path("proof").asText();
        return "inclusion".equals(v.path("proof_type").asText())
                ? inclusionDocument(entry.path("leaf").asText(), v.get("accumulator"), proof)
                : consistencyDocument(entry.get("accumulator1"), v.get("accumulator2"), proof);
    }

    private static ObjectNode inclusionDocument(String leaf, JsonNode accumulator, String proofHex)
            throws NotRepresentable {
        CborArray proof = array(decode(proofHex), 2);
        ObjectNode doc = JSON.createObjectNode();
        doc.put("vds", "mmr");
        doc.put("type", "inclusion");
        doc.put("leaf_hash", leaf);
        doc.put("index", integer(proof.get(0)));
        doc.set("tree_size", accumulator.get("size"));
        doc.set("path", hashes(proof.get(1)));
        doc.set("peaks", accumulator.get("peaks"));
        return doc;
    }

    private static ObjectNode consistencyDocument(JsonNode from, JsonNode to, String proofHex) throws NotRepresentable {
        CborArray proof = array(decode(proofHex), 4);
        if (integer(proof.get(0)) != from.path("size").asLong()
                || integer(proof.get(1)) != to.path("size").asLong()) {
            throw new NotRepresentable(
                    "the proof's sizes differ from the accumulators'; a document states each size once");
        }
        ObjectNode doc = JSON.createObjectNode();
        doc.put("vds", "mmr");
        doc.put("type", "consistency");
        doc.set("size1", from.get("size"));
        doc.set("size2", to.get("size"));
        ArrayNode paths = doc.putArray("paths");
        if (!(proof.get(2) instanceof CborArray list)) {
            throw new NotRepresentable("consistency paths are not an array");
        }
        for (CborValue path : list.items()) {
            paths.add(hashes(path));
        }
        doc.set("right_peaks", hashes(proof.get(3)));
        doc.set("peaks1", from.get("peaks"));
        doc.set("peaks2", to.get("peaks"));
        return doc;
    }

    private static CborValue decode(String hex) throws NotRepresentable {
        try {
            return Cbor.decode(HexFormat.of().parseHex(hex));
        } catch (CairnException e) {
            throw new NotRepresentable("the proof bytes are not one canonical CBOR item: " + e.code());
        }
    }

    private static CborArray array(CborValue value, int arity) throws NotRepresentable {
        if (!(value instanceof CborArray array) || array.size() != arity) {
            throw new NotRepresentable("not an array of " + arity);
        }
        return array;
    }

    private static long integer(CborValue value) throws NotRepresentable {
        if (!(value instanceof CborInt integer)) {
            throw new NotRepresentable("an integer field is not a CBOR integer");
        }
        return integer.value();
    }

    private static ArrayNode hashes(CborValue value) throws NotRepresentable {
        if (!(value instanceof CborArray array)) {
            throw new NotRepresentable("a list of hashes is not an array");
        }
        ArrayNode out = JSON.createArrayNode();
        for (CborValue item : array.items()) {
            if (!(item instanceof CborBytes bytes) || bytes.value().length() != 32) {
                throw new NotRepresentable("an entry is not 32 bytes; a document's hashes are 32 bytes");
            }
            out.add(bytes.value().toHex());
        }
        return out;
    }
}
