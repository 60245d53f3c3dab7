package dev.cairn.marker;

import dev.cairn.errors.CairnException;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The process {@link MarkerCrashTest} kills: opens a stream, appends from several threads forever, and
 * prints each acknowledged append as {@code A <seq> <hash>} only after {@code append} returned, flushing
 * every line. Prints {@code READY <size>} once open, and {@code E <code>} before exiting on an error.
 */
public final class MarkerCrashChild {
    private MarkerCrashChild() {}

    /**
     * Runs until killed.
     *
     * @param args the stream directory, the number of appender threads, records per segment
     */
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        int segmentRecords = Integer.parseInt(args[2]);
        PrintStream out = new PrintStream(
                new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false,
                StandardCharsets.US_ASCII);
        SegmentMarkerStream stream;
        try {
            stream = SegmentMarkerStream.builder(dir, Clock.systemUTC())
                    .segmentRecords(segmentRecords)
                    .open();
        } catch (CairnException e) {
            fail(out, e);
            return;
        }
        synchronized (out) {
            out.println("READY " + stream.size());
            out.flush();
        }
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread appender = new Thread(() -> {
                for (long i = 0; ; i++) {
                    Marker marker;
                    try {
                        marker = stream.append("crash." + thread, MarkerFixtures.payload(thread * (1L << 40) + i));
                    } catch (CairnException e) {
                        fail(out, e);
                        return;
                    }
                    synchronized (out) {
                        out.println("A " + marker.seq() + " " + marker.hash().toHex());
                        out.flush();
                    }
                }
            });
            appender.start();
        }
    }

    private static void fail(PrintStream out, CairnException e) {
        synchronized (out) {
            out.println("E " + e.code());
            out.flush();
        }
        e.printStackTrace();
        System.exit(3);
    }
}
