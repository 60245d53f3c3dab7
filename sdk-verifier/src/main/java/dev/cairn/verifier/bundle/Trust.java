package dev.cairn.verifier.bundle;

import dev.cairn.audit.AuditBundleFormat;
import dev.cairn.audit.AuditBundleHeader;
import dev.cairn.audit.TrustMaterial;
import dev.cairn.bytes.Bytes;
import dev.cairn.keys.KeySet;
import dev.cairn.keys.VerificationKey;
import dev.cairn.trust.bundle.TrustBundle;
import dev.cairn.trust.bundle.TrustBundleState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The keys a bundle's signatures may come from ({@code spec/audit-bundle.md}, "Trust"): those the
 * auditor gave, the bundle's log keys whose kid the auditor pinned, the CA keys of the auditor's
 * trust bundle after the signed trust bundles the bundle carries (applied in order by sdk-trust's
 * update rules), and the log keys whose certificate chain the bundle carries, whose signatures
 * {@link CertifiedKeys} checks against that trust bundle and revocation. Nothing is trusted for
 * being in the bundle.
 */
final class Trust {
    /** The trusted keys, the certified ones among them, and the signatures checked to find them. */
    record Keys(KeySet keys, CertifiedKeys certified, long signatures) {}

    private Trust() {}

    static Keys resolve(Rules rules, AuditBundleHeader header) {
        Map<Bytes, VerificationKey> trusted = new LinkedHashMap<>();
        rules.keys().forEach(key -> trusted.put(key.kid(), key));
        for (VerificationKey key : header.logKeys()) {
            if (rules.kids().contains(key.kid())) {
                trusted.put(key.kid(), key);
            }
        }
        long signatures = 0;
        CertifiedKeys certified = CertifiedKeys.NONE;
        if (rules.anchors().isPresent()) {
            TrustBundleState state = new TrustBundleState(rules.anchors().get());
            for (TrustMaterial material : header.trustMaterial()) {
                if (material.type().equals(AuditBundleFormat.SIGNED_TRUST_BUNDLE)) {
                    state.update(material.data().toByteArray());
                    signatures++;
                }
            }
            TrustBundle held = state.current();
            held.keys().keys().forEach(key -> trusted.put(key.kid(), key));
            Revocations.Resolved revocation = Revocations.resolve(held, header, rules.revocation(), rules.clock());
            signatures += revocation.signatures();
            certified = CertifiedKeys.of(header, rules, held, revocation.state(), Set.copyOf(trusted.keySet()));
            certified.keys(header).forEach(key -> trusted.putIfAbsent(key.kid(), key));
        }
        if (trusted.isEmpty()) {
            throw Failures.incomplete("no log key of the bundle has a kid the verifier trusts");
        }
        return new Keys(KeySet.of(trusted.values()), certified, signatures);
    }
}
