package dev.cairn.agent.state;

import dev.cairn.bytes.Bytes;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.revocation.RevocationHeadVerifier;
import java.util.Optional;

/** Checks shared by the state records. */
final class Consistency {
    private Consistency() {}

    static void checkNode(CairnId id, Enrollment enrollment) {
        if (id.kind() != CairnId.Kind.NODE || !id.cluster().equals(enrollment.cluster())) {
            throw Invalid.state("node identity " + id + ", want a node of cluster " + enrollment.cluster());
        }
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
