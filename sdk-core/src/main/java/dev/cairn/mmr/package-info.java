/**
 * Merkle Mountain Ranges: the log's verifiable data structure, with inclusion and consistency
 * proofs in the shape of the COSE Receipts MMR profile (draft-bryce-cose-receipts-mmr-profile,
 * verifiable data structure {@code MMR_SHA256}, on RFC 9942 COSE Receipts). See {@code spec/mmr.md}.
 *
 * <p>Nodes are numbered in post order from 0; an interior node is {@code SHA-256(uint64_be(index +
 * 1) || left || right)}; the accumulator is the list of peaks, highest first, never bagged. Leaves
 * are opaque 32-byte values; in Cairn they are domain-separated marker hashes ({@code
 * spec/hashing.md}).
 *
 * <ul>
 *   <li>{@link dev.cairn.mmr.Mmr} integrates leaves into a {@link dev.cairn.mmr.NodeStore} ({@link
 *       dev.cairn.mmr.MemoryNodeStore}, or {@code dev.cairn.mmr.file.FileNodeStore}) and produces
 *       proofs;
 *   <li>{@link dev.cairn.mmr.MmrVerifier} checks {@link dev.cairn.mmr.InclusionProof}s and {@link
 *       dev.cairn.mmr.ConsistencyProof}s against trusted {@link dev.cairn.mmr.Accumulator}s;
 *   <li>{@link dev.cairn.mmr.MmrMath} is the index arithmetic both sides share.
 * </ul>
 */
package dev.cairn.mmr;
