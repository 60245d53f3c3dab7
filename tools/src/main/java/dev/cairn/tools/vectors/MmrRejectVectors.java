package dev.cairn.tools.vectors;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.bytes.Digest;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborArray;
import dev.cairn.cbor.CborBytes;
import dev.cairn.cbor.CborInt;
import dev.cairn.cbor.CborValue;
import dev.cairn.errors.ErrorCode;
import dev.cairn.mmr.Accumulator;
import dev.cairn.mmr.ConsistencyProof;
import dev.cairn.mmr.InclusionProof;
import dev.cairn.mmr.Mmr;
import dev.cairn.mmr.MmrMath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * MMR negatives ({@code spec/mmr.md}): one file per mutation of the inclusion proof of leaf 7 (index
 * 11) in the MMR of size 39, and of the consistency proof from size 26 to 71, each naming the code it
 * must raise; {@link VectorSet} checks each before it is written.
 */
final class MmrRejectVectors {
    private static final HexFormat HEX = HexFormat.of();

    private MmrRejectVectors() {}

    static void generate(VectorSet set, Mmr mmr) {
        inclusionRejects(set, mmr, 39, MmrMath.leafIndex(7));
        consistencyRejects(set, mmr, 26, 71);
    }

    private static void inclusionRejects(VectorSet set, Mmr mmr, long size, long index) {
        Accumulator acc = mmr.accumulator(size);
        InclusionProof proof = mmr.inclusionProof(index, size);
        Digest leaf = mmr.node(index);
        List<Digest> path = proof.path();
        String base = "inclusion-" + size + "-" + index + "-";
        String of = " (leaf at node " + index + " in the MMR of size " + size + ")";
        List<Digest> longer = new ArrayList<>(path);
        longer.add(acc.peaks().get(1));
        List<Digest> swapped = new ArrayList<>(path);
        Collections.swap(swapped, 0, 1);
        long sibling = MmrMath.leafIndex(6);
        inclusion(
                set,
                base + "truncated-path",
                "the last path entry removed" + of,
                new InclusionProof(index, path.subList(0, path.size() - 1)).encode(),
                leaf,
                acc,
                ErrorCode.MMR_PROOF_MALFORMED);
        inclusion(
                set,
                base + "extended-path",
                "a path entry added after the peak" + of,
                new InclusionProof(index, longer).encode(),
                leaf,
                acc,
                ErrorCode.MMR_PROOF_MALFORMED);
        inclusion(
                set,
                base + "swapped-path-entries",
                "the first two path entries swapped" + of,
                new InclusionProof(index, swapped).encode(),
                leaf,
                acc,
                ErrorCode.MMR_PROOF_INVALID);
        inclusion(
                set,
                base + "flipped-bit-in-path",
                "one bit of the second path entry flipped" + of,
                new InclusionProof(index, with(path, 1, d -> flip(d, 0))).encode(),
                leaf,
                acc,
                ErrorCode.MMR_PROOF_INVALID);
        inclusion(
                set,
                base + "flipped-bit-in-leaf",
                "one bit of the leaf flipped" + of,
                proof.encode(),
                flip(leaf, 255),
                acc,
                ErrorCode.MMR_PROOF_INVALID);
        inclusion(
                set,
                base + "wrong-index",
                "the index of the sibling leaf, " + sibling + ", with the same path" + of,
                new InclusionProof(sibling, path).encode(),
                leaf,
                acc,
                ErrorCode.MMR_PROOF_INVALID);
        inclusion(
                set,
                base + "index-beyond-size",
                "the index set to the MMR size" + of,
                new InclusionProof(size, path).encode(),
                leaf,
                acc,
                ErrorCode.MMR_SIZE_INVALID);
        inclusion(
                set,
                base + "flipped-bit-in-peak",
                "one bit of the peak the path leads to flipped" + of,
                proof.encode(),
                leaf,
                new Accumulator(size, with(acc.peaks(), 0, d -> flip(d, 7))),
                ErrorCode.MMR_PROOF_INVALID);
        ObjectNode wrongSize = inclusionNode(
                set,
                base + "wrong-size",
                "the accumulator's size is not a valid MMR size" + of,
                proof.encode(),
                leaf,
                acc,
                ErrorCode.MMR_SIZE_INVALID);
        ((ObjectNode) wrongSize.get("accumulator")).put("size", size + 1);
        ObjectNode missingPeak = inclusionNode(
                set,
                base + "peak-count-mismatch",
                "the accumulator lacks its last peak" + of,
                proof.encode(),
                leaf,
                acc,
                ErrorCode.MMR_SIZE_INVALID);
        ((ArrayNode) missingPeak.get("accumulator").get("peaks"))
                .remove(acc.peaks().size() - 1);
        List<CborValue> entries = new ArrayList<>();
        entries.add(new CborBytes(path.get(0).bytes().slice(0, 31)));
        path.subList(1, path.size()).forEach(d -> entries.add(new CborBytes(d.bytes())));
        inclusion(
                set,
                base + "short-path-entry",
                "the first path entry cut to 31 bytes" + of,
                Cbor.encode(CborArray.of(CborInt.of(index), new CborArray(entries))),
                leaf,
                acc,
                ErrorCode.MMR_PROOF_MALFORMED);
        inclusion(
                set,
                base + "negative-index",
                "the index encoded as the negative integer -1" + of,
                Cbor.encode(CborArray.of(CborInt.of(-1), proof.toCbor().get(1))),
                leaf,
                acc,
                ErrorCode.MMR_PROOF_MALFORMED);
        inclusion(
                set,
                base + "trailing-bytes",
                "a byte after the proof" + of,
                append(proof.encode()),
                leaf,
                acc,
                ErrorCode.CBOR_TRAILING_BYTES);
    }

