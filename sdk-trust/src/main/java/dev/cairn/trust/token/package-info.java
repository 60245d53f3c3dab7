/** Operator bearer tokens: JWTs (RFC 7519) signed with EdDSA or ES256, validated with explicit issuer, audience and scope expectations, bounded skew and an injected clock; JWKS publication (see {@code spec/tokens.md}; RFC 7515, RFC 8037). */
package dev.cairn.trust.token;
