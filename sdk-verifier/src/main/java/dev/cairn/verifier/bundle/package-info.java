/**
 * Streaming, parallel, bounded-memory verification of audit bundles ({@code spec/audit-bundle.md}):
 * {@link dev.cairn.verifier.bundle.AuditBundleVerifier} checks a bundle that sdk-core's {@code
 * dev.cairn.audit} wrote against trust anchors obtained out of band (log keys, their kids, or a trust
 * bundle per {@code spec/trust-bundle.md}, under which log keys certified by the trust domain's CA
 * are checked as X.509 chains per RFC 5280 and {@code spec/tls-identity.md}, with revocation per
 * {@code spec/revocation.md}) and returns a {@link
 * dev.cairn.verifier.bundle.VerifiedAuditBundle}. One checkpoint signature (COSE_Sign1, RFC 9052)
 * proves the whole range through the MMR of draft-bryce-cose-receipts-mmr-profile and the marker
 * hash chain; the bundle is an RFC 8742 CBOR sequence.
 */
package dev.cairn.verifier.bundle;
