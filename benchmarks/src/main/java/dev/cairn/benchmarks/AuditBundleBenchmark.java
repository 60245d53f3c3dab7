package dev.cairn.benchmarks;

import dev.cairn.audit.AuditBundleEntry;
import dev.cairn.audit.AuditBundleReader;
import dev.cairn.bytes.Bytes;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborArray;
import dev.cairn.cbor.CborBytes;
import dev.cairn.cbor.CborLimits;
import dev.cairn.cbor.CborText;
import dev.cairn.cose.CoseSign1;
import dev.cairn.hash.HashDomain;
import dev.cairn.keys.KeySet;
import dev.cairn.keys.VerificationKey;
import dev.cairn.mmr.MmrMath;
import dev.cairn.verifier.bundle.AuditBundleVerifier;
import dev.cairn.verifier.bundle.VerifiedAuditBundle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Verifying an audit bundle of {@code receipts} (default 10^6) real receipts from a file, against
 * the raw cost of exactly the hashes and signature checks that verification must do, spread over the
 * same number of threads, in the same run. Target: {@code verify} at most 1.2x {@code rawCost}.
 *
 * <p>{@code verify}: {@link AuditBundleVerifier#verify(Path)} with {@code threads} workers (0 = the
 * available processors), default policy: reading, framing, decoding and checking every entry and
 * statement, the chain, the MMR and the trailer. {@code rawCost}: the same work's cryptography only,
 * on bytes already in memory, split evenly over the threads: per receipt the domain-separated SHA-256
 * of its statement and of its marker content, the interior-node hashes the range's leaves complete
 * ({@code size(count) - count}, 72 bytes each), the trailer digest over the header, and the one
 * Ed25519 check of the checkpoint on its exact Sig_structure, with the same JDK {@link MessageDigest}
 * and Bouncy Castle verification. A format that checked each statement's signature would add {@code
 * count} Ed25519 checks to that floor, about 42 s at 12,000 per second and core on two cores.
 *
 * <p>The bundle (about 435 MB for 10^6 receipts; building it signs every statement, about a minute on
 * two cores) is written once to {@code java.io.tmpdir} (or {@code -Dcairn.bench.dir}) and reused by
 * later forks and runs; delete {@code cairn-audit-bundle-*} to reclaim it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx3g")
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@State(Scope.Benchmark)
public class AuditBundleBenchmark {
    /** Receipts in the bundle. */
    @Param("1000000")
    public int receipts;

    /** Worker threads; 0 for the available processors. */
    @Param("0")
    public int threads;

    Path bundle;
    AuditBundleVerifier verifier;
    Raw raw;

    /** Builds the bundle unless a previous run left it, and the verifier. */
    @Setup(Level.Trial)
    public void setup() throws IOException {
        int workers = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        bundle = bundle(receipts);
        verifier = AuditBundleVerifier.builder()
                .trustedLogKeys(KeySet.of(SyntheticAuditLog.KEY.verificationKey()))
                .expectLogId(SyntheticAuditLog.LOG)
                .clock(Clock.fixed(SyntheticAuditLog.T0.plusSeconds(86_400), ZoneOffset.UTC))
                .parallelism(workers)
                .build();
        VerifiedAuditBundle check = verifier.verify(bundle);
        if (check.receipts() != receipts || check.signaturesVerified() != 1) {
            throw new IllegalStateException("unexpected bundle: " + check);
        }
        raw = new Raw(bundle, workers);
    }

    /** Stops the raw baseline's threads. */
    @TearDown(Level.Trial)
    public void tearDown() {
        raw.pool.shutdownNow();
    }

    /**
     * Verifies the bundle.
     *
     * @return the result
     */
    @Benchmark
    public VerifiedAuditBundle verify() {
        return verifier.verify(bundle);
    }

    /**
     * The raw cost of the same cryptography.
     *
     * @return a value depending on every hash, so that none is optimised away
     * @throws Exception if a thread fails
     */
    @Benchmark
    public long rawCost() throws Exception {
        return raw.run();
    }

