package dev.cairn.server.enroll;

/**
 * A cluster.
 *
 * @param name the cluster's name, a segment of the identity grammar
 * @param createdAt when it was created (ISO-8601, UTC)
 * @param createdBy the operator identity that created it
 * @param auditSequence the sequence of its {@code cluster.create} statement
 */
public record ClusterView(String name, String createdAt, String createdBy, long auditSequence) {}
