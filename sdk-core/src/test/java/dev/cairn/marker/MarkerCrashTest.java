package dev.cairn.marker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM that appends concurrently with SIGKILL at random moments, reopens the stream after
 * every kill (so recovery runs each time on the same directory) and checks that every acknowledged
 * append is there with the same hash and that the chain verifies.
 *
 * <p>50 kills by default; {@code CAIRN_CRASH_KILLS} (or {@code -Dcairn.crash.kills}) sets another
 * number, as {@code scripts/crash-test.sh} does. Every 100 kills the test moves to a fresh directory so
 * that long runs stay small on disk.
 */
class MarkerCrashTest {
    private static final int THREADS = 8;
    private static final int SEGMENT_RECORDS = 4096;
    private static final int KILLS_PER_DIRECTORY = 100;

    @TempDir
    Path root;

    private final Map<Long, String> acknowledged = new HashMap<>();
    private VerifiedChain verified;
    private long checked;
    private long maxRecordsCut;
    private long maxBytesCut;
    private int cuttingOpens;
    private int killedBeforeReady;
    private int damagedTails;

    @Test
    void everyAcknowledgedAppendSurvivesSigkill() throws Exception {
        int kills = kills();
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        Path dir = root;
        long started = System.nanoTime();
        for (int kill = 0; kill < kills; kill++) {
            if (kill % KILLS_PER_DIRECTORY == 0) {
                dir = root.resolve("stream-" + kill);
                verified = null;
            }
            // Most kills land while appending; every fifth at any moment, often inside startup or recovery.
            boolean anyMoment = kill % 5 == 4;
            List<String> lines = runAndKill(dir, random, anyMoment, "seed " + seed + ", kill " + kill);
            record(lines, "seed " + seed + ", kill " + kill);
            if (kill % 3 == 2) {
                loseUnacknowledgedTail(dir, random);
            }
            check(dir);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        String summary = String.format(
                "crash-test: kills=%d acknowledged-appends-checked=%d max-records-cut=%d max-bytes-cut=%d"
                        + " opens-that-cut=%d tails-damaged=%d killed-before-ready=%d seconds=%.1f seed=%d",
                kills,
                checked,
                maxRecordsCut,
                maxBytesCut,
                cuttingOpens,
                damagedTails,
                killedBeforeReady,
                seconds,
                seed);
        System.out.println(summary);
        Files.writeString(Path.of("target", "crash-test-summary.txt"), summary + "\n");
        assertTrue(checked > kills, "too few acknowledged appends to mean anything: " + checked);
    }

    private static int kills() {
        String value = System.getProperty("cairn.crash.kills", System.getenv("CAIRN_CRASH_KILLS"));
        return value == null || value.isBlank() ? 50 : Integer.parseInt(value.trim());
    }

    private List<String> runAndKill(Path dir, Random random, boolean anyMoment, String context) throws Exception {
        Path stderr = root.resolve("child-stderr.txt");
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-Xmx128m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        MarkerCrashChild.class.getName(),
                        dir.toString(),
                        Integer.toString(THREADS),
                        Integer.toString(SEGMENT_RECORDS))
                .redirectError(stderr.toFile())
                .start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("IO " + e);
            }
        });
        reader.start();
        List<String> seen = new ArrayList<>();
        if (anyMoment) {
            Thread.sleep(random.nextInt(600));
        } else {
            String first = lines.poll(60, TimeUnit.SECONDS);
            if (first == null || !first.startsWith("READY ")) {
                child.destroyForcibly().waitFor();
                fail(context + ": the child did not start: " + first + "\n" + Files.readString(stderr));
            }
            seen.add(first);
            Thread.sleep(random.nextInt(250));
        }
        if (!child.isAlive()) {
            reader.join();
            fail(context + ": the child exited with " + child.exitValue() + " before the kill\n" + lines + "\n"
                    + Files.readString(stderr));
        }
        // SIGKILL on Linux. Through the handle, because Process.destroyForcibly() also closes the pipe,
        // and acknowledgements still in it would be lost to the reader.
        child.toHandle().destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), context + ": the child survived SIGKILL");
        reader.join(30_000);
        lines.drainTo(seen);
        return seen;
    }

    /**
     * Models a power loss on top of the kill: the newest segment loses a random suffix (cut off, or
     * zeroed as a file system may expose unwritten blocks), never reaching into a marker that was
     * acknowledged or that an earlier open already verified (that one was durable: it survived a
     * reopen). Recovery must then cut exactly the damaged tail.
     */
    private void loseUnacknowledgedTail(Path dir, Random random) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> segments;
        try (Stream<Path> files = Files.list(dir)) {
            segments = files.filter(f -> f.toString().endsWith(".seg")).sorted().toList();
        }
        if (segments.isEmpty()) {
            return;
        }
        Path newest = segments.get(segments.size() - 1);
        long first = Long.parseLong(newest.getFileName().toString().substring(0, 20));
        long keepSeq = verified == null ? 0 : verified.toExclusive();
        for (long seq : acknowledged.keySet()) {
            keepSeq = Math.max(keepSeq, seq + 1);
        }
        long length = Files.size(newest);
        // The header was forced before any record was written into the segment.
        long minimum = keepSeq > first ? 256 * (1 + keepSeq - first) : length > 256 ? 256 : 0;
        if (length <= minimum) {
            return;
        }
        long keep = minimum + (long) (random.nextDouble() * (length - minimum));
        try (RandomAccessFile file = new RandomAccessFile(newest.toFile(), "rw")) {
            if (random.nextBoolean()) {
                file.setLength(keep);
            } else {
                file.seek(keep);
                file.write(new byte[(int) (length - keep)]);
            }
        }
        damagedTails++;
    }

    private void record(List<String> lines, String context) {
        if (lines.isEmpty() || !lines.get(0).startsWith("READY ")) {
            killedBeforeReady++;
        }
        for (String line : lines) {
            String[] parts = line.split(" ");
            if (line.startsWith("E ") || line.startsWith("IO ")) {
                fail(context + ": the child failed: " + line);
            }
            // The last line may be cut off by the kill; a partial line acknowledges nothing.
            if (parts.length != 3 || !parts[0].equals("A") || parts[2].length() != 64) {
                continue;
            }
            long seq = Long.parseLong(parts[1]);
            String earlier = acknowledged.put(seq, parts[2]);
            if (earlier != null) {
                fail(context + ": sequence " + seq + " acknowledged twice: " + earlier + ", then " + parts[2]);
            }
        }
    }

    private void check(Path dir) {
        if (!Files.isDirectory(dir)) {
            return; // killed before the child created the directory
        }
        try (SegmentMarkerStream stream = SegmentMarkerStream.open(dir, Clock.systemUTC())) {
            RecoveryReport report = stream.recoveryReport();
            if (report.cutAnything()) {
                cuttingOpens++;
            }
            maxRecordsCut = Math.max(maxRecordsCut, report.recordsCut());
            maxBytesCut = Math.max(maxBytesCut, report.bytesCut());
            long size = stream.size();
            if (verified != null && verified.toExclusive() > 0) {
                assertTrue(size >= verified.toExclusive(), "the stream shrank below a verified prefix");
                assertEquals(
                        verified.headHash(),
                        stream.get(verified.toExclusive() - 1).hash());
            }
            verified = verified == null ? ChainVerifier.verify(stream) : ChainVerifier.extend(verified, stream, size);
            for (Map.Entry<Long, String> ack : acknowledged.entrySet()) {
                long seq = ack.getKey();
                assertTrue(seq < size, "acknowledged marker " + seq + " lost; size " + size);
                assertEquals(ack.getValue(), stream.get(seq).hash().toHex(), "marker " + seq);
                checked++;
            }
        }
        // Checked markers lie in the verified prefix, which the hash chain fixes from here on: later
        // checks only need the prefix's head hash, and any later claim on these sequences is checked
        // against the stream again.
        acknowledged.clear();
    }
}
