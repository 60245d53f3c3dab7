package dev.cairn.marker.internal;

import dev.cairn.bytes.Digest;
import dev.cairn.marker.Marker;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Extends the chain on disk one batch at a time. Not thread-safe: exactly one thread writes.
 *
 * <p>For each batch it assigns sequences, times and previous hashes in order, encodes the records with
 * the batch's first sequence as their batch start, writes them and forces every segment it touched. A
 * batch that crosses a segment boundary forces the full segment before it creates the next one, so a
 * segment file exists only if every segment before it is complete and durable. After a failure the
 * writer's state is undefined and it must not be used again.
 */
public final class ChainWriter {
    /**
     * One marker to append.
     *
     * @param kind the kind, checked by {@link Marker}
     * @param payloadDigest the payload digest
     * @param timeMillis the time read from the clock; raised to the previous marker's time if earlier
     */
    public record Entry(String kind, Digest payloadDigest, long timeMillis) {
        /**
         * Validates the components.
         *
         * @param kind the kind
         * @param payloadDigest the payload digest
         * @param timeMillis the clock's time
         */
        public Entry {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(payloadDigest, "payloadDigest");
        }
    }

    private final SegmentFiles files;
    private final int capacity;
    private final int maxBatch;
    private final ByteBuffer buffer;
    private long nextSeq;
    private long lastTime;
    private Digest lastHash;
    private long openSegment;

    /**
     * Continues a recovered stream.
     *
     * @param files the stream's files
     * @param recovered the state recovery found
     * @param maxBatch the most records one {@link #write} call takes
     */
    public ChainWriter(SegmentFiles files, Recovery.Result recovered, int maxBatch) {
        this.files = files;
        this.capacity = recovered.capacity();
        this.maxBatch = maxBatch;
        this.buffer = ByteBuffer.allocateDirect(maxBatch * RecordCodec.SIZE);
        this.nextSeq = recovered.size();
        this.lastTime = recovered.head().map(Marker::timeMillis).orElse(0L);
        this.lastHash = recovered.head().map(Marker::hash).orElse(Marker.GENESIS_PREV_HASH);
        this.openSegment = recovered.lastSegment();
    }

    /**
     * The most entries one {@link #write} call accepts.
     *
     * @return the batch limit
     */
    public int maxBatch() {
        return maxBatch;
    }

    /**
     * Appends a batch and returns once it is durable.
     *
     * @param entries 1 to {@link #maxBatch()} entries, in the order they get their sequences
     * @return the durable markers, in order
     * @throws dev.cairn.errors.InternalException {@link dev.cairn.errors.ErrorCode#INTERNAL_IO}
     */
    public List<Marker> write(List<Entry> entries) {
        if (entries.isEmpty() || entries.size() > maxBatch) {
            throw new IllegalArgumentException("batch of " + entries.size() + ", want 1-" + maxBatch);
        }
        long batchStart = nextSeq;
        List<Marker> markers = new ArrayList<>(entries.size());
        buffer.clear();
        long time = lastTime;
        Digest prev = lastHash;
        for (Entry entry : entries) {
            time = Math.max(entry.timeMillis(), time);
            Marker marker = Marker.of(batchStart + markers.size(), time, entry.kind(), entry.payloadDigest(), prev);
            RecordCodec.encode(marker, batchStart, buffer);
            markers.add(marker);
            prev = marker.hash();
        }
        nextSeq = batchStart + markers.size();
        lastTime = time;
        lastHash = prev;
        int index = 0;
        long seq = batchStart;
        while (index < markers.size()) {
            long segment = seq - seq % capacity;
            if (segment != openSegment) {
                files.create(new SegmentHeader(segment, capacity));
                openSegment = segment;
            }
            int count = (int) Math.min(markers.size() - index, segment + capacity - seq);
            ByteBuffer span = buffer.duplicate();
            span.limit((index + count) * RecordCodec.SIZE).position(index * RecordCodec.SIZE);
            files.write(segment, RecordCodec.SIZE * (1 + seq - segment), span);
            files.force(segment);
            index += count;
            seq += count;
        }
        return markers;
    }
}
