package dev.cairn.verifier.vectors;

/**
 * A vector file that cannot be read as a vector: not a JSON object, an envelope field wrong, or a
 * field the kind needs missing or of the wrong JSON type or form.
 */
final class MalformedVector extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedVector(String message) {
        super(message);
    }
}
