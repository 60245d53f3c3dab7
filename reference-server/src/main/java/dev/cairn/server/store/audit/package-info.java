/**
 * The reference server's audit log: every mutation appends a signed statement (an execution
 * receipt, {@code spec/receipts.md}) as a marker, in the same database transaction as the state
 * change it records, with group commit; the MMR over the marker hashes lives in the database too,
 * checkpoints are signed periodically and on demand, and receipts, proofs and audit bundles are
 * served from the tables by any replica.
 *
 * <p>Start at {@link dev.cairn.server.store.audit.AuditLog}: {@link
 * dev.cairn.server.store.audit.AuditLog#execute} runs a {@link
 * dev.cairn.server.store.audit.Mutation} and returns once it is durable, with its {@link
 * dev.cairn.server.store.audit.Audited} result. Normative: {@code spec/server-storage.md}; the
 * objects are those of {@code spec/marker-stream.md}, {@code spec/mmr.md}, {@code spec/receipts.md}
 * and {@code spec/audit-bundle.md}.
 */
package dev.cairn.server.store.audit;
