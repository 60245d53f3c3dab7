package dev.cairn.verifier.vectors;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.trust.bundle.CaEntry;
import dev.cairn.trust.bundle.TrustBundle;
import java.util.List;

/**
 * What an accepted {@code bundle} vector says the bundle reads as ({@code vectors/README.md},
 * "Trust vectors"): the generator writes it and the checker compares it.
 */
public final class BundleDescription {
    /** The members {@link #describe} writes, in order. */
    static final List<String> FIELDS = List.of("trust_domain", "sequence", "refresh_hint", "keys");

    private BundleDescription() {}

    /**
     * Writes a bundle's description into a vector: {@code trust_domain}, {@code sequence}, {@code
     * refresh_hint} (seconds), and {@code keys}, one object per CA in bundle order with its {@code
     * kid} (base64url), {@code key_type} and {@code status}.
     *
     * @param node the vector
     * @param bundle the bundle
     */
    public static void describe(ObjectNode node, TrustBundle bundle) {
        node.put("trust_domain", bundle.trustDomain().name());
        node.put("sequence", bundle.sequence());
        node.put("refresh_hint", bundle.refreshHint().toSeconds());
        ArrayNode keys = node.putArray("keys");
        for (CaEntry entry : bundle.entries()) {
            keys.addObject()
                    .put("kid", entry.key().kid().toBase64Url())
                    .put("key_type", entry.key().type().name())
                    .put("status", entry.status().jsonName());
        }
    }
}
