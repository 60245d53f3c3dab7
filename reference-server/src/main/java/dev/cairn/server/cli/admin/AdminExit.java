package dev.cairn.server.cli.admin;

import dev.cairn.errors.ErrorFamily;

/** The exit codes of {@code cairn-server admin}, those of {@code CairnServer}'s list. */
final class AdminExit {
    static final int OK = 0;
    static final int REFUSED = 1;
    static final int USAGE = 2;
    static final int INTERNAL = 3;

    private AdminExit() {}

    static int of(ErrorFamily family) {
        return switch (family) {
            case REJECTED -> REFUSED;
            case MALFORMED_INPUT -> USAGE;
            case INTERNAL -> INTERNAL;
        };
    }
}
