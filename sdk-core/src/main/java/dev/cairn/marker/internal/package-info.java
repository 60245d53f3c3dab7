/**
 * The segment-file backend of marker streams behind {@link dev.cairn.marker.SegmentMarkerStream}:
 * the 256-byte record and segment header formats, the segment files and their lock, the chain writer,
 * group commit and tail recovery. Not exported. Formats and rules: {@code spec/marker-stream.md},
 * "Segment-file backend"; performance notes: {@code README.md} in this directory.
 */
package dev.cairn.marker.internal;
