package dev.cairn.benchmarks;

import dev.cairn.bytes.Digest;
import dev.cairn.hash.DomainHash;
import dev.cairn.hash.HashDomain;
import dev.cairn.marker.Marker;
import dev.cairn.marker.SegmentMarkerStream;
import dev.cairn.marker.internal.BulkAppender;
import dev.cairn.marker.internal.ChainWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Durable marker appends through group commit with 1, 8 and 64 concurrent appenders, against the
 * disk's raw rate of "append 256 bytes, {@code fdatasync}" measured in the same run; and lookups by
 * sequence and by time on a large stream.
 *
 * <p>Each append row counts acknowledged, forced appends per second; {@code rawForce} is the ceiling
 * for one appender without batching. The big stream ({@code markers}, default 10^7: 2.56 GB) is built
 * once with the bulk path (one force per 65,536 records) in {@code java.io.tmpdir} (or {@code
 * -Dcairn.bench.dir}) and reused by later runs; delete {@code cairn-marker-bench-*} to reclaim it. Its
 * files are read once before the lookups, so the lookup rows measure a warm page cache.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class MarkerBenchmark {
    private static final long T0 = 1_700_000_000_000L;

    /** A fresh stream per trial, shared by all appender threads. */
    @State(Scope.Benchmark)
    public static class Appending {
        Path dir;
        SegmentMarkerStream stream;

        /** Opens an empty stream in a temporary directory. */
        @Setup(Level.Trial)
        public void open() throws IOException {
            dir = Files.createTempDirectory(benchDir(), "cairn-marker-append-");
            stream = SegmentMarkerStream.open(dir, Clock.systemUTC());
        }

        /** Closes the stream and deletes its files. */
        @TearDown(Level.Trial)
        public void close() throws IOException {
            System.out.println("\n[appended " + stream.size() + " markers]");
            stream.close();
            deleteTree(dir);
        }
    }

    /** Per-thread payload digests, precomputed so the benchmark measures the append only. */
    @State(Scope.Thread)
    public static class Payloads {
        final Digest[] digests = new Digest[1024];
        int next;

        /** Computes the digests. */
        @Setup(Level.Trial)
        public void compute() {
            long salt = ThreadLocalRandom.current().nextLong();
            for (int i = 0; i < digests.length; i++) {
                digests[i] = DomainHash.of(
                        HashDomain.STATEMENT,
                        ByteBuffer.allocate(16).putLong(salt).putLong(i).array());
            }
        }

        Digest next() {
            return digests[next++ & (digests.length - 1)];
        }
    }

    /** A file for the raw baseline: append 256 bytes, force, repeat. */
    @State(Scope.Thread)
    public static class RawFile {
        Path file;
        FileChannel channel;
        final ByteBuffer record = ByteBuffer.allocateDirect(256);
        long position;

        /** Creates the file. */
        @Setup(Level.Trial)
        public void open() throws IOException {
            file = Files.createTempFile(benchDir(), "cairn-raw-force-", ".bin");
            channel = FileChannel.open(file, StandardOpenOption.WRITE);
        }

        /** Deletes the file. */
        @TearDown(Level.Trial)
        public void close() throws IOException {
            channel.close();
            Files.delete(file);
        }
    }

    /** A large stream for lookups, built once and reused across runs. */
    @State(Scope.Benchmark)
    public static class Big {
        /** The stream's size; 10^7 by default. */
        @Param({"10000000"})
        public long markers;

        SegmentMarkerStream stream;
        long lastTime;

        /** Builds the stream if it is missing or short, then opens it. */
        @Setup(Level.Trial)
        public void open() {
            Path dir = benchDir().resolve("cairn-marker-bench-" + markers);
            long existing = 0;
            if (Files.isDirectory(dir)) {
                try (SegmentMarkerStream stream = SegmentMarkerStream.open(dir, Clock.systemUTC())) {
                    existing = stream.size();
                }
            }
            if (existing < markers) {
                long started = System.nanoTime();
                // Four markers per millisecond, so equal times occur and the time search must find the first.
                BulkAppender.append(
                        dir,
                        SegmentMarkerStream.DEFAULT_SEGMENT_RECORDS,
                        markers - existing,
                        seq -> new ChainWriter.Entry("bench.bulk", payload(seq), T0 + seq / 4));
                System.out.printf(
                        "%n[built %d markers in %s in %.1f s]%n", markers, dir, (System.nanoTime() - started) / 1e9);
            }
            long warming = System.nanoTime();
            readAll(dir);
            System.out.printf(
                    "%n[read the segment files into the page cache in %.1f s]%n", (System.nanoTime() - warming) / 1e9);
            long opening = System.nanoTime();
            stream = SegmentMarkerStream.open(dir, Clock.systemUTC());
            System.out.printf(
                    "%n[opened %d markers in %.3f s, %s]%n",
                    stream.size(), (System.nanoTime() - opening) / 1e9, stream.recoveryReport());
            lastTime = stream.head().orElseThrow().timeMillis();
        }

        /** Closes the stream; its files stay for the next run. */
        @TearDown(Level.Trial)
        public void close() {
            stream.close();
        }
    }

    /** Durable append, one appender: one force per append. */
    @Benchmark
    @Threads(1)
    public Marker append01(Appending state, Payloads payloads) {
        return state.stream.append("bench.append", payloads.next());
    }

    /** Durable append, 8 concurrent appenders sharing forces. */
    @Benchmark
    @Threads(8)
    public Marker append08(Appending state, Payloads payloads) {
        return state.stream.append("bench.append", payloads.next());
    }

    /** Durable append, 64 concurrent appenders sharing forces. */
    @Benchmark
    @Threads(64)
    public Marker append64(Appending state, Payloads payloads) {
        return state.stream.append("bench.append", payloads.next());
    }

    /** The disk's raw rate: append one 256-byte record and {@code fdatasync} it. */
    @Benchmark
    @Threads(1)
    public long rawForce(RawFile state) throws IOException {
        state.record.clear();
        state.channel.write(state.record, state.position);
        state.position += 256;
        state.channel.force(false);
        return state.position;
    }

    /** Lookup by sequence: one positional read, checksum and hash. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Marker lookupBySeq(Big big) {
        return big.stream.get(ThreadLocalRandom.current().nextLong(big.markers));
    }

    /** Lookup by time: binary search over record times, then one full read. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Optional<Marker> lookupByTime(Big big) {
        long at = T0 + ThreadLocalRandom.current().nextLong(big.lastTime - T0 + 1);
        return big.stream.firstAtOrAfter(Instant.ofEpochMilli(at));
    }

    /**
     * Reads every file of a directory once, so that lookups measure the code and the page cache rather
     * than the disk (the development VM reclaims idle page cache aggressively).
     */
    static void readAll(Path dir) {
        ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                    while (channel.read(buffer.clear()) > 0) {
                        // discard
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Digest payload(long seq) {
        return DomainHash.of(
                HashDomain.STATEMENT, ByteBuffer.allocate(8).putLong(seq).array());
    }

    static Path benchDir() {
        return Path.of(System.getProperty("cairn.bench.dir", System.getProperty("java.io.tmpdir")));
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
