/**
 * The file backend of the MMR's {@link dev.cairn.mmr.NodeStore}: {@link
 * dev.cairn.mmr.file.FileNodeStore}.
 *
 * <h2>Layout</h2>
 *
 * <p>One file, no header: node {@code i} is the 32 bytes at offset {@code 32 * i}. The file is
 * therefore the MMR's linear array itself; it can be copied, served by offset, or checked with
 * nothing but SHA-256 ({@code spec/mmr.md}).
 *
 * <h2>Performance</h2>
 *
 * <ul>
 *   <li>Appends are buffered, 2048 nodes (64 KiB) at a time, and written with one positional write;
 *       an append that does not fill the buffer costs a 32-byte copy. An {@link dev.cairn.mmr.Mmr}
 *       keeps its peaks in memory, so integrating a leaf never reads the file: the cost of an append
 *       is the SHA-256 of the interior nodes it completes (one on average) plus the copy.
 *   <li>{@code sync()} writes the buffer and calls {@code FileChannel.force(false)}: one fsync. Sync
 *       once per batch of leaves (group commit), not per leaf.
 *   <li>Reads of nodes still buffered come from memory; others are one positional {@code pread} of 32
 *       bytes, served by the OS page cache when warm. An inclusion proof in a tree of {@code n} leaves
 *       reads about {@code log2(n)} nodes.
 * </ul>
 *
 * <h2>Recovery</h2>
 *
 * <p>Nodes are durable only after {@code sync()}. After a crash the file holds a prefix of the nodes
 * appended, possibly ending in a partial node; {@code open} cuts the partial node off, and {@link
 * dev.cairn.mmr.Mmr#open(dev.cairn.mmr.NodeStore)} completes an append that stopped between a leaf and
 * its interior nodes. The integrator then re-appends the marker hashes the stream holds beyond the
 * MMR's leaf count. The file is locked while open, so two writers cannot interleave.
 */
package dev.cairn.mmr.file;
