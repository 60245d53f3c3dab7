package dev.cairn.agent.state;

import dev.cairn.trust.identity.CairnId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Fenced: the identity is withdrawn for good ({@code spec/agent.md}, "Fencing"). A fenced generation
 * names no key, certificate, bundle or head: the key file is deleted once this state is published,
 * and only a new enrollment (a new join token, a new key) leaves this phase.
 *
 * @param enrollment the enrollment of the withdrawn identity
 * @param nodeId the withdrawn identity, if it had been named
 * @param reason why it was fenced
 * @param fencedAt when the agent fenced itself
 * @param detail what the agent observed, for the operator: up to {@value #MAX_DETAIL} characters,
 *     no control characters
 */
public record FencedState(
        Enrollment enrollment, Optional<CairnId> nodeId, FenceReason reason, Instant fencedAt, String detail)
        implements AgentState {
    /** Longest detail text. */
    public static final int MAX_DETAIL = 512;

    /**
     * Checks the fields.
     *
     * @param enrollment the enrollment
     * @param nodeId the identity, if named
     * @param reason the reason
     * @param fencedAt when
     * @param detail the detail text
     * @throws dev.cairn.errors.MalformedInputException {@link dev.cairn.errors.ErrorCode#AGENT_STATE_MALFORMED}
     *     if the identity is not a node of the cluster, or the detail is too long or holds control characters
     */
    public FencedState {
        Objects.requireNonNull(enrollment, "enrollment");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(fencedAt, "fencedAt");
        Objects.requireNonNull(detail, "detail");
        nodeId.ifPresent(id -> Consistency.checkNode(id, enrollment));
        if (detail.length() > MAX_DETAIL || detail.chars().anyMatch(Character::isISOControl)) {
            throw Invalid.state(
                    "fence detail must be at most " + MAX_DETAIL + " characters without control characters");
        }
    }

    /**
     * Fences a state: the same enrollment and identity, withdrawn now.
     *
     * @param state the state to withdraw
     * @param reason why
     * @param at when
     * @param detail what was observed
     * @return the fenced state
     */
    public static FencedState of(AgentState state, FenceReason reason, Instant at, String detail) {
        return new FencedState(state.enrollment(), state.nodeId(), reason, at, detail);
    }

    @Override
    public Phase phase() {
        return Phase.FENCED;
    }
}
