package dev.cairn.verifier.vectors;

import dev.cairn.bytes.Digest;
import dev.cairn.mmr.MemoryNodeStore;
import dev.cairn.mmr.Mmr;
import dev.cairn.mmr.MmrMath;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The leaves of the {@code mmr} vectors ({@code spec/mmr.md}), after the MMR profile draft's test
 * rule: the leaf at node index {@code i} is {@code SHA-256(uint64_be(i))}, so that the MMR of 39
 * nodes is the draft's known-answer tree. The generator builds its vectors on this tree and the
 * checker rebuilds it to compare every proof with the one Cairn makes.
 */
public final class MmrLeafRule {
    /** The rule as the vectors' {@code leaf_rule} field states it. */
    public static final String TEXT = "leaf at node index i = SHA-256(uint64_be(i))";

    private MmrLeafRule() {}

    /**
     * The leaf value at a node index.
     *
     * @param index the MMR node index of a leaf
     * @return {@code SHA-256(uint64_be(index))}
     */
    public static Digest leaf(long index) {
        try {
            return Digest.of(MessageDigest.getInstance("SHA-256")
                    .digest(ByteBuffer.allocate(8).putLong(index).array()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * The MMR of the first leaves under the rule, in memory.
     *
     * @param leaves how many leaves
     * @return the MMR
     */
    public static Mmr tree(int leaves) {
        Mmr mmr = Mmr.open(new MemoryNodeStore());
        for (int e = 0; e < leaves; e++) {
            mmr.append(leaf(MmrMath.leafIndex(e)));
        }
        return mmr;
    }
}
