package dev.cairn.verifier.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * {@code trust} vectors (sdk-trust: {@code spec/ca.md}, {@code spec/tls-identity.md}, {@code
 * spec/revocation.md}, {@code spec/trust-bundle.md}): each names its {@code type}, checked by the
 * class of that type. An unknown type is a vector that cannot hold.
 */
final class TrustCheck implements VectorCheck {
    private static final Map<String, VectorCheck> TYPES = Map.of(
            "csr", new CsrCheck(),
            "peer", new PeerCheck(),
            "revocation-head", new RevocationHeadCheck(),
            "bundle", new TrustBundleCheck());

    @Override
    public void accept(JsonNode v) {
        type(v).accept(v);
    }

    @Override
    public void reject(JsonNode v) {
        type(v).reject(v);
    }

    private static VectorCheck type(JsonNode v) {
        String type = Fields.text(v, "type");
        VectorCheck check = TYPES.get(type);
        if (check == null) {
            throw VectorFailure.broken("unknown trust vector type " + type + ", want one of " + TYPES.keySet());
        }
        return check;
    }
}
