/**
 * The JDBC backend of sdk-core's marker stream ({@link dev.cairn.marker.MarkerStream}): markers in
 * table {@code audit_markers}, the head (size, head hash and time) in the one row of {@code
 * audit_head} that every appending transaction locks, which serialises appends across replicas.
 *
 * <p>{@link dev.cairn.server.store.marker.JdbcMarkerStream} is the stream; {@link
 * dev.cairn.server.store.marker.MarkerTable} the SQL it shares with the audit log, which appends
 * markers inside the transactions of the changes they record. Normative: {@code
 * spec/marker-stream.md} (the contract) and {@code spec/server-storage.md} (the tables).
 */
package dev.cairn.server.store.marker;
