package dev.cairn.server.store.audit;

import java.sql.Connection;
import java.time.Instant;
import java.util.Objects;

/**
 * What a {@link Mutation} runs with.
 *
 * @param connection the audit log's transaction; valid only during the call
 * @param sequence the marker sequence the mutation's statement gets if it is accepted (so that a
 *     domain row can name its receipt)
 * @param time the time the statement and its marker get, whole milliseconds
 */
public record MutationContext(Connection connection, long sequence, Instant time) {
    /**
     * Validates the components.
     *
     * @param connection the connection
     * @param sequence the sequence, not negative
     * @param time the time
     */
    public MutationContext {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(time, "time");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence: got " + sequence + ", want >= 0");
        }
    }
}
