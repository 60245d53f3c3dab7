package dev.cairn.server.cli;

import dev.cairn.errors.CairnException;

/** The exit codes of {@code cairn-server}. */
final class Exits {
    static final int OK = 0;
    static final int REFUSED = 1;
    static final int USAGE = 2;
    static final int INTERNAL = 3;

    private Exits() {}

    static int of(CairnException e) {
        return switch (e.code().family()) {
            case REJECTED -> REFUSED;
            case MALFORMED_INPUT -> USAGE;
            case INTERNAL -> INTERNAL;
        };
    }
}
