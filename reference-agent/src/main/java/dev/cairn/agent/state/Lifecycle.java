package dev.cairn.agent.state;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.VerificationException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The transitions a publication may make ({@code spec/agent.md}, "Lifecycle"):
 *
 * <pre>
 * (none)  -> pending                      first enrollment
 * pending -> pending | active | fenced    same enrollment (the join request id and the cluster may be
 *                                         learned, once), same key, same identity once named, same
 *                                         poll secret once held; active needs a submitted request
 * active  -> active | fenced              same enrollment and identity; the key may change (renewal)
 * fenced  -> pending                      a new enrollment: no join request yet, or another one
 * </pre>
 */
final class Lifecycle {
    private Lifecycle() {}

    static void check(Optional<AgentState> from, AgentState to) {
        if (from.isEmpty()) {
            if (!(to instanceof PendingState)) {
                throw refused("none", to, "the first state is pending");
            }
            return;
        }
        AgentState current = from.get();
        if (current instanceof FencedState fenced) {
            if (!(to instanceof PendingState)) {
                throw refused(current, to, "a fenced identity is never used again; only a new enrollment follows");
            }
            if (to.enrollment().joinRequestId().isPresent()
                    && to.enrollment()
                            .joinRequestId()
                            .equals(fenced.enrollment().joinRequestId())) {
                throw refused(current, to, "a new enrollment needs a new join request");
            }
            return;
        }
        if (current instanceof ActiveState && to instanceof PendingState) {
            throw refused(current, to, "an active identity does not return to pending; fence it and enroll again");
        }
        boolean sameEnrollment = current instanceof PendingState
                ? current.enrollment().continuedBy(to.enrollment())
                : current.enrollment().equals(to.enrollment());
        if (!sameEnrollment) {
            throw refused(
                    current,
                    to,
                    "the enrollment (server, pin, cluster, join request, host) is fixed for an identity;"
                            + " only a pending one learns its join request id and cluster, once");
        }
        if (current.nodeId().isPresent() && !current.nodeId().equals(to.nodeId())) {
            throw refused(current, to, "the node identity " + current.nodeId().get() + " is fixed once named");
        }
        if (current instanceof PendingState pending) {
            boolean sameKey = (to instanceof PendingState p && p.nodeKey().equals(pending.nodeKey()))
                    || (to instanceof ActiveState a && a.nodeKey().equals(pending.nodeKey()))
                    || to instanceof FencedState;
            if (!sameKey) {
                throw refused(current, to, "the key of a pending enrollment is the one its CSR carried");
            }
            if (to instanceof PendingState next
                    && pending.isSubmitted()
                    && !PendingState.sameSecret(pending.pollSecret(), next.pollSecret())) {
                throw refused(current, to, "the poll secret of a submitted join request is fixed");
            }
            if (to instanceof PendingState next
                    && pending.csr().isPresent()
                    && !pending.csr().equals(next.csr())) {
                throw refused(current, to, "the CSR of a pending enrollment is fixed once stored");
            }
            if (to instanceof ActiveState && !pending.isSubmitted()) {
                throw refused(current, to, "a join request that was never submitted cannot be approved");
            }
        }
    }

    private static VerificationException refused(AgentState from, AgentState to, String rule) {
        return refused(from.phase().wireName(), to, rule);
    }

    private static VerificationException refused(String from, AgentState to, String rule) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("from", from);
        details.put("to", to.phase().wireName());
        return new VerificationException(
                ErrorCode.AGENT_STATE_TRANSITION,
                from + " -> " + to.phase().wireName() + " refused: " + rule,
                details,
                null);
    }
}
