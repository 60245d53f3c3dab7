/** Trust bundles: the CA certificates of a trust domain, current and next, as a JWKS (RFC 7517, {@code x5c}) and PEM, with a monotonic sequence, signed as COSE_Sign1 so that the holder of the old bundle can authenticate the new one (see {@code spec/trust-bundle.md}). */
package dev.cairn.trust.bundle;
