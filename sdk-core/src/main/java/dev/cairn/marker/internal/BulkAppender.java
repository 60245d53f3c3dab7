package dev.cairn.marker.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Appends many markers to a closed stream directory in large batches, one force per batch: the fast
 * path for building big streams in tests and benchmarks. It recovers the directory first, exactly as
 * opening a stream does, and takes the directory's lock, so it cannot run while the stream is open.
 * Times are raised to keep them non-decreasing, as for every append.
 */
public final class BulkAppender {
    private static final int BATCH = 1 << 16;

    private BulkAppender() {}

    /**
     * Appends {@code count} markers.
     *
     * @param directory the stream's directory; created if absent
     * @param segmentRecords records per segment, used if the stream is new
     * @param count how many markers to append
     * @param entries the entry for each new sequence number
     * @return the stream's size afterwards
     */
    public static long append(Path directory, int segmentRecords, long count, LongFunction<ChainWriter.Entry> entries) {
        try (SegmentFiles files = SegmentFiles.open(directory)) {
            Recovery.Result recovered = Recovery.run(files, segmentRecords);
            ChainWriter writer = new ChainWriter(files, recovered, BATCH);
            List<ChainWriter.Entry> batch = new ArrayList<>(BATCH);
            long start = recovered.size();
            for (long seq = start; seq < start + count; seq++) {
                batch.add(entries.apply(seq));
                if (batch.size() == BATCH) {
                    writer.write(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                writer.write(batch);
            }
            return start + count;
        }
    }
}
