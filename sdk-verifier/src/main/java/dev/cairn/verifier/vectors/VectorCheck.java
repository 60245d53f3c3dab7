package dev.cairn.verifier.vectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How one kind of vector is checked. Both methods run the vector's step through the public API; a
 * refusal is the {@link dev.cairn.errors.CairnException} the step throws, which {@link
 * VectorChecker} compares with the vector's {@code error}.
 */
interface VectorCheck {
    /**
     * Runs an accept vector and compares what the step yields with the vector's fields.
     *
     * @param v the vector
     * @throws VectorFailure if a result differs or the set-up fails
     */
    void accept(JsonNode v);

    /**
     * Runs a reject vector's step, which must throw the vector's error.
     *
     * @param v the vector
     */
    void reject(JsonNode v);
}
