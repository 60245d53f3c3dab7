package dev.cairn.receipt;

import dev.cairn.bytes.Digest;
import dev.cairn.marker.Marker;
import java.util.Objects;

/**
 * What a caller asks a {@link ReceiptLog} to record: one action, before the log gives it a sequence
 * and a time.
 *
 * @param kind the kind of action, 1-64 printable ASCII characters
 * @param actor the identity that acted
 * @param subject what the action was about
 * @param epoch the control epoch the action ran in
 * @param policyHash the hash of the policy or snapshot the action was decided under
 * @param requestHash the hash of the request
 * @param outcome {@code "ok"}, or the error code the action ended with
 */
public record Action(
        String kind, String actor, String subject, long epoch, Digest policyHash, Digest requestHash, String outcome) {
    /**
     * Validates the components.
     *
     * @param kind the kind of action
     * @param actor the acting identity
     * @param subject the subject
     * @param epoch the epoch, not negative
     * @param policyHash the policy or snapshot hash
     * @param requestHash the request hash
     * @param outcome the outcome, not empty
     */
    public Action {
        Marker.checkKind(kind);
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(policyHash, "policyHash");
        Objects.requireNonNull(requestHash, "requestHash");
        Objects.requireNonNull(outcome, "outcome");
        if (epoch < 0 || outcome.isEmpty()) {
            throw new IllegalArgumentException("epoch must be >= 0 and outcome not empty");
        }
    }
}
