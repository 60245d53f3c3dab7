package dev.cairn.trust.revocation;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.VerificationException;
import java.math.BigInteger;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules by which a {@link RevocationState} moves from one held state to the next. Each either
 * returns the complete next state or throws, so the caller swaps in all of it or none.
 */
final class Transition {
    private Transition() {}

    /** Refuses a head that rolls back the one held: lower sequence, same sequence with other content, fewer entries. */
    static void checkOrder(HeldState current, RevocationHead head) {
        if (current.head == null) {
            return;
        }
        RevocationHead held = current.head.head();
        if (head.sequence() < held.sequence()) {
            throw VerificationException.mismatch(
                    ErrorCode.REVOCATION_HEAD_ROLLBACK,
                    "sequence at least " + held.sequence(),
                    "sequence " + head.sequence());
        }
        // Compared by content, not by signature bytes: ES256 signatures are malleable (spec/cose.md).
        if (head.sequence() == held.sequence() && !head.equals(held)) {
            throw VerificationException.mismatch(
                    ErrorCode.REVOCATION_HEAD_ROLLBACK,
                    "the head held for sequence " + held.sequence() + ": " + held,
                    "a different head with that sequence: " + head);
        }
        if (head.size() < held.size()) {
            throw VerificationException.mismatch(
                    ErrorCode.REVOCATION_HEAD_ROLLBACK,
                    "a chain of at least " + held.size() + " entries",
                    "a chain of " + head.size() + " entries");
        }
    }

    /** The state after the entries that extend the held chain to the head's position. */
    static HeldState extend(
            HeldState current, VerifiedRevocationHead verified, List<RevocationEntry> entries, FreshnessPolicy policy) {
        ChainPosition target = verified.head().position();
        current.position.extendTo(entries, target);
        Map<BigInteger, RevocationEntry> revoked = current.revoked;
        if (!entries.isEmpty()) {
            revoked = new HashMap<>(capacity(current.revoked.size() + entries.size()));
            revoked.putAll(current.revoked);
            addUnique(revoked, entries);
            revoked = Collections.unmodifiableMap(revoked);
        }
        return new HeldState(verified, target, revoked, policy);
    }

    /** The state after a whole chain from index 0, of which the held chain must be a prefix. */
    static HeldState fromStart(
            HeldState current, VerifiedRevocationHead verified, List<RevocationEntry> entries, FreshnessPolicy policy) {
        ChainPosition target = verified.head().position();
        ChainPosition.GENESIS.extendTo(entries, target);
        long heldSize = current.position.size();
        ChainPosition prefix = ChainPosition.GENESIS.extend(entries.subList(0, (int) heldSize));
        if (!prefix.value().equals(current.position.value())) {
            throw ChainPosition.broken(
                    heldSize,
                    "value",
                    current.position.value().toHex(),
                    prefix.value().toHex());
        }
        Map<BigInteger, RevocationEntry> revoked = new HashMap<>(capacity(entries.size()));
        addUnique(revoked, entries);
        return new HeldState(verified, target, Collections.unmodifiableMap(revoked), policy);
    }

    private static void addUnique(Map<BigInteger, RevocationEntry> revoked, List<RevocationEntry> entries) {
        for (RevocationEntry entry : entries) {
            if (revoked.putIfAbsent(entry.serial(), entry) != null) {
                throw ChainPosition.broken(
                        entry.index(),
                        "serial",
                        "a serial no earlier entry revokes",
                        entry.serial().toString(16));
            }
        }
    }

    private static int capacity(int size) {
        return Math.max(16, size / 3 * 4 + 4);
    }
}
