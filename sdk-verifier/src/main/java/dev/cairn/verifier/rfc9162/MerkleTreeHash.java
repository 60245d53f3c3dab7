package dev.cairn.verifier.rfc9162;

import dev.cairn.bytes.Bytes;
import dev.cairn.bytes.Digest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Merkle Tree Hash of RFC 9162 section 2.1.1 with SHA-256: leaves {@code SHA-256(0x00 || entry)},
 * interior nodes {@code SHA-256(0x01 || left || right)}, and the root of {@code n} leaves whose left
 * subtree holds the largest power of two below {@code n}. These are byte for byte RFC 6962's hashes
 * too, as Certificate Transparency logs and C2SP tlog-checkpoint logs use them.
 *
 * <p>Stateless and thread-safe; each thread hashes with its own {@code MessageDigest}.
 */
public final class MerkleTreeHash {
    private static final Digest EMPTY =
            Digest.fromHex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

    private MerkleTreeHash() {}

    /**
     * The hash of the empty tree, {@code MTH({}) = SHA-256()}.
     *
     * @return SHA-256 of no bytes
     */
    public static Digest empty() {
        return EMPTY;
    }

    /**
     * A leaf hash, {@code MTH({d}) = SHA-256(0x00 || d)}.
     *
     * @param entry the leaf's data, any length (for Certificate Transparency, the {@code MerkleTreeLeaf}
     *     bytes; for a C2SP log, the entry bytes)
     * @return the leaf hash
     */
    public static Digest leaf(byte[] entry) {
        Objects.requireNonNull(entry, "entry");
        return NodeHasher.get().leaf(entry);
    }

    /**
     * A leaf hash of immutable bytes.
     *
     * @param entry the leaf's data
     * @return {@code SHA-256(0x00 || entry)}
     */
    public static Digest leaf(Bytes entry) {
        return leaf(entry.toByteArray());
    }

    /**
     * An interior node hash, {@code SHA-256(0x01 || left || right)}.
     *
     * @param left the left subtree's hash
     * @param right the right subtree's hash
     * @return the node hash
     */
    public static Digest node(Digest left, Digest right) {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        return NodeHasher.get().node(left, right);
    }

    /**
     * The root of a tree of leaf hashes, {@code MTH(D[n])}. Computed in one pass with a stack of the
     * perfect subtrees seen so far (one per set bit of the count), which are then joined right to left:
     * the same tree the recursive definition describes, with {@code n - 1} node hashes.
     *
     * @param leafHashes the leaf hashes, in log order
     * @return the root; {@link #empty()} for no leaves, the leaf hash itself for one
     */
    public static Digest root(List<Digest> leafHashes) {
        Objects.requireNonNull(leafHashes, "leafHashes");
        if (leafHashes.isEmpty()) {
            return EMPTY;
        }
        NodeHasher hasher = NodeHasher.get();
        List<Digest> stack = new ArrayList<>(64);
        for (int i = 0; i < leafHashes.size(); i++) {
            Digest node = Objects.requireNonNull(leafHashes.get(i), "leaf hash");
            for (long merged = i + 1L; (merged & 1) == 0; merged >>>= 1) {
                node = hasher.node(stack.remove(stack.size() - 1), node);
            }
            stack.add(node);
        }
        Digest root = stack.get(stack.size() - 1);
        for (int j = stack.size() - 2; j >= 0; j--) {
            root = hasher.node(stack.get(j), root);
        }
        return root;
    }
}
