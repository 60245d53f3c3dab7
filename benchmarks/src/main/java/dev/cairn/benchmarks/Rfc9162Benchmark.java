package dev.cairn.benchmarks;

import dev.cairn.bytes.Digest;
import dev.cairn.verifier.rfc9162.InclusionProof;
import dev.cairn.verifier.rfc9162.MerkleTreeHash;
import dev.cairn.verifier.rfc9162.Rfc9162Verifier;
import dev.cairn.verifier.rfc9162.VerifiedInclusion;
import dev.sigstore.rekor.client.RekorEntry;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * RFC 9162 inclusion verification in a 2^20-leaf tree (20-entry audit paths), cycling through 4096
 * precomputed proofs of random leaves: Cairn's {@link Rfc9162Verifier} against sigstore-java's check
 * on the same proofs, and against the 20 raw SHA-256 node hashes ({@code 0x01 || left || right}, 65
 * bytes, same JDK {@link MessageDigest}) no verifier can avoid.
 *
 * <p>Each proof holds its own copies of its hashes, as one parsed from a proof document would, rather
 * than references into the tree built in setup (whose nodes lie scattered over the heap and would
 * measure cache misses). sigstore-java takes the entry and hex strings, so its row includes hashing the 128-byte entry as a
 * leaf and decoding the path; {@code cairnLeafAndInclusion} does the same leaf hash on the same entry
 * for the like-for-like comparison, {@code cairnInclusion} starts from the precomputed leaf hash.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class Rfc9162Benchmark {
    private static final int DEPTH = 20;
    private static final int PROOFS = 4096;
    private static final int ENTRY_LENGTH = 128;

    /** The tree's proofs, in Cairn's form and in sigstore-java's. */
    @State(Scope.Benchmark)
    public static class Proofs {
        Digest root;
        byte[][] entries;
        Digest[] leafHashes;
        InclusionProof[] proofs;
        RekorEntry[] sigstoreEntries;
        SigstoreInclusion sigstore;
        RawHasher raw;
        int next;

        /** Builds the tree level by level, takes 4096 random leaves' paths, and checks each once. */
        @Setup(Level.Trial)
        public void setup() {
            Random random = new Random(9162);
            int leaves = 1 << DEPTH;
            byte[][] allEntries = new byte[leaves][];
            List<Digest[]> levels = new ArrayList<>();
            Digest[] level = new Digest[leaves];
            for (int i = 0; i < leaves; i++) {
                allEntries[i] = new byte[ENTRY_LENGTH];
                random.nextBytes(allEntries[i]);
                level[i] = MerkleTreeHash.leaf(allEntries[i]);
            }
            levels.add(level);
            while (level.length > 1) {
                Digest[] up = new Digest[level.length / 2];
                for (int i = 0; i < up.length; i++) {
                    up[i] = MerkleTreeHash.node(level[2 * i], level[2 * i + 1]);
                }
                levels.add(up);
                level = up;
            }
            root = level[0];
            if (!root.equals(MerkleTreeHash.root(List.of(levels.get(0))))) {
                throw new IllegalStateException("level-by-level root differs from MerkleTreeHash.root");
            }
            HexFormat hex = HexFormat.of();
            entries = new byte[PROOFS][];
            leafHashes = new Digest[PROOFS];
            proofs = new InclusionProof[PROOFS];
            sigstoreEntries = new RekorEntry[PROOFS];
            sigstore = new SigstoreInclusion();
            for (int k = 0; k < PROOFS; k++) {
                int index = random.nextInt(leaves);
                List<Digest> path = new ArrayList<>(DEPTH);
                for (int h = 0; h < DEPTH; h++) {
                    // A fresh copy, as a proof parsed from a document or response holds its own values.
                    path.add(Digest.of(levels.get(h)[(index >>> h) ^ 1].toByteArray()));
                }
                entries[k] = allEntries[index].clone();
                leafHashes[k] = Digest.of(levels.get(0)[index].toByteArray());
                proofs[k] = new InclusionProof(index, leaves, path);
                Rfc9162Verifier.verifyInclusion(proofs[k], leafHashes[k], root);
                sigstoreEntries[k] = SigstoreInclusion.entry(
                        Base64.getEncoder().encodeToString(entries[k]),
                        index,
                        leaves,
                        path.stream().map(Digest::toHex).toList(),
                        hex.formatHex(root.toByteArray()));
                sigstore.verify(sigstoreEntries[k]);
            }
            raw = new RawHasher();
            // The tree (about 2^21 node objects) is garbage now; collect it before measuring.
            System.gc();
        }
    }

    /**
     * Cairn: verify one inclusion proof from its precomputed leaf hash.
     *
     * @param p the proofs
     * @return the verified inclusion
     */
    @Benchmark
    public VerifiedInclusion cairnInclusion(Proofs p) {
        int k = p.next++ & (PROOFS - 1);
        return Rfc9162Verifier.verifyInclusion(p.proofs[k], p.leafHashes[k], p.root);
    }

    /**
     * Cairn: hash the 128-byte entry as a leaf, then verify its inclusion proof.
     *
     * @param p the proofs
     * @return the verified inclusion
     */
    @Benchmark
    public VerifiedInclusion cairnLeafAndInclusion(Proofs p) {
        int k = p.next++ & (PROOFS - 1);
        return Rfc9162Verifier.verifyInclusion(p.proofs[k], MerkleTreeHash.leaf(p.entries[k]), p.root);
    }

    /**
     * Peer: sigstore-java 1.3.0's inclusion check of the same entry and proof (base64 body, hex path and
     * root).
     *
     * @param p the proofs
     * @return the entry checked
     */
    @Benchmark
    public RekorEntry sigstoreInclusion(Proofs p) {
        int k = p.next++ & (PROOFS - 1);
        p.sigstore.verify(p.sigstoreEntries[k]);
        return p.sigstoreEntries[k];
    }

    /**
     * Baseline: the 20 raw 65-byte SHA-256 node hashes a 20-entry path costs.
     *
     * @param p the state holding the raw hasher
     * @return the last digest's first byte
     */
    @Benchmark
    public byte rawNodeHashes(Proofs p) {
        return p.raw.hash(DEPTH);
    }

    /** SHA-256 over chained 65-byte inputs {@code 0x01 || left || right}, each output feeding the next. */
    static final class RawHasher {
        private final MessageDigest sha256;
        private final byte[] input = new byte[65];

        RawHasher() {
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            input[0] = 0x01;
        }

        byte hash(int count) {
            try {
                for (int k = 0; k < count; k++) {
                    input[64] = (byte) k;
                    sha256.update(input, 0, input.length);
                    sha256.digest(input, 1, 32);
                }
            } catch (DigestException e) {
                throw new IllegalStateException(e);
            }
            return input[1];
        }
    }
}
