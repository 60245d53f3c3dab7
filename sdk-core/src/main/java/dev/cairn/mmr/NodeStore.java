package dev.cairn.mmr;

import dev.cairn.bytes.Digest;

/**
 * The linear array of MMR node values, index {@code i} holding node {@code i}: the storage an {@link
 * Mmr} integrates into. It says only what the MMR needs: append at the end, read by index, count,
 * make durable. It knows nothing of heights, peaks or hashing.
 *
 * <p>Contract: {@link #append(Digest)} stores at index {@link #size()} and returns that index; a
 * node once appended never changes and is readable at once by {@link #get(long)}, durable or not.
 * Appended nodes are durable only after {@link #sync()} returns; after a crash a store holds a prefix
 * of what was appended (never a torn node). Implementations need not be thread-safe: {@link Mmr}
 * serialises its calls.
 *
 * <p>Backends: {@link MemoryNodeStore} (heap) and {@code dev.cairn.mmr.file.FileNodeStore} (an
 * append-only file). They share no code.
 */
public interface NodeStore extends AutoCloseable {
    /**
     * Appends a node at index {@link #size()}.
     *
     * @param node the node value
     * @return the index it was stored at
     * @throws dev.cairn.errors.InternalException {@code INTERNAL_IO} if storage fails
     */
    long append(Digest node);

    /**
     * Reads a node.
     *
     * @param index a node index below {@link #size()}
     * @return the node value
     * @throws dev.cairn.errors.MalformedInputException {@code MMR_SIZE_INVALID} if the index is outside
     *     the store
     * @throws dev.cairn.errors.InternalException {@code INTERNAL_IO} if storage fails
     */
    Digest get(long index);

    /**
     * The number of nodes stored, durable or not.
     *
     * @return the number of nodes
     */
    long size();

    /**
     * Makes every appended node durable before returning.
     *
     * @throws dev.cairn.errors.InternalException {@code INTERNAL_IO} if storage fails
     */
    void sync();

    /**
     * Syncs and releases the store; further calls fail with {@link IllegalStateException}.
     *
     * @throws dev.cairn.errors.InternalException {@code INTERNAL_IO} if storage fails
     */
    @Override
    void close();
}
