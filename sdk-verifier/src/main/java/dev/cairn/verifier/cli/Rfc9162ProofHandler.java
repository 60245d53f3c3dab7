package dev.cairn.verifier.cli;

import dev.cairn.bytes.Digest;
import dev.cairn.verifier.rfc9162.ConsistencyProof;
import dev.cairn.verifier.rfc9162.InclusionProof;
import dev.cairn.verifier.rfc9162.Rfc9162Verifier;
import dev.cairn.verifier.rfc9162.VerifiedConsistency;
import dev.cairn.verifier.rfc9162.VerifiedInclusion;
import java.util.List;
import java.util.Set;

/**
 * Proof documents of {@code vds} {@code rfc9162} ({@code spec/verifier-cli.md}; proofs of {@code
 * spec/verifier.md}, "RFC 9162 proofs"): inclusion of a leaf hash in a tree, and consistency of two
 * tree heads, as Certificate Transparency-style logs publish them.
 */
final class Rfc9162ProofHandler implements ProofHandler {
    private static final Set<String> TYPES = Set.of("inclusion", "consistency");

    @Override
    public String vds() {
        return "rfc9162";
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
        document.requireFields("leaf_hash", "index", "tree_size", "path", "root");
        Digest leaf = document.hash("leaf_hash");
        long index = document.integer("index");
        long size = document.integer("tree_size");
        List<Digest> path = document.hashes("path");
        Digest root = document.hash("root");
        VerifiedInclusion verified = Rfc9162Verifier.verifyInclusion(new InclusionProof(index, size, path), leaf, root);
        return Report.of(
                        "rfc9162-inclusion",
                        "leaf " + verified.leafIndex() + " is in the tree of size " + verified.treeSize()
                                + " with root " + verified.root().toHex())
                .with("index", verified.leafIndex())
                .with("tree_size", verified.treeSize())
                .with("root", verified.root().toHex());
    }

    private static Report consistency(ProofDocument document) {
        document.requireFields("size1", "size2", "path", "root1", "root2");
        long size1 = document.integer("size1");
        long size2 = document.integer("size2");
        List<Digest> path = document.hashes("path");
        Digest root1 = document.hash("root1");
        Digest root2 = document.hash("root2");
        VerifiedConsistency verified =
                Rfc9162Verifier.verifyConsistency(new ConsistencyProof(size1, size2, path), root1, root2);
        return Report.of(
                        "rfc9162-consistency",
                        "the tree of size " + verified.size2() + " extends the tree of size " + verified.size1()
                                + " by appends only")
                .with("size1", verified.size1())
                .with("size2", verified.size2());
    }
}
