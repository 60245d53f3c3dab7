package dev.cairn.benchmarks;

import dev.cairn.bytes.Digest;
import dev.cairn.mmr.Accumulator;
import dev.cairn.mmr.ConsistencyProof;
import dev.cairn.mmr.InclusionProof;
import dev.cairn.mmr.MemoryNodeStore;
import dev.cairn.mmr.Mmr;
import dev.cairn.mmr.MmrMath;
import dev.cairn.mmr.MmrVerifier;
import dev.cairn.mmr.VerifiedConsistency;
import dev.cairn.mmr.VerifiedInclusion;
import dev.cairn.mmr.file.FileNodeStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The MMR against the raw SHA-256 it cannot avoid: the 72-byte interior-node hashes ({@code
 * uint64_be(pos) || left || right}), measured with the same JDK {@link MessageDigest} in the same run.
 *
 * <p>Integrate: {@code integrate*1024} appends a batch of 1024 leaves ({@code Mmr.append(List)}, one
 * lock per batch) to a growing MMR (reset at
 * 2^20 leaves); over a cycle a batch completes 1024 interior nodes on average, which is what {@code
 * rawInteriorHashes1024} hashes. Target: at most 1.5x. Verify: {@code verifyInclusion} checks one
 * leaf's 20-entry path in a 2^20-leaf MMR against {@code rawInclusionHashes} (20 hashes), and {@code
 * verifyConsistency} one proof from a random earlier size against {@code rawConsistencyHashes} (the
 * same number of hashes as that proof's path entries). Target: at most 1.2x.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MmrBenchmark {
    private static final int BATCH = 1024;
    private static final int RESET_LEAVES = 1 << 20;
    private static final int TREE_LEAVES = 1 << 20;
    private static final int PROOFS = 4096;
    private static final int CONSISTENCY_PROOFS = 256;

    /** A growing MMR per thread, in memory and on file, and the leaves of one batch. */
    @State(Scope.Thread)
    public static class Integrate {
        List<Digest> batch;
        Mmr memory;
        Mmr file;
        FileNodeStore fileStore;
        Path dir;
        RawHasher raw;
        FileChannel rawFile;
        ByteBuffer rawNodes;
        long rawPosition;

        /** Creates the leaves, both MMRs and the raw hasher. */
        @Setup(Level.Trial)
        public void setup() {
            batch = List.of(randomDigests(BATCH, 1));
            raw = new RawHasher();
            try {
                dir = Files.createTempDirectory("cairn-mmr-bench");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            memory = Mmr.open(new MemoryNodeStore());
            reopenFile();
            rawNodes = ByteBuffer.allocate(2 * BATCH * Digest.LENGTH);
            try {
                rawFile = FileChannel.open(
                        dir.resolve("raw"),
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Writes the bytes of one batch's 2048 nodes at the end of a file that grows as the MMR's does. */
        void rawWrite() throws IOException {
            if (rawPosition >= (long) RESET_LEAVES * 2 * Digest.LENGTH) {
                rawFile.truncate(0);
                rawPosition = 0;
            }
            rawNodes.clear();
            while (rawNodes.hasRemaining()) {
                rawPosition += rawFile.write(rawNodes, rawPosition);
            }
        }

        void reopenFile() {
            if (fileStore != null) {
                fileStore.close();
            }
            try {
                Files.deleteIfExists(dir.resolve("nodes"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            fileStore = FileNodeStore.open(dir.resolve("nodes"));
            file = Mmr.open(fileStore);
        }

        /** Closes and deletes the node file. */
        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            fileStore.close();
            rawFile.close();
            Files.deleteIfExists(dir.resolve("raw"));
            Files.deleteIfExists(dir.resolve("nodes"));
            Files.deleteIfExists(dir);
        }
    }

    /** One 2^20-leaf MMR, built once, with proofs to verify. */
    @State(Scope.Benchmark)
    public static class Tree {
        Accumulator accumulator;
        InclusionProof[] inclusions;
        Digest[] leaves;
        ConsistencyProof[] consistencies;
        Accumulator[] froms;
        int[] consistencyHashes;
        RawHasher raw;
        int next;

        /** Builds the tree and precomputes the proofs. */
        @Setup(Level.Trial)
        public void setup() {
            Mmr mmr = Mmr.open(new MemoryNodeStore());
            mmr.append(List.of(randomDigests(TREE_LEAVES, 2)));
            accumulator = mmr.accumulator();
            Random random = new Random(3);
            inclusions = new InclusionProof[PROOFS];
            leaves = new Digest[PROOFS];
            for (int k = 0; k < PROOFS; k++) {
                long index = MmrMath.leafIndex(random.nextInt(TREE_LEAVES));
                inclusions[k] = mmr.inclusionProof(index, mmr.size());
                leaves[k] = mmr.node(index);
                MmrVerifier.verifyInclusion(inclusions[k], leaves[k], accumulator);
                if (inclusions[k].path().size() != 20) {
                    throw new IllegalStateException(
                            "path of " + inclusions[k].path().size() + ", want 20");
                }
            }
            consistencies = new ConsistencyProof[CONSISTENCY_PROOFS];
            froms = new Accumulator[CONSISTENCY_PROOFS];
            consistencyHashes = new int[CONSISTENCY_PROOFS];
            long total = 0;
            for (int k = 0; k < CONSISTENCY_PROOFS; k++) {
                long size1 = MmrMath.sizeForLeafCount(1 + random.nextInt(TREE_LEAVES - 1));
                consistencies[k] = mmr.consistencyProof(size1, mmr.size());
                froms[k] = mmr.accumulator(size1);
                consistencyHashes[k] = consistencies[k].paths().stream()
                        .mapToInt(p -> p.size())
                        .sum();
                total += consistencyHashes[k];
                MmrVerifier.verifyConsistency(consistencies[k], froms[k], accumulator);
            }
            raw = new RawHasher();
            // The 2^20-leaf MMR built above (about 200 MB of node objects) is garbage now; collect it
            // before measuring, or its collection lands in the measured iterations (seen here as a
            // 25% swing between warm-up and measurement).
            System.gc();
            System.out.println("tree: " + mmr.size() + " nodes; consistency proofs hash " + total / CONSISTENCY_PROOFS
                    + " nodes on average");
        }
    }

    /**
     * Cairn: integrate 1024 leaves into an MMR over a {@link MemoryNodeStore}.
     *
     * @param s the growing MMR
     * @return the first leaf's index
     */
    @Benchmark
    public long integrateMemory1024(Integrate s) {
        if (s.memory.leafCount() >= RESET_LEAVES) {
            s.memory = Mmr.open(new MemoryNodeStore());
        }
        return s.memory.append(s.batch);
    }

    /**
     * Cairn: integrate 1024 leaves into an MMR over a {@link FileNodeStore}, without sync (appends are
     * buffered and written 64 KiB at a time; a sync per batch adds one fsync).
     *
     * @param s the growing MMR
     * @return the first leaf's index
     */
    @Benchmark
    public long integrateFile1024(Integrate s) {
        if (s.file.leafCount() >= RESET_LEAVES) {
            s.reopenFile();
        }
        return s.file.append(s.batch);
    }

    /**
     * Baseline: 1024 raw SHA-256 hashes of 72-byte inputs, the interior hashes a batch computes.
     *
     * @param s the state holding the raw hasher
     * @return the last digest's first byte
     */
    @Benchmark
    public byte rawInteriorHashes1024(Integrate s) {
        return s.raw.hash(BATCH);
    }

    /**
     * Baseline for the file store: the same 1024 hashes plus the write of the 64 KiB those 2048 nodes
     * occupy, at the end of a file that grows and restarts as the file MMR's does (no sync).
     *
     * @param s the state holding the raw hasher and file
     * @return the last digest's first byte
     * @throws IOException if the write fails
     */
    @Benchmark
    public byte rawInteriorHashesAndWrite1024(Integrate s) throws IOException {
        s.rawWrite();
        return s.raw.hash(BATCH);
    }

    /**
     * Cairn: verify one inclusion proof (20 path entries) against the accumulator.
     *
     * @param t the tree
     * @return the verified inclusion
     */
    @Benchmark
    public VerifiedInclusion verifyInclusion(Tree t) {
        int k = t.next++ & (PROOFS - 1);
        return MmrVerifier.verifyInclusion(t.inclusions[k], t.leaves[k], t.accumulator);
    }

    /**
     * Baseline: the 20 raw 72-byte SHA-256 hashes an inclusion proof needs.
     *
     * @param t the tree
     * @return the last digest's first byte
     */
    @Benchmark
    public byte rawInclusionHashes(Tree t) {
        return t.raw.hash(20);
    }

    /**
     * Cairn: verify one consistency proof from a random earlier size to the whole tree.
     *
     * @param t the tree
     * @return the verified consistency
     */
    @Benchmark
    public VerifiedConsistency verifyConsistency(Tree t) {
        int k = t.next++ & (CONSISTENCY_PROOFS - 1);
        return MmrVerifier.verifyConsistency(t.consistencies[k], t.froms[k], t.accumulator);
    }

    /**
     * Baseline: as many raw 72-byte SHA-256 hashes as the same consistency proof has path entries.
     *
     * @param t the tree
     * @return the last digest's first byte
     */
    @Benchmark
    public byte rawConsistencyHashes(Tree t) {
        int k = t.next++ & (CONSISTENCY_PROOFS - 1);
        return t.raw.hash(t.consistencyHashes[k]);
    }

    /** SHA-256 over chained 72-byte inputs, each output feeding the next input. */
    static final class RawHasher {
        private final MessageDigest sha256;
        private final byte[] input = new byte[72];

        RawHasher() {
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        byte hash(int count) {
            try {
                for (int k = 0; k < count; k++) {
                    input[7] = (byte) k;
                    sha256.update(input, 0, input.length);
                    sha256.digest(input, 8, 32);
                }
            } catch (DigestException e) {
                throw new IllegalStateException(e);
            }
            return input[8];
        }
    }

    static Digest[] randomDigests(int count, long seed) {
        Random random = new Random(seed);
        Digest[] out = new Digest[count];
        byte[] bytes = new byte[Digest.LENGTH];
        for (int i = 0; i < count; i++) {
            random.nextBytes(bytes);
            out[i] = Digest.of(bytes);
        }
        return out;
    }
}
