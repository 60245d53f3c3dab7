package dev.cairn.verifier.bundle;

import dev.cairn.audit.AuditBundleFormat;
import dev.cairn.audit.AuditBundleHeader;
import dev.cairn.audit.TrustMaterial;
import dev.cairn.bytes.Bytes;
import dev.cairn.trust.bundle.TrustBundle;
import dev.cairn.trust.revocation.RevocationEntries;
import dev.cairn.trust.revocation.RevocationEntry;
import dev.cairn.trust.revocation.RevocationState;
import dev.cairn.verifier.RevocationHeads;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The revocation state a bundle's certified log keys are checked against ({@code
 * spec/audit-bundle.md}, "Trust"): the head the bundle carries and the one the auditor gave, each
 * verified by {@link RevocationHeads} against the trust bundle held after the bundle's updates, then
 * applied oldest first to one sdk-trust {@link RevocationState}, so that the newer decides and two
 * heads of forked chains, or of one sequence with different content, are refused. No head at all
 * leaves a state that fails every check closed.
 */
final class Revocations {
    /** A signed head and its chain from index 0. */
    record Signed(Bytes head, List<RevocationEntry> entries) {
        Signed {
            entries = List.copyOf(entries);
        }
    }

    /** The state and the head signatures checked to reach it. */
    record Resolved(RevocationState state, long signatures) {}

    private Revocations() {}

    static Resolved resolve(TrustBundle bundle, AuditBundleHeader header, Optional<Signed> given, Clock clock) {
        List<Signed> heads = new ArrayList<>();
        carried(header).ifPresent(heads::add);
        given.ifPresent(heads::add);
        List<Ordered> ordered = new ArrayList<>();
        for (Signed signed : heads) {
            long sequence = RevocationHeads.verify(bundle, signed.head().toByteArray(), signed.entries(), clock)
                    .head()
                    .head()
                    .sequence();
            ordered.add(new Ordered(sequence, signed));
        }
        ordered.sort(Comparator.comparingLong(Ordered::sequence));
        RevocationState state = RevocationState.builder(bundle.trustDomain(), bundle.keys())
                .clock(clock)
                .build();
        for (Ordered o : ordered) {
            state.updateFromStart(o.signed().head().toByteArray(), o.signed().entries());
        }
        return new Resolved(state, heads.size());
    }

    private record Ordered(long sequence, Signed signed) {}

    /** The bundle's own head and entries, if it carries a head. */
    private static Optional<Signed> carried(AuditBundleHeader header) {
        Bytes head = null;
        List<RevocationEntry> entries = new ArrayList<>();
        boolean anyEntries = false;
        for (TrustMaterial material : header.trustMaterial()) {
            switch (material.type()) {
                case AuditBundleFormat.REVOCATION_HEAD -> {
                    if (head != null) {
                        throw Failures.malformed("more than one " + AuditBundleFormat.REVOCATION_HEAD);
                    }
                    head = material.data();
                }
                case AuditBundleFormat.REVOCATION_ENTRIES -> {
                    anyEntries = true;
                    entries.addAll(RevocationEntries.decode(material.data().toByteArray()));
                }
                default -> {}
            }
        }
        if (head == null && anyEntries) {
            throw Failures.malformed(
                    AuditBundleFormat.REVOCATION_ENTRIES + " without a " + AuditBundleFormat.REVOCATION_HEAD);
        }
        return head == null ? Optional.empty() : Optional.of(new Signed(head, entries));
    }
}
