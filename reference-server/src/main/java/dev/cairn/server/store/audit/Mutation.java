package dev.cairn.server.store.audit;

import java.sql.SQLException;

/**
 * One audited state change: SQL on the audit log's transaction, and the action it records.
 *
 * <p>The audit log runs it on its writer thread, inside the transaction that appends its marker,
 * under a savepoint of its own. It either returns {@link Recorded} (the change is kept and its
 * statement appended: both commit together, or neither does) or refuses by throwing a {@link
 * dev.cairn.errors.CairnException}: then its changes are rolled back to the savepoint, no marker is
 * appended, and the caller gets that exception; the other mutations of the batch are not affected.
 * A {@link SQLException} or another runtime exception is rolled back the same way and reaches the
 * caller as {@link dev.cairn.errors.ErrorCode#STORE_MUTATION_FAILED}.
 *
 * <p>A mutation MUST NOT commit, roll back, set savepoints, change the auto-commit mode or close the
 * connection (the connection it gets refuses those calls), MUST NOT keep the connection beyond the
 * call, and should be quick: the log head is locked while the batch runs. It may run more than once
 * only if the caller submits it more than once.
 *
 * @param <T> what the mutation returns to its caller
 */
@FunctionalInterface
public interface Mutation<T> {
    /**
     * Applies the change.
     *
     * @param context the transaction's connection, and the sequence and time the statement will have
     * @return the result for the caller and the action to record
     * @throws SQLException if the change's SQL fails (the change alone is rolled back)
     */
    Recorded<T> apply(MutationContext context) throws SQLException;
}