    private static void consistencyRejects(VectorSet set, Mmr mmr, long size1, long size2) {
        Accumulator from = mmr.accumulator(size1);
        Accumulator to = mmr.accumulator(size2);
        ConsistencyProof proof = mmr.consistencyProof(size1, size2);
        List<List<Digest>> paths = proof.paths();
        List<Digest> right = proof.rightPeaks();
        String base = "consistency-" + size1 + "-" + size2 + "-";
        String of = " (from size " + size1 + " to " + size2 + ")";
        List<Digest> longer = new ArrayList<>(paths.get(0));
        longer.add(to.peaks().get(1));
        List<Digest> swapped = new ArrayList<>(paths.get(0));
        Collections.swap(swapped, 0, 1);
        consistency(
                set,
                base + "truncated-path",
                "the last entry of the last path removed" + of,
                new ConsistencyProof(size1, size2, withPath(paths, 3, p -> p.subList(0, p.size() - 1)), right),
                from,
                to,
                ErrorCode.MMR_PROOF_MALFORMED);
        consistency(
                set,
                base + "extended-path",
                "an entry added to the first path" + of,
                new ConsistencyProof(size1, size2, withPath(paths, 0, p -> longer), right),
                from,
                to,
                ErrorCode.MMR_PROOF_MALFORMED);
        consistency(
                set,
                base + "swapped-path-entries",
                "the first two entries of the first path swapped" + of,
                new ConsistencyProof(size1, size2, withPath(paths, 0, p -> swapped), right),
                from,
                to,
                ErrorCode.MMR_PROOF_INVALID);
        consistency(
                set,
                base + "flipped-bit-in-path",
                "one bit of the third path's first entry flipped" + of,
                new ConsistencyProof(size1, size2, withPath(paths, 2, p -> with(p, 0, d -> flip(d, 100))), right),
                from,
                to,
                ErrorCode.MMR_PROOF_INVALID);
        consistency(
                set,
                base + "flipped-bit-in-leaf",
                "one bit of the earlier accumulator's first peak flipped" + of,
                proof,
                new Accumulator(size1, with(from.peaks(), 0, d -> flip(d, 1))),
                to,
                ErrorCode.MMR_PROOF_INVALID);
        consistency(
                set,
                base + "flipped-bit-in-peak",
                "one bit of the later accumulator's first peak flipped" + of,
                proof,
                from,
                new Accumulator(size2, with(to.peaks(), 0, d -> flip(d, 2))),
                ErrorCode.MMR_PROOF_INVALID);
        consistency(
                set,
                base + "flipped-bit-in-right-peak",
                "one bit of the last right peak flipped" + of,
                new ConsistencyProof(size1, size2, paths, with(right, right.size() - 1, d -> flip(d, 3))),
                from,
                to,
                ErrorCode.MMR_PROOF_INVALID);
        consistency(
                set,
                base + "missing-path",
                "the last path removed" + of,
                new ConsistencyProof(size1, size2, paths.subList(0, paths.size() - 1), right),
                from,
                to,
                ErrorCode.MMR_PROOF_MALFORMED);
        consistency(
                set,
                base + "missing-right-peak",
                "the last right peak removed" + of,
                new ConsistencyProof(size1, size2, paths, right.subList(0, right.size() - 1)),
                from,
                to,
                ErrorCode.MMR_PROOF_MALFORMED);
        consistency(
                set,
                base + "wrong-size1",
                "tree-size-1 names another valid size than the earlier accumulator's" + of,
                new ConsistencyProof(25, size2, paths, right),
                from,
                to,
                ErrorCode.MMR_PROOF_MALFORMED);
        consistency(
                set,
                base + "wrong-size2",
                "tree-size-2 names another valid size than the later accumulator's" + of,
                new ConsistencyProof(size1, 70, paths, right),
                from,
                to,
                ErrorCode.MMR_PROOF_MALFORMED);
        consistency(
                set,
                base + "sizes-not-increasing",
                "a proof from the later size to itself" + of,
                new ConsistencyProof(size2, size2, List.of(), List.of()),
                to,
                to,
                ErrorCode.MMR_PROOF_MALFORMED);
        ObjectNode invalid = consistencyNode(
                set,
                base + "invalid-size1",
                "the earlier accumulator's size is not a valid MMR size" + of,
                proof.encode(),
                from,
                to,
                ErrorCode.MMR_SIZE_INVALID);
        ((ObjectNode) invalid.get("accumulator1")).put("size", size1 - 1);
        consistencyNode(
                set,
                base + "trailing-bytes",
                "a byte after the proof" + of,
                append(proof.encode()),
                from,
                to,
                ErrorCode.CBOR_TRAILING_BYTES);
    }

