/**
 * Marker streams: append-only, dense-sequence, hash-chained logs of control events, the truth a
 * Cairn log's MMR, checkpoints and receipts are built over.
 *
 * <p>{@link dev.cairn.marker.Marker} is one event and its domain-separated hash ({@code
 * cairn/marker/v1} over canonical CBOR, RFC 8949 section 4.2.1; SHA-256, FIPS 180-4); {@link
 * dev.cairn.marker.MarkerStream} the storage contract (append is durable on return); {@link
 * dev.cairn.marker.SegmentMarkerStream} the segment-file backend with group commit and crash recovery;
 * {@link dev.cairn.marker.ChainVerifier} and {@link dev.cairn.marker.DivergenceSearch} check and compare
 * streams. Normative: {@code spec/marker-stream.md}; hashing: {@code spec/hashing.md}.
 */
package dev.cairn.marker;
