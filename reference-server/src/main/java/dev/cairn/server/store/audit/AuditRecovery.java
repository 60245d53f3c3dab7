package dev.cairn.server.store.audit;

/**
 * What opening an {@link AuditLog} found and repaired.
 *
 * @param markers the number of markers in the log
 * @param markersIntegrated markers whose MMR nodes were missing and were computed from the stream
 * @param nodesRebuilt whether the stored MMR nodes did not match the head and were rebuilt from the
 *     stream
 */
public record AuditRecovery(long markers, long markersIntegrated, boolean nodesRebuilt) {}
