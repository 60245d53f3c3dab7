/**
 * Trust bundles: the CA certificates of a trust domain, current and next, with a monotonic sequence
 * and a refresh hint ({@code spec/trust-bundle.md}).
 *
 * <ul>
 *   <li>{@link dev.cairn.trust.bundle.TrustBundle}: the value, validated on construction.
 *   <li>{@link dev.cairn.trust.bundle.TrustBundleJwks}: the JWKS form, a JWK Set (RFC 7517) with one
 *       public JWK per CA and its certificate in {@code x5c}, rendered as canonical JSON (RFC 8785)
 *       and parsed strictly.
 *   <li>{@link dev.cairn.trust.bundle.TrustBundlePem}: the PEM form (RFC 7468) for TLS stacks.
 *   <li>{@link dev.cairn.trust.bundle.TrustBundleSigner}: the JWKS as the payload of a COSE_Sign1
 *       (RFC 9052, {@code spec/cose.md}) signed by a CA key, so that the holder of the old bundle can
 *       authenticate the new one.
 *   <li>{@link dev.cairn.trust.bundle.TrustBundleState}: a relying party's held bundle and its
 *       verified, monotonic updates.
 * </ul>
 */
package dev.cairn.trust.bundle;
