package dev.cairn.mmr.internal;

import dev.cairn.bytes.Digest;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The draft's {@code hash_pospair64}: {@code SHA-256(uint64_be(pos) || left || right)}, where
 * {@code pos} is the one-based position (index + 1) of the interior node being computed. Not domain
 * separated: the MMR profile fixes this construction so that others' verifiers can check Cairn's
 * proofs.
 *
 * <p>One hasher per thread ({@link #get()}), reusing its {@link MessageDigest} and its 72-byte input
 * buffer, so hashing a node allocates only the resulting digest.
 */
public final class NodeHasher {
    private static final ThreadLocal<NodeHasher> PER_THREAD = ThreadLocal.withInitial(NodeHasher::new);
    private static final int INPUT_LENGTH = 8 + 2 * Digest.LENGTH;
    private static final int LEFT = 8;
    private static final int RIGHT = 8 + Digest.LENGTH;
    private static final VarHandle POSITION = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final MessageDigest sha256;
    private final byte[] input = new byte[INPUT_LENGTH];
    private final byte[] output = new byte[Digest.LENGTH];

    private NodeHasher() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new InternalException(ErrorCode.INTERNAL_CRYPTO, "SHA-256 unavailable in this JVM", e);
        }
    }

    /**
     * This thread's hasher.
     *
     * @return a hasher that only this thread uses
     */
    public static NodeHasher get() {
        return PER_THREAD.get();
    }

    /**
     * Computes an interior node.
     *
     * @param position the node's one-based position, index + 1, at least 1
     * @param left the left child's value
     * @param right the right child's value
     * @return {@code SHA-256(uint64_be(position) || left || right)}
     */
    public Digest parent(long position, Digest left, Digest right) {
        putPosition(position);
        left.bytes().copyTo(input, LEFT);
        right.bytes().copyTo(input, RIGHT);
        hashInto(output);
        return Digest.of(output);
    }

    /**
     * Computes an interior node from children held in arrays, writing the result into an array: the
     * allocation-free form of {@link #parent(long, Digest, Digest)}. The output may overlap either
     * input.
     *
     * @param position the node's one-based position, index + 1, at least 1
     * @param left the array holding the left child's 32 bytes
     * @param leftOffset where they start
     * @param right the array holding the right child's 32 bytes
     * @param rightOffset where they start
     * @param out the array the 32-byte result is written to
     * @param outOffset where it starts
     */
    public void parentInto(
            long position, byte[] left, int leftOffset, byte[] right, int rightOffset, byte[] out, int outOffset) {
        putPosition(position);
        System.arraycopy(left, leftOffset, input, LEFT, Digest.LENGTH);
        System.arraycopy(right, rightOffset, input, RIGHT, Digest.LENGTH);
        sha256.update(input, 0, INPUT_LENGTH);
        try {
            sha256.digest(out, outOffset, Digest.LENGTH);
        } catch (DigestException e) {
            throw new InternalException(ErrorCode.INTERNAL_CRYPTO, "SHA-256 output", e);
        }
    }

    /**
     * Climbs from a node to the root of its path: {@code included_root} with the directions known in
     * advance. The running value never leaves the input buffer: each hash is written straight into
     * the half of the input where the next step needs it.
     *
     * @param index the node's index
     * @param height the node's height
     * @param node the node's value
     * @param path sibling values bottom up, at least one
     * @param rightChild bit {@code k} set when the value at step {@code k} is the right child
     * @return the root
     */
    public Digest climb(long index, int height, Digest node, List<Digest> path, long rightChild) {
        int steps = path.size();
        node.bytes().copyTo(input, (rightChild & 1) != 0 ? RIGHT : LEFT);
        long i = index;
        try {
            for (int k = 0; k < steps; k++) {
                boolean right = (rightChild >>> k & 1) != 0;
                i += right ? 1 : 2L << (height + k);
                POSITION.set(input, 0, i + 1);
                path.get(k).bytes().copyTo(input, right ? LEFT : RIGHT);
                sha256.update(input, 0, INPUT_LENGTH);
                if (k + 1 < steps) {
                    sha256.digest(input, (rightChild >>> (k + 1) & 1) != 0 ? RIGHT : LEFT, Digest.LENGTH);
                } else {
                    sha256.digest(output, 0, Digest.LENGTH);
                }
            }
        } catch (DigestException e) {
            throw new InternalException(ErrorCode.INTERNAL_CRYPTO, "SHA-256 output", e);
        }
        return Digest.of(output);
    }

    private void putPosition(long position) {
        POSITION.set(input, 0, position);
    }

    private void hashInto(byte[] target) {
        sha256.update(input, 0, INPUT_LENGTH);
        try {
            sha256.digest(target, 0, Digest.LENGTH);
        } catch (DigestException e) {
            throw new InternalException(ErrorCode.INTERNAL_CRYPTO, "SHA-256 output", e);
        }
    }
}
