package dev.cairn.server.enroll;

/**
 * The answer to a heartbeat.
 *
 * @param serverTime the server's time (ISO-8601, UTC)
 * @param bundleSequence the current trust bundle's sequence
 * @param revocationSequence the newest revocation head's sequence (-1 before the first)
 * @param renewAfter when the node should renew the certificate it called with ({@code ca.md}, renewal)
 */
public record HeartbeatAck(String serverTime, long bundleSequence, long revocationSequence, String renewAfter) {}
