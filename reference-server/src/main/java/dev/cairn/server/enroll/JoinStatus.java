package dev.cairn.server.enroll;

import java.util.Locale;
import java.util.Optional;

/** The status of a join request; a pending request past its 24 hours reads as {@link #EXPIRED}. */
public enum JoinStatus {
    /** Waiting for a decision. */
    PENDING,
    /** Approved: the node exists and its certificate was issued. */
    APPROVED,
    /** Denied with a reason. */
    DENIED,
    /** Left undecided for 24 hours; it can no longer be decided. */
    EXPIRED;

    /**
     * The wire form.
     *
     * @return the lowercase name
     */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The status of a wire form.
     *
     * @param wire {@code pending}, {@code approved}, {@code denied} or {@code expired}
     * @return the status, or empty
     */
    public static Optional<JoinStatus> fromWire(String wire) {
        for (JoinStatus s : values()) {
            if (s.wire().equals(wire)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
