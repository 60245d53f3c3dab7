package dev.cairn.verifier.rfc9162;

import dev.cairn.bytes.Digest;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * RFC 9162's hashes with one {@link MessageDigest} and one 65-byte input buffer per thread: an
 * interior node is {@code SHA-256(0x01 || left || right)}, a leaf {@code SHA-256(0x00 || entry)}.
 *
 * <p>The proof walks ({@link #climbInclusion}, {@link #climbConsistency}) keep their running values in
 * this object's own arrays and allocate nothing; the caller compares them at once through {@link
 * #first} and {@link #second} and never keeps them.
 */
final class NodeHasher {
    private static final ThreadLocal<NodeHasher> PER_THREAD = ThreadLocal.withInitial(NodeHasher::new);
    private static final int LEFT = 1;
    private static final int RIGHT = 1 + Digest.LENGTH;
    private static final int INPUT_LENGTH = 1 + 2 * Digest.LENGTH;

    private final MessageDigest sha256;
    private final byte[] input = new byte[INPUT_LENGTH];

    /** The first running value: {@code fr} of a consistency walk. */
    final byte[] first = new byte[Digest.LENGTH];

    /** The second running value: {@code r} of an inclusion walk, {@code sr} of a consistency walk. */
    final byte[] second = new byte[Digest.LENGTH];

    private NodeHasher() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new InternalException(ErrorCode.INTERNAL_CRYPTO, "SHA-256 unavailable in this JVM", e);
        }
        input[0] = 0x01;
    }

    /**
     * This thread's hasher.
     *
     * @return a hasher only this thread uses
     */
    static NodeHasher get() {
        return PER_THREAD.get();
    }

    /**
     * Hashes a leaf: {@code SHA-256(0x00 || entry)}.
     *
     * @param entry the leaf's data, any length
     * @return the leaf hash
     */
    Digest leaf(byte[] entry) {
        sha256.update((byte) 0x00);
        sha256.update(entry);
        return Digest.of(sha256.digest());
    }

    /**
     * Hashes an interior node: {@code SHA-256(0x01 || left || right)}.
     *
     * @param left the left child
     * @param right the right child
     * @return the node hash
     */
    Digest node(Digest left, Digest right) {
        left.bytes().copyTo(input, LEFT);
        right.bytes().copyTo(input, RIGHT);
        hashInto(second);
        return Digest.of(second);
    }

    /**
     * RFC 9162 section 2.1.3.2, steps 2 to 4: walks an inclusion path from a leaf hash and leaves the
     * computed root {@code r} in {@link #second}. The caller has checked that the path has exactly the
     * length the index and size imply, which also makes {@code sn} reach 0 exactly at its end.
     *
     * @param index the leaf index, below {@code size}
     * @param size the tree size
     * @param leaf the leaf hash
     * @param path the inclusion path, bottom up
     */
    void climbInclusion(long index, long size, Digest leaf, List<Digest> path) {
        long fn = index;
        long sn = size - 1;
        leaf.bytes().copyTo(second, 0);
        for (int i = 0; i < path.size(); i++) {
            Digest p = path.get(i);
            if ((fn & 1) == 1 || fn == sn) {
                hashPair(p, second);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                hashPair(second, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
    }

    /**
     * RFC 9162 section 2.1.4.2, steps 2 to 6, for {@code 0 < size1 < size2}: leaves {@code fr} in
     * {@link #first} and {@code sr} in {@link #second}. The caller has checked the path's exact length
     * (the one {@code SUBPROOF} produces), which makes the walk consume it with {@code sn} reaching 0 at
     * its end; when {@code size1} is a power of two the path omits the earlier root, which this method
     * puts in front as step 2 says.
     *
     * @param size1 the earlier size, above 0
     * @param size2 the later size, above {@code size1}
     * @param root1 the earlier root, used as the first path entry when {@code size1} is a power of two
     * @param path the consistency path
     */
    void climbConsistency(long size1, long size2, Digest root1, List<Digest> path) {
        boolean seeded = Long.bitCount(size1) == 1;
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        Digest start = seeded ? root1 : path.get(0);
        start.bytes().copyTo(first, 0);
        start.bytes().copyTo(second, 0);
        for (int i = seeded ? 0 : 1; i < path.size(); i++) {
            Digest c = path.get(i);
            if ((fn & 1) == 1 || fn == sn) {
                hashPair(c, first);
                hashPair(c, second);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                hashPair(second, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
    }

    /** {@code value = SHA-256(0x01 || sibling || value)}: the running value is the right child. */
    private void hashPair(Digest sibling, byte[] value) {
        sibling.bytes().copyTo(input, LEFT);
        System.arraycopy(value, 0, input, RIGHT, Digest.LENGTH);
        hashInto(value);
    }

    /** {@code value = SHA-256(0x01 || value || sibling)}: the running value is the left child. */
    private void hashPair(byte[] value, Digest sibling) {
        System.arraycopy(value, 0, input, LEFT, Digest.LENGTH);
        sibling.bytes().copyTo(input, RIGHT);
        hashInto(value);
    }

    private void hashInto(byte[] target) {
        sha256.update(input, 0, INPUT_LENGTH);
        try {
            sha256.digest(target, 0, Digest.LENGTH);
        } catch (DigestException e) {
            throw new InternalException(ErrorCode.INTERNAL_CRYPTO, "SHA-256 output", e);
        }
    }

    /**
     * Whether a running value equals a digest, without copying the digest.
     *
     * @param value {@link #first} or {@link #second}
     * @param digest the digest to compare with
     * @return {@code true} when all 32 bytes are equal
     */
    static boolean sameBytes(byte[] value, Digest digest) {
        for (int i = 0; i < Digest.LENGTH; i++) {
            if (value[i] != digest.bytes().get(i)) {
                return false;
            }
        }
        return true;
    }
}
