package dev.cairn.server.enroll;

/**
 * A node certificate as returned by an approved poll and by renewal ({@code spec/enrollment.md}
 * section 4).
 *
 * @param identity the node's identity URI
 * @param serial the serial, lowercase hex
 * @param notAfter when it expires (ISO-8601, UTC)
 * @param certificateChain PEM: the leaf, then the intermediate, then the root
 * @param trustBundle the current trust bundle's canonical JWKS ({@code trust-bundle.md}), as a string
 */
public record NodeCertificate(
        String identity, String serial, String notAfter, String certificateChain, String trustBundle) {}
