package dev.cairn.agent.state;

import dev.cairn.bytes.Bytes;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.revocation.RevocationHeadVerifier;
import java.util.Optional;

/** Checks shared by the state records. */
final class Consistency {
    private Consistency() {}

    static void checkNode(CairnId id, Enrollment enrollment) {
        if (id.kind() != CairnId.Kind.NODE
                || (enrollment.cluster().isPresent()
                        && !id.cluster().equals(enrollment.cluster().get()))) {
            throw Invalid.state("node identity " + id + ", want a node"
                    + enrollment.cluster().map(c -> " of cluster " + c).orElse(""));
        }
    }

    /** An identity in use needs its whole enrollment: the cluster and the join request are known. */
    static void checkComplete(CairnId id, Enrollment enrollment) {
        if (enrollment.cluster().isEmpty() || enrollment.joinRequestId().isEmpty()) {
            throw Invalid.state("an active state needs the cluster and the join request id of its enrollment");
        }
        checkNode(id, enrollment);
    }

    static void checkHead(Optional<Bytes> head) {
        head.ifPresent(bytes -> {
            if (bytes.length() == 0 || bytes.length() > RevocationHeadVerifier.MAX_SIGNED_BYTES) {
                throw Invalid.state("revocation head of " + bytes.length() + " bytes, want 1 to "
                        + RevocationHeadVerifier.MAX_SIGNED_BYTES);
            }
        });
    }
}
