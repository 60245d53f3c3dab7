package dev.cairn.verifier.vectors;

/**
 * A vector whose expectation does not hold though the vector is readable: what it must yield
 * differs, or what it sets up before the step under test fails.
 */
final class VectorFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Whether the step under test accepted and only its results differ. */
    private final boolean accepted;

    private VectorFailure(String message, boolean accepted) {
        super(message);
        this.accepted = accepted;
    }

    /** The step under test accepted, but one of its results is not the vector's. */
    static VectorFailure differs(String what, Object want, Object got) {
        return new VectorFailure(what + ": got " + got + ", want " + want, true);
    }

    /** The vector is broken before the step under test: its set-up failed, or it cannot apply. */
    static VectorFailure broken(String message) {
        return new VectorFailure(message, false);
    }

    boolean accepted() {
        return accepted;
    }
}
