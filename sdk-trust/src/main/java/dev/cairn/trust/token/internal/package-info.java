/**
 * Mechanics of operator tokens, not exported: a Nimbus {@code JWSSigner} and {@code JWSVerifier} over
 * sdk-core's Bouncy Castle keys (EdDSA per RFC 8037, ES256 per RFC 7518 section 3.4, with neither
 * Tink nor the JCA), the JWK form of sdk-core's public keys (RFC 7517, RFC 8037 section 2) and the
 * strict reading of a compact JWS (RFC 7515 section 7.1). See {@code spec/tokens.md}.
 */
package dev.cairn.trust.token.internal;
