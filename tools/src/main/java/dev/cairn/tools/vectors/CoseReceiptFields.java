package dev.cairn.tools.vectors;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.bytes.Bytes;
import dev.cairn.bytes.Digest;
import dev.cairn.cbor.Cbor;
import dev.cairn.checkpoint.LogId;
import dev.cairn.keys.VerificationKey;
import dev.cairn.mmr.Accumulator;
import dev.cairn.mmr.MmrMath;
import java.util.HexFormat;

/**
 * How a {@code cose-receipt} vector is written ({@code vectors/README.md}): the verifier's rules,
 * the receipt with the leaf or trusted accumulator it is checked against, and what an accepted one
 * yields.
 */
final class CoseReceiptFields {
    private CoseReceiptFields() {}

    /** The verifier's rules: the one trusted key and the expected log. */
    static ObjectNode rules(ObjectNode node, VerificationKey key, LogId log) {
        node.putArray("trusted_keys").add(HexFormat.of().formatHex(Cbor.encode(key.toCoseKey())));
        node.put("log_id", log.value());
        return node;
    }

    /** A receipt of inclusion of a leaf, checked against an accumulator if one is given. */
    static void inclusionInputs(ObjectNode node, Bytes receipt, Digest leaf, Accumulator anchor) {
        node.put("receipt", receipt.toHex());
        node.put("leaf", leaf.toHex());
        if (anchor != null) {
            node.set("accumulator", json(anchor));
        }
    }

    /** A receipt of consistency, checked from a trusted accumulator. */
    static void consistencyInputs(ObjectNode node, Bytes receipt, Accumulator trusted) {
        node.put("receipt", receipt.toHex());
        node.set("trusted", json(trusted));
    }

    /** What an accepted receipt of inclusion yields: the index and the peak above it. */
    static void inclusionYields(ObjectNode node, long index, Accumulator acc) {
        node.put("index", Long.toString(index));
        node.put("peak", acc.peaks().get(MmrMath.peakOf(index, acc.size())).toHex());
    }

    /** What an accepted receipt of consistency yields: the accumulator it proves. */
    static void consistencyYields(ObjectNode node, Accumulator to) {
        ObjectNode json = node.putObject("to");
        json.put("size", Long.toString(to.size()));
        json.set("peaks", peaks(to));
    }

    private static ObjectNode json(Accumulator accumulator) {
        ObjectNode node = VectorJson.object();
        node.put("size", accumulator.size());
        node.set("peaks", peaks(accumulator));
        return node;
    }

    private static ArrayNode peaks(Accumulator accumulator) {
        ArrayNode peaks = VectorJson.object().arrayNode();
        accumulator.peaks().forEach(p -> peaks.add(p.toHex()));
        return peaks;
    }
}
