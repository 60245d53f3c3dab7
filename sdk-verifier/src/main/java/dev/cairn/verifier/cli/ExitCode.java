package dev.cairn.verifier.cli;

import dev.cairn.errors.ErrorFamily;

/** The exit codes of {@code cairn-verify} ({@code spec/verifier-cli.md}, "Exit codes"). */
final class ExitCode {
    /** Everything verified. */
    static final int VALID = 0;

    /** Well-formed input that a check refused (family {@link ErrorFamily#REJECTED}). */
    static final int REJECTED = 1;

    /** Input that cannot be read as what it claims to be, or a usage error. */
    static final int MALFORMED = 2;

    /** The verifier itself failed; the input may be fine. */
    static final int INTERNAL = 3;

    private ExitCode() {}

    /**
     * The exit code of a failure family.
     *
     * @param family the family
     * @return 1, 2 or 3
     */
    static int of(ErrorFamily family) {
        return switch (family) {
            case REJECTED -> REJECTED;
            case MALFORMED_INPUT -> MALFORMED;
            case INTERNAL -> INTERNAL;
        };
    }

    /**
     * The exit code of several results: the most severe one (3, then 2, then 1, then 0).
     *
     * @param a one result's code
     * @param b another's
     * @return the more severe
     */
    static int worst(int a, int b) {
        return Math.max(a, b);
    }
}
