package dev.cairn.trust.revocation;

import java.time.Instant;
import java.util.Objects;

/**
 * An explicit permission to act although the revocation head is too old for the action's tier:
 * who grants it, why, and until when ({@code spec/revocation.md}). Every use is reported to the
 * {@link OverrideAuditSink}. An override relaxes freshness only: a revoked serial is refused with
 * or without one.
 *
 * @param actor who grants the override, for example an operator's identity: 1 to 256 characters, not blank
 * @param reason why, for the audit trail: 1 to 1024 characters, not blank
 * @param notAfter the last instant the override applies; after it, stale checks fail again
 */
public record FreshnessOverride(String actor, String reason, Instant notAfter) {
    /** Longest actor text. */
    public static final int MAX_ACTOR_LENGTH = 256;

    /** Longest reason text. */
    public static final int MAX_REASON_LENGTH = 1024;

    /**
     * Validates the components.
     *
     * @param actor who
     * @param reason why
     * @param notAfter until when
     * @throws IllegalArgumentException if the actor or reason is blank or too long
     */
    public FreshnessOverride {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(notAfter, "notAfter");
        if (actor.isBlank() || actor.length() > MAX_ACTOR_LENGTH) {
            throw new IllegalArgumentException("actor must be 1 to " + MAX_ACTOR_LENGTH + " characters, not blank");
        }
        if (reason.isBlank() || reason.length() > MAX_REASON_LENGTH) {
            throw new IllegalArgumentException("reason must be 1 to " + MAX_REASON_LENGTH + " characters, not blank");
        }
    }
}