    private static void inclusion(
            VectorSet set,
            String name,
            String description,
            byte[] proof,
            Digest leaf,
            Accumulator acc,
            ErrorCode error) {
        inclusionNode(set, name, description, proof, leaf, acc, error);
    }

    private static ObjectNode inclusionNode(
            VectorSet set,
            String name,
            String description,
            byte[] proof,
            Digest leaf,
            Accumulator acc,
            ErrorCode error) {
        ObjectNode node = set.reject("mmr", name, description, error);
        node.put("proof_type", "inclusion");
        node.put("leaf", leaf.toHex());
        node.set("accumulator", MmrVectors.accumulator(acc));
        node.put("proof", HEX.formatHex(proof));
        return node;
    }

    private static void consistency(
            VectorSet set,
            String name,
            String description,
            ConsistencyProof proof,
            Accumulator from,
            Accumulator to,
            ErrorCode error) {
        consistencyNode(set, name, description, proof.encode(), from, to, error);
    }

    private static ObjectNode consistencyNode(
            VectorSet set,
            String name,
            String description,
            byte[] proof,
            Accumulator from,
            Accumulator to,
            ErrorCode error) {
        ObjectNode node = set.reject("mmr", name, description, error);
        node.put("proof_type", "consistency");
        node.set("accumulator1", MmrVectors.accumulator(from));
        node.set("accumulator2", MmrVectors.accumulator(to));
        node.put("proof", HEX.formatHex(proof));
        return node;
    }

    private static Digest flip(Digest d, int bit) {
        byte[] bytes = d.toByteArray();
        bytes[bit / 8] ^= (byte) (1 << (bit % 8));
        return Digest.of(bytes);
    }

    private static List<Digest> with(List<Digest> list, int k, UnaryOperator<Digest> change) {
        List<Digest> out = new ArrayList<>(list);
        out.set(k, change.apply(out.get(k)));
        return out;
    }

    private static List<List<Digest>> withPath(List<List<Digest>> paths, int k, UnaryOperator<List<Digest>> change) {
        List<List<Digest>> out = new ArrayList<>(paths);
        out.set(k, change.apply(out.get(k)));
        return out;
    }

    private static byte[] append(byte[] encoded) {
        byte[] out = new byte[encoded.length + 1];
        System.arraycopy(encoded, 0, out, 0, encoded.length);
        return out;
    }
}
