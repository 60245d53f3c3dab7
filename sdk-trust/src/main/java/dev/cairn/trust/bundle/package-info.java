/** Trust bundles: the current and next CA certificates as JWKS and PEM, with a monotonic sequence, signed as COSE_Sign1 (see {@code spec/trust-bundle.md}). */
package dev.cairn.trust.bundle;
