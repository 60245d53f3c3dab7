package dev.cairn.mmr;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.cairn.bytes.Digest;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import org.quicktheories.core.Gen;

/** Leaves and trees shared by the MMR tests. */
final class MmrFixtures {
    private MmrFixtures() {}

    /** SHA-256 of an 8-byte big-endian number, the draft's test leaf rule. */
    static Digest sha256Of(long value) {
        try {
            return Digest.of(MessageDigest.getInstance("SHA-256")
                    .digest(ByteBuffer.allocate(8).putLong(value).array()));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** {@code count} distinct pseudo-random leaves derived from a seed. */
    static List<Digest> leaves(long seed, int count) {
        List<Digest> leaves = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            leaves.add(sha256Of(seed * 1_000_003 + i));
        }
        return leaves;
    }

    /** Leaf lists of 0 to {@code max} leaves; shrinks towards fewer leaves. */
    static Gen<List<Digest>> leafLists(int max) {
        return integers()
                .between(0, max)
                .zip(longs().all(), (n, seed) -> leaves(seed, n))
                .describedAs(l -> l.size() + " leaves");
    }

    /** An MMR over a memory store holding the leaves. */
    static Mmr build(List<Digest> leaves) {
        Mmr mmr = Mmr.open(new MemoryNodeStore());
        leaves.forEach(mmr::append);
        return mmr;
    }

    /** Flips one bit of a digest. */
    static Digest flip(Digest digest, int bit) {
        byte[] bytes = digest.toByteArray();
        bytes[bit / 8] ^= (byte) (1 << (bit % 8));
        return Digest.of(bytes);
    }

    /** Every valid MMR size up to a maximum, 0 included. */
    static List<Long> validSizes(long max) {
        List<Long> sizes = new ArrayList<>();
        for (long s = 0; s <= max; s++) {
            if (MmrMath.isValidSize(s)) {
                sizes.add(s);
            }
        }
        return sizes;
    }
}
