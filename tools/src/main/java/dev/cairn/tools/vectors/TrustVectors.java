package dev.cairn.tools.vectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@code vectors/trust/} set (sdk-trust): CSRs, certificates as peers present them, revocation
 * heads and trust bundles. Each vector names its {@code type}; this class dispatches on it.
 */
final class TrustVectors {
    static final String KIND = "trust";

    private TrustVectors() {}

    static void generate(VectorSet set) {
        TrustCsrVectors.generate(set);
        TrustPeerVectors.generate(set);
        TrustRevocationVectors.generate(set);
        TrustBundleVectors.generate(set);
    }

    static void checkAccept(JsonNode v) {
        switch (v.path("type").asText()) {
            case "csr" -> TrustCsrVectors.checkAccept(v);
            case TrustPeerVectors.TYPE -> TrustPeerVectors.checkAccept(v);
            case TrustRevocationVectors.TYPE -> TrustRevocationVectors.checkAccept(v);
            case TrustBundleVectors.TYPE -> TrustBundleVectors.checkAccept(v);
            default -> throw new VectorChecks.VectorFailure("unknown trust vector type " + v.path("type"));
        }
    }

    static void runReject(JsonNode v) {
        switch (v.path("type").asText()) {
            case "csr" -> TrustCsrVectors.runReject(v);
            case TrustPeerVectors.TYPE -> TrustPeerVectors.runReject(v);
            case TrustRevocationVectors.TYPE -> TrustRevocationVectors.runReject(v);
            case TrustBundleVectors.TYPE -> TrustBundleVectors.runReject(v);
            default -> throw new VectorChecks.VectorFailure("unknown trust vector type " + v.path("type"));
        }
    }
}
