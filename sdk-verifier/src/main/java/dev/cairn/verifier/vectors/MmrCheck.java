package dev.cairn.verifier.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.mmr.Accumulator;
import dev.cairn.mmr.ConsistencyProof;
import dev.cairn.mmr.InclusionProof;
import dev.cairn.mmr.Mmr;
import dev.cairn.mmr.MmrMath;
import dev.cairn.mmr.MmrVerifier;
import dev.cairn.mmr.VerifiedInclusion;
import java.util.HexFormat;

/**
 * {@code mmr} vectors ({@code spec/mmr.md}). An accept file holds many proofs into one accumulator
 * of the {@link MmrLeafRule} tree: every proof decodes, verifies, and is byte for byte the proof
 * Cairn makes, and the accumulator is the tree's. A reject file holds one proof (hex CBOR) whose
 * decoding or verification raises the vector's code.
 */
final class MmrCheck implements VectorCheck {
    /** The largest tree the checker rebuilds to compare proofs, in leaves. */
    private static final long MAX_REBUILT_LEAVES = 1 << 16;

    private static final HexFormat HEX = HexFormat.of();

    @Override
    public void accept(JsonNode v) {
        if (!MmrLeafRule.TEXT.equals(Fields.text(v, "leaf_rule"))) {
            throw VectorFailure.broken("unknown leaf_rule " + v.get("leaf_rule") + ", want " + MmrLeafRule.TEXT);
        }
        boolean inclusion = inclusion(v);
        Accumulator acc = Fields.accumulator(v, inclusion ? "accumulator" : "accumulator2");
        if (MmrMath.leafCount(acc.size()) > MAX_REBUILT_LEAVES) {
            throw VectorFailure.broken("an MMR of more than " + MAX_REBUILT_LEAVES + " leaves");
        }
        Mmr mmr = MmrLeafRule.tree((int) MmrMath.leafCount(acc.size()));
        Fields.same("accumulator", mmr.accumulator(acc.size()), acc);
        JsonNode proofs = Fields.array(v, "proofs");
        if (proofs.isEmpty()) {
            throw VectorFailure.broken("no proofs");
        }
        for (JsonNode entry : proofs) {
            byte[] bytes = Fields.hex(entry, "proof");
            byte[] cairns;
            if (inclusion) {
                InclusionProof proof = InclusionProof.decode(bytes);
                VerifiedInclusion verified =
                        MmrVerifier.verifyInclusion(proof, Fields.digest(Fields.field(entry, "leaf"), "leaf"), acc);
                Fields.same("index", Fields.integer(entry, "index"), verified.index());
                cairns = mmr.inclusionProof(proof.index(), acc.size()).encode();
            } else {
                ConsistencyProof proof = ConsistencyProof.decode(bytes);
                Accumulator from = Fields.accumulator(entry, "accumulator1");
                MmrVerifier.verifyConsistency(proof, from, acc);
                cairns = mmr.consistencyProof(from.size(), acc.size()).encode();
            }
            Fields.same("proof", HEX.formatHex(cairns), HEX.formatHex(bytes));
        }
    }

    @Override
    public void reject(JsonNode v) {
        byte[] bytes = Fields.hex(v, "proof");
        if (inclusion(v)) {
            Accumulator acc = Fields.accumulator(v, "accumulator");
            MmrVerifier.verifyInclusion(
                    InclusionProof.decode(bytes), Fields.digest(Fields.field(v, "leaf"), "leaf"), acc);
        } else {
            Accumulator from = Fields.accumulator(v, "accumulator1");
            Accumulator to = Fields.accumulator(v, "accumulator2");
            MmrVerifier.verifyConsistency(ConsistencyProof.decode(bytes), from, to);
        }
    }

    private static boolean inclusion(JsonNode v) {
        String type = Fields.text(v, "proof_type");
        return switch (type) {
            case "inclusion" -> true;
            case "consistency" -> false;
            default -> throw new MalformedVector("unknown proof_type " + type);
        };
    }
}
