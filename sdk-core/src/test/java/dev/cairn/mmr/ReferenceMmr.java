package dev.cairn.mmr;

import dev.cairn.bytes.Digest;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A slow, literal MMR for checking the fast one: explicit node objects with parent and child links,
 * built by recursion over perfect subtrees, numbered in post order as they are created. It shares no
 * code with the production classes (no MmrMath, no NodeHasher): heights come from the recursion,
 * paths from walking parent links, peaks from the list of mountains.
 */
final class ReferenceMmr {
    /** One node of the tree. */
    static final class Node {
        final long index;
        final Digest value;
        Node left;
        Node right;
        Node parent;

        Node(long index, Digest value) {
            this.index = index;
            this.value = value;
        }
    }

    private final List<Node> nodes = new ArrayList<>();
    private final List<Node> mountains = new ArrayList<>();

    /** Builds the MMR of the leaves: one perfect mountain per set bit of the leaf count, largest first. */
    ReferenceMmr(List<Digest> leaves) {
        int first = 0;
        for (int height = 31; height >= 0; height--) {
            if ((leaves.size() >> height & 1) == 1) {
                mountains.add(build(leaves, first, height));
                first += 1 << height;
            }
        }
    }

    private Node build(List<Digest> leaves, int first, int height) {
        if (height == 0) {
            Node leaf = new Node(nodes.size(), leaves.get(first));
            nodes.add(leaf);
            return leaf;
        }
        Node left = build(leaves, first, height - 1);
        Node right = build(leaves, first + (1 << (height - 1)), height - 1);
        long index = nodes.size();
        Node parent = new Node(index, hash(index + 1, left.value, right.value));
        parent.left = left;
        parent.right = right;
        left.parent = parent;
        right.parent = parent;
        nodes.add(parent);
        return parent;
    }

    /** The draft's node hash, written out again: SHA-256 of the 8-byte big-endian position and both children. */
    static Digest hash(long position, Digest left, Digest right) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(ByteBuffer.allocate(8).putLong(position).array());
            sha.update(left.toByteArray());
            sha.update(right.toByteArray());
            return Digest.of(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    long size() {
        return nodes.size();
    }

    Digest node(long index) {
        return nodes.get((int) index).value;
    }

    List<Digest> nodeValues() {
        return nodes.stream().map(n -> n.value).toList();
    }

    List<Digest> peaks() {
        return mountains.stream().map(n -> n.value).toList();
    }

    /** The sibling values from a node up to its mountain's root. */
    List<Digest> path(long index) {
        List<Digest> path = new ArrayList<>();
        for (Node n = nodes.get((int) index); n.parent != null; n = n.parent) {
            path.add(n.parent.left == n ? n.parent.right.value : n.parent.left.value);
        }
        return path;
    }

    /** The consistency proof from the MMR of the first {@code smaller.size()} nodes to this one. */
    ConsistencyProof consistencyFrom(ReferenceMmr smaller) {
        List<List<Digest>> paths = new ArrayList<>();
        Set<Node> reached = new LinkedHashSet<>();
        for (Node peak : smaller.mountains) {
            paths.add(path(peak.index));
            Node n = nodes.get((int) peak.index);
            while (n.parent != null) {
                n = n.parent;
            }
            reached.add(n);
        }
        List<Digest> right = mountains.stream()
                .filter(m -> !reached.contains(m))
                .map(m -> m.value)
                .toList();
        return new ConsistencyProof(smaller.size(), size(), paths, right);
    }
}
