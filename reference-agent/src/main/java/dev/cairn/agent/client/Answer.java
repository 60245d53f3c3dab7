package dev.cairn.agent.client;

import dev.cairn.errors.CairnException;
import java.util.Objects;

/**
 * What the server answered a call with: the decoded value of a success, or the error body of a
 * refusal. Failures to reach the server at all are exceptions, not answers.
 *
 * @param <T> the type of a success
 */
public sealed interface Answer<T> permits Answer.Ok, Answer.Refused {
    /**
     * The value of a success, or the refusal as an exception.
     *
     * @return the value
     * @throws CairnException the refusal ({@link ApiError#toException()})
     */
    T orThrow();

    /**
     * A success.
     *
     * @param value the decoded answer
     * @param <T> its type
     */
    record Ok<T>(T value) implements Answer<T> {
        /**
         * Checks the value is present.
         *
         * @param value the value
         */
        public Ok {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public T orThrow() {
            return value;
        }
    }

    /**
     * A refusal.
     *
     * @param error the error body
     * @param <T> the type a success would have had
     */
    record Refused<T>(ApiError error) implements Answer<T> {
        /**
         * Checks the error is present.
         *
         * @param error the error
         */
        public Refused {
            Objects.requireNonNull(error, "error");
        }

        @Override
        public T orThrow() {
            throw error.toException();
        }
    }
}
