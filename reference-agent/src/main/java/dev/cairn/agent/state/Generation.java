package dev.cairn.agent.state;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A published version of the agent's state: the generation number the root pointer names and the
 * state it holds.
 *
 * @param number the generation number, 1 for the first publication, one more for each after it
 * @param state the state
 */
public record Generation(long number, AgentState state) {
    private static final Pattern NAME = Pattern.compile("gen-[0-9]{1,19}");

    /**
     * Checks the fields.
     *
     * @param number the generation number
     * @param state the state
     */
    public Generation {
        if (number < 1) {
            throw new IllegalArgumentException("generation " + number + ", want at least 1");
        }
        Objects.requireNonNull(state, "state");
    }

    /** The directory of generation {@code n}: {@code gen-<n>}. */
    static String directoryName(long number) {
        return "gen-" + number;
    }

    /** Whether a directory entry looks like a generation directory. */
    static boolean isDirectoryName(String name) {
        return NAME.matcher(name).matches();
    }
}
