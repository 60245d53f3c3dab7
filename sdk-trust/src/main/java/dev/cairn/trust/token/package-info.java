/**
 * Operator bearer tokens: JWTs (RFC 7519) in the JWS compact serialization (RFC 7515), explicitly
 * typed {@code cairn-operator+jwt} (RFC 8725), signed with EdDSA (RFC 8037) or ES256 (RFC 7518)
 * through sdk-core's keys, with a fixed registry of scopes (RFC 8693 / RFC 9068 style).
 * {@link dev.cairn.trust.token.OperatorTokenIssuer} issues them and publishes the public keys as a
 * JWK Set (RFC 7517); {@link dev.cairn.trust.token.OperatorTokenValidator} validates them with
 * explicit issuer, audience and scope expectations, bounded skew and an injected clock, returning a
 * {@link dev.cairn.trust.token.VerifiedOperatorToken} or a typed error. See {@code spec/tokens.md}.
 */
package dev.cairn.trust.token;