    static Path bundle(int receipts) throws IOException {
        Path dir = Path.of(System.getProperty("cairn.bench.dir", System.getProperty("java.io.tmpdir")));
        Path file = dir.resolve("cairn-audit-bundle-" + receipts + ".cbor");
        if (!Files.exists(file)) {
            long started = System.nanoTime();
            SyntheticAuditLog log = SyntheticAuditLog.of(receipts);
            Path temp = Files.createTempFile(dir, "cairn-audit-bundle-", ".tmp");
            log.export(temp, 0, receipts);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            System.out.printf(
                    "%n[built %s: %d bytes in %.1f s]%n", file, Files.size(file), (System.nanoTime() - started) / 1e9);
        }
        return file;
    }

    /** The bytes the verifier hashes and the signature it checks, in memory, and the threads to hash them. */
    static final class Raw {
        final byte[][] statements;
        final byte[][] markers;
        final long nodes;
        final byte[] header;
        final byte[] toBeSigned;
        final byte[] signature;
        final VerificationKey key = SyntheticAuditLog.KEY.verificationKey();
        final int workers;
        final ExecutorService pool;

        Raw(Path bundle, int workers) throws IOException {
            this.workers = workers;
            this.pool = Executors.newFixedThreadPool(workers);
            List<byte[]> s = new ArrayList<>();
            List<byte[]> m = new ArrayList<>();
            try (AuditBundleReader reader = AuditBundleReader.open(Files.newInputStream(bundle))) {
                header = reader.headerItem();
                CoseSign1 checkpoint =
                        CoseSign1.decode(reader.header().checkpoint().toByteArray(), CborLimits.DEFAULT);
                toBeSigned = Cbor.encode(CborArray.of(
                        CborText.of("Signature1"),
                        new CborBytes(checkpoint.protectedHeader()),
                        new CborBytes(Bytes.empty()),
                        new CborBytes(checkpoint.payload().orElseThrow())));
                signature = checkpoint.signature().toByteArray();
                for (long k = 0; k < reader.header().count(); k++) {
                    AuditBundleEntry entry = (AuditBundleEntry) reader.next().orElseThrow();
                    s.add(entry.statement().orElseThrow().toByteArray());
                    m.add(entry.marker().content().toByteArray());
                }
                long first = reader.header().first();
                long count = reader.header().count();
                nodes = MmrMath.sizeForLeafCount(first + count) - MmrMath.sizeForLeafCount(first) - count;
            }
            statements = s.toArray(new byte[0][]);
            markers = m.toArray(new byte[0][]);
            key.verify(toBeSigned, signature);
        }

        long run() throws InterruptedException, ExecutionException {
            List<Callable<Long>> parts = new ArrayList<>(workers);
            for (int t = 0; t < workers; t++) {
                int part = t;
                parts.add(() -> hash(part));
            }
            long result = 0;
            for (Future<Long> f : pool.invokeAll(parts)) {
                result += f.get();
            }
            return result;
        }

        private long hash(int part) throws NoSuchAlgorithmException, DigestException {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] statementTag = framed(HashDomain.STATEMENT);
            byte[] markerTag = framed(HashDomain.MARKER);
            byte[] out = new byte[32];
            byte[] node = new byte[72];
            int from = (int) ((long) statements.length * part / workers);
            int to = (int) ((long) statements.length * (part + 1) / workers);
            long acc = 0;
            for (int i = from; i < to; i++) {
                sha256.update(statementTag);
                sha256.update(statements[i]);
                sha256.digest(out, 0, 32);
                sha256.update(markerTag);
                sha256.update(markers[i]);
                sha256.digest(out, 0, 32);
                acc += out[0];
            }
            for (long n = nodes * part / workers; n < nodes * (part + 1) / workers; n++) {
                sha256.update(node);
                sha256.digest(node, 8, 32);
            }
            if (part == 0) {
                sha256.update(framed(HashDomain.AUDIT_BUNDLE));
                sha256.update(header);
                sha256.update(out);
                sha256.digest(out, 0, 32);
                key.verify(toBeSigned, signature);
            }
            return acc + node[8] + out[0];
        }

        private static byte[] framed(HashDomain domain) {
            byte[] tag = domain.tag().getBytes(StandardCharsets.US_ASCII);
            byte[] framed = new byte[tag.length + 1];
            framed[0] = (byte) tag.length;
            System.arraycopy(tag, 0, framed, 1, tag.length);
            return framed;
        }
    }
}
