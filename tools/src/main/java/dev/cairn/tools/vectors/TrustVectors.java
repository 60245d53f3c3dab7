package dev.cairn.tools.vectors;

/**
 * The {@code vectors/trust/} set (sdk-trust): CSRs, certificates as peers present them, revocation
 * heads and trust bundles. Each vector names its {@code type}.
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
}
