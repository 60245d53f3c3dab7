/** Operator bearer tokens: JWTs issued and validated through Nimbus with explicit issuer, audience and scope, and their JWKS (see {@code spec/tokens.md}). */
package dev.cairn.trust.token;
