package dev.cairn.server.store.audit;

import dev.cairn.receipt.IssuedStatement;
import java.util.Objects;

/**
 * A mutation that is durable, with its result and its execution receipt: the signed statement and
 * the marker it was appended as. A full receipt (with an inclusion proof under a signed checkpoint)
 * follows once a checkpoint covers the sequence: {@link AuditLog#receipt(long)}.
 *
 * @param result what the mutation returned
 * @param statement the signed statement and its marker
 * @param <T> the result type
 */
public record Audited<T>(T result, IssuedStatement statement) {
    /**
     * Validates the components.
     *
     * @param result the result
     * @param statement the issued statement
     */
    public Audited {
        Objects.requireNonNull(statement, "statement");
    }

    /**
     * The marker sequence of the statement.
     *
     * @return the sequence
     */
    public long sequence() {
        return statement.marker().seq();
    }
}
