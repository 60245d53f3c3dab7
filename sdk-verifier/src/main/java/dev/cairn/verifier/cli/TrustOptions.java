package dev.cairn.verifier.cli;

import dev.cairn.trust.revocation.FreshnessTier;
import dev.cairn.trust.revocation.RevocationEntries;
import dev.cairn.trust.revocation.RevocationEntry;
import dev.cairn.verifier.TrustAnchors;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The trust domain's anchors: the trust bundle obtained out of band, the signed bundles after it,
 * the revocation head with its entries, and the freshness tier revocation is judged at.
 */
final class TrustOptions {
    @Option(
            names = "--trust-bundle",
            paramLabel = "FILE",
            description = "The trust bundle obtained out of band, in its JWKS form (spec/trust-bundle.md).")
    String bundle;

    @Option(
            names = "--bundle-update",
            paramLabel = "FILE",
            description = "A signed trust bundle (COSE_Sign1) that follows the ones before it. Repeatable, in order.")
    List<String> updates = new ArrayList<>();

    @Option(
            names = "--revocation-head",
            paramLabel = "FILE",
            description = "The newest signed revocation head (COSE_Sign1, spec/revocation.md).")
    String head;

    @Option(
            names = "--revocation-entries",
            paramLabel = "FILE",
            description = "Every entry of the revocation chain from index 0, as one CBOR array; default: none.")
    String entries;

    @Option(
            names = "--tier",
            paramLabel = "TIER",
            defaultValue = "SAFE",
            description = "The freshness tier the revocation head must be fresh for: ${COMPLETION-CANDIDATES};"
                    + " default: ${DEFAULT-VALUE}.")
    FreshnessTier tier;

    /** Whether any trust-domain anchor was given. */
    boolean given() {
        return bundle != null || !updates.isEmpty() || head != null || entries != null;
    }

    /** Reads the anchors given into the builder, after checking that they fit together. */
    void addTo(TrustAnchors.Builder anchors, Inputs inputs) {
        if (bundle == null && given()) {
            throw inputs.usage("--bundle-update and --revocation-head need --trust-bundle");
        }
        if (entries != null && head == null) {
            throw inputs.usage("--revocation-entries needs --revocation-head");
        }
        if (bundle == null) {
            return;
        }
        anchors.trustBundleJwks(inputs.bytes(bundle));
        updates.forEach(update -> anchors.bundleUpdate(inputs.binary(update)));
        if (head != null) {
            List<RevocationEntry> all = entries == null ? List.of() : RevocationEntries.decode(inputs.binary(entries));
            anchors.revocation(inputs.binary(head), all);
        }
    }
}
