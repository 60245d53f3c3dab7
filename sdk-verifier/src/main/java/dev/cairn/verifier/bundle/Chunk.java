package dev.cairn.verifier.bundle;

import dev.cairn.audit.AuditBundleFormat;
import dev.cairn.bytes.Digest;
import dev.cairn.errors.CairnException;

/**
 * A batch of consecutive entries on its way through the pipeline: their frames back to back, then,
 * once a worker scanned them, their marker hashes and the facts the sequential stage needs (the
 * first entry's link, the last time, the first failure). The buffers are reused from a fixed pool,
 * which is what bounds the verifier's memory.
 */
final class Chunk {
    /** The bytes of frames a chunk holds: room for 256 KiB and one more entry of the largest size. */
    static final int BYTES = (256 << 10) + AuditBundleFormat.MAX_ENTRY_BYTES + 16;

    /** Most entries in one chunk. */
    static final int ENTRIES = 1024;

    final byte[] data;
    final int[] starts;
    final int[] lengths;
    final byte[] hashes;
    final byte[] firstPrev = new byte[Digest.LENGTH];

    long number;
    long firstIndex;
    int entries;
    long firstTime;
    long lastTime;
    int receipts;
    int signatures;
    CairnException failure;
    int failedAt;
    CairnException terminal;

    private Chunk(boolean buffers) {
        this.data = buffers ? new byte[BYTES] : null;
        this.starts = buffers ? new int[ENTRIES] : null;
        this.lengths = buffers ? new int[ENTRIES] : null;
        this.hashes = buffers ? new byte[ENTRIES * Digest.LENGTH] : null;
    }

    /** A chunk with buffers, for the pool. */
    static Chunk pooled() {
        return new Chunk(true);
    }

    /** A chunk without buffers that ends the stream with a reading failure, in its place in the order. */
    static Chunk terminal(long number, CairnException failure) {
        Chunk chunk = new Chunk(false);
        chunk.number = number;
        chunk.terminal = failure;
        return chunk;
    }

    /** Whether it came from the pool. */
    boolean pooledBuffers() {
        return data != null;
    }

    void reset(long number, long firstIndex) {
        this.number = number;
        this.firstIndex = firstIndex;
        this.entries = 0;
        this.receipts = 0;
        this.signatures = 0;
        this.failure = null;
        this.failedAt = -1;
        this.terminal = null;
    }

    void fail(int entry, CairnException e) {
        failedAt = entry;
        failure = e;
    }
}
