package dev.cairn.verifier.cli;

import dev.cairn.bytes.Digest;
import dev.cairn.mmr.Accumulator;
import dev.cairn.mmr.ConsistencyProof;
import dev.cairn.mmr.InclusionProof;
import dev.cairn.mmr.VerifiedConsistency;
import dev.cairn.mmr.VerifiedInclusion;
import dev.cairn.verifier.MmrProofs;
import java.util.List;
import java.util.Set;

/**
 * Proof documents of {@code vds} {@code mmr} ({@code spec/verifier-cli.md}; proofs of {@code
 * spec/mmr.md}): inclusion of a node under an accumulator, and consistency of two accumulators.
 */
final class MmrProofHandler implements ProofHandler {
    private static final Set<String> TYPES = Set.of("inclusion", "consistency");

    @Override
    public String vds() {
        return "mmr";
    }

    @Override
    public Report verify(ProofDocument document) {
        return switch (document.type()) {
            case "inclusion" -> inclusion(document);
            case "consistency" -> consistency(document);
            default -> throw document.unsupportedType(TYPES);
        };
    }

    private static Report inclusion(ProofDocument document) {
        document.requireFields("leaf_hash", "index", "tree_size", "path", "peaks");
        Digest leaf = document.hash("leaf_hash");
        long index = document.integer("index");
        long size = document.integer("tree_size");
        List<Digest> path = document.hashes("path");
        List<Digest> peaks = document.hashes("peaks");
        Accumulator accumulator = new Accumulator(size, peaks);
        VerifiedInclusion verified = MmrProofs.verifyInclusion(new InclusionProof(index, path), leaf, accumulator);
        return Report.of(
                        "mmr-inclusion",
                        "node " + index + (verified.isLeaf() ? " (a leaf)" : " (not a leaf)")
                                + " is in the MMR of size " + size + " under peak " + verified.peakPosition())
                .with("index", index)
                .with("tree_size", size)
                .with("is_leaf", verified.isLeaf())
                .with("peak_position", verified.peakPosition())
                .with("peak", peaks.get(verified.peakPosition()).toHex());
    }

    private static Report consistency(ProofDocument document) {
        document.requireFields("size1", "size2", "paths", "right_peaks", "peaks1", "peaks2");
        long size1 = document.integer("size1");
        long size2 = document.integer("size2");
        List<List<Digest>> paths = document.hashLists("paths");
        List<Digest> rightPeaks = document.hashes("right_peaks");
        List<Digest> peaks1 = document.hashes("peaks1");
        List<Digest> peaks2 = document.hashes("peaks2");
        Accumulator from = new Accumulator(size1, peaks1);
        Accumulator to = new Accumulator(size2, peaks2);
        VerifiedConsistency verified =
                MmrProofs.verifyConsistency(new ConsistencyProof(size1, size2, paths, rightPeaks), from, to);
        return Report.of(
                        "mmr-consistency",
                        "the MMR of size " + size2 + " extends the MMR of size " + size1 + " by appends only")
                .with("size1", verified.from().size())
                .with("size2", verified.to().size());
    }
}
