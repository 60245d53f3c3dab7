package dev.cairn.agent.state;

import dev.cairn.trust.identity.CairnId;
import java.util.Optional;

/**
 * One version of the agent's state ({@code spec/agent.md}, "State document"): pending, active or
 * fenced. A value only; {@link StateDirectory} publishes it as a generation.
 */
public sealed interface AgentState permits PendingState, ActiveState, FencedState {
    /**
     * The lifecycle phase.
     *
     * @return the phase
     */
    Phase phase();

    /**
     * The enrollment this identity came from.
     *
     * @return the enrollment
     */
    Enrollment enrollment();

    /**
     * The node identity, once the server named it.
     *
     * @return the identity, always present when active
     */
    Optional<CairnId> nodeId();
}
