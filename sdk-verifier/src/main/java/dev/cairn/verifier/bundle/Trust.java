package dev.cairn.verifier.bundle;

import dev.cairn.audit.AuditBundleFormat;
import dev.cairn.audit.AuditBundleHeader;
import dev.cairn.audit.TrustMaterial;
import dev.cairn.keys.KeySet;
import dev.cairn.keys.VerificationKey;
import dev.cairn.trust.bundle.TrustBundleState;
import java.util.ArrayList;
import java.util.List;

/**
 * The keys a bundle's signatures may come from ({@code spec/audit-bundle.md}, "Trust"): those the
 * auditor gave, the bundle's log keys whose kid the auditor pinned, and the CA keys of the auditor's
 * trust bundle after the signed trust bundles the bundle carries, applied in order by sdk-trust's
 * update rules. Nothing is trusted for being in the bundle.
 */
final class Trust {
    /** The trusted keys and the signatures checked to find them. */
    record Keys(KeySet keys, long signatures) {}

    private Trust() {}

    static Keys resolve(Rules rules, AuditBundleHeader header) {
        List<VerificationKey> trusted = new ArrayList<>(rules.keys());
        for (VerificationKey key : header.logKeys()) {
            if (rules.kids().contains(key.kid())) {
                trusted.add(key);
            }
        }
        long signatures = 0;
        if (rules.anchors().isPresent()) {
            TrustBundleState state = new TrustBundleState(rules.anchors().get());
            for (TrustMaterial material : header.trustMaterial()) {
                if (material.type().equals(AuditBundleFormat.SIGNED_TRUST_BUNDLE)) {
                    state.update(material.data().toByteArray());
                    signatures++;
                }
            }
            trusted.addAll(state.current().keys().keys());
        }
        if (trusted.isEmpty()) {
            throw Failures.incomplete("no log key of the bundle has a kid the verifier trusts");
        }
        return new Keys(KeySet.of(trusted), signatures);
    }
}
