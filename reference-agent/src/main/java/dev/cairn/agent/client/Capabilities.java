package dev.cairn.agent.client;

import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A node's declared capabilities ({@code spec/enrollment.md} section 3): 0 to {@value #MAX}
 * distinct names of 1 to 64 characters {@code [a-z0-9._-]}, sent sorted. A capability is not a
 * permission: the server assigns roles.
 */
public final class Capabilities {
    /** Most capabilities a node declares. */
    public static final int MAX = 32;

    private static final Pattern NAME = Pattern.compile("[a-z0-9._-]{1,64}");

    private Capabilities() {}

    /**
     * Checks and sorts capabilities.
     *
     * @param names the names, in any order
     * @return the distinct names, sorted
     * @throws IllegalArgumentException if a name breaks the grammar, one repeats, or there are too many
     */
    public static List<String> of(List<String> names) {
        TreeSet<String> sorted = new TreeSet<>();
        for (String name : names) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("capability " + name + ": want 1 to 64 characters [a-z0-9._-]");
            }
            if (!sorted.add(name)) {
                throw new IllegalArgumentException("capability " + name + " is given twice");
            }
        }
        if (sorted.size() > MAX) {
            throw new IllegalArgumentException(sorted.size() + " capabilities, want at most " + MAX);
        }
        return List.copyOf(sorted);
    }
}
