package dev.cairn.mmr;

import dev.cairn.bytes.Bytes;
import dev.cairn.bytes.Digest;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link NodeStore} in heap memory: 32 bytes per node in chunks of 4096 nodes, no per-node objects.
 * For verifiers, tests, and trees rebuilt in memory from the marker stream; nothing is durable, so
 * {@link #sync()} does nothing. A 2^20-leaf MMR (about 2^21 nodes) takes 64 MiB. Not thread-safe.
 */
public final class MemoryNodeStore implements NodeStore {
    private static final int CHUNK_SHIFT = 12;
    private static final int CHUNK_NODES = 1 << CHUNK_SHIFT;

    private final List<byte[]> chunks = new ArrayList<>();
    private long size;
    private boolean closed;

    /** Creates an empty store. */
    public MemoryNodeStore() {}

    @Override
    public long append(Digest node) {
        checkOpen();
        int slot = (int) (size & (CHUNK_NODES - 1));
        if (slot == 0) {
            chunks.add(new byte[CHUNK_NODES * Digest.LENGTH]);
        }
        node.bytes().copyTo(chunks.get(chunks.size() - 1), slot * Digest.LENGTH);
        return size++;
    }

    @Override
    public Digest get(long index) {
        checkOpen();
        if (index < 0 || index >= size) {
            throw new MalformedInputException(
                    ErrorCode.MMR_SIZE_INVALID, "node " + index + " outside a store of " + size + " nodes");
        }
        byte[] chunk = chunks.get((int) (index >>> CHUNK_SHIFT));
        int offset = (int) (index & (CHUNK_NODES - 1)) * Digest.LENGTH;
        return new Digest(Bytes.copyOf(chunk, offset, Digest.LENGTH));
    }

    @Override
    public long size() {
        checkOpen();
        return size;
    }

    /** Nothing to do: a memory store is never durable. */
    @Override
    public void sync() {
        checkOpen();
    }

    @Override
    public void close() {
        closed = true;
        chunks.clear();
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("node store is closed");
        }
    }
}
