package dev.cairn.trust.identity;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import java.util.Objects;

/**
 * The name of a Cairn trust domain: a lowercase DNS-style name such as {@code demo.example}, the
 * authority part of every {@link CairnId} in it ({@code spec/identity.md}).
 *
 * @param name 1 to 253 characters: dot-separated labels of 1 to 63 characters from {@code [a-z0-9-]},
 *     neither starting nor ending with {@code -}
 */
public record TrustDomain(String name) {
    /** Longest trust domain name. */
    public static final int MAX_LENGTH = 253;

    /**
     * Checks the grammar; nothing is normalised.
     *
     * @param name the name
     * @throws MalformedInputException {@link ErrorCode#IDENTITY_MALFORMED} if it breaks the grammar
     */
    public TrustDomain {
        Objects.requireNonNull(name, "name");
        String problem = problem(name);
        if (problem != null) {
            throw new MalformedInputException(ErrorCode.IDENTITY_MALFORMED, "trust domain: " + problem);
        }
    }

    private static String problem(String name) {
        if (name.isEmpty() || name.length() > MAX_LENGTH) {
            return "length " + name.length() + ", want 1 to " + MAX_LENGTH;
        }
        int start = 0;
        while (true) {
            int dot = name.indexOf('.', start);
            int end = dot < 0 ? name.length() : dot;
            String label = name.substring(start, end);
            if (label.isEmpty() || label.length() > 63) {
                return "label of length " + label.length() + ", want 1 to 63";
            }
            if (label.charAt(0) == '-' || label.charAt(label.length() - 1) == '-') {
                return "label " + label + " starts or ends with '-'";
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                    return "character U+" + String.format("%04X", (int) c) + " outside [a-z0-9-]";
                }
            }
            if (dot < 0) {
                return null;
            }
            start = dot + 1;
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
