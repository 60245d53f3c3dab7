package dev.cairn.server.store.audit;

/**
 * Counters of one {@link AuditLog} instance since it was opened (for metrics and benchmarks).
 *
 * @param transactions batch transactions committed
 * @param audited mutations accepted and durable
 * @param refused mutations refused (their own exception, or {@code STORE_MUTATION_FAILED}) in committed
 *     batches
 * @param failedBatches batch transactions that failed (every mutation in them failed)
 * @param reloads times the writer reloaded its view of the log from the tables (another replica or
 *     another writer moved the head, or a batch failed)
 * @param checkpoints checkpoints signed and stored
 * @param checkpointFailures scheduled checkpoint attempts that failed
 */
public record AuditStats(
        long transactions,
        long audited,
        long refused,
        long failedBatches,
        long reloads,
        long checkpoints,
        long checkpointFailures) {}
