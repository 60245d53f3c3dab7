/** RFC 9162 (and RFC 6962) Merkle tree inclusion and consistency proofs, verified as the RFC specifies, so that one verifier checks Certificate Transparency-style logs too (see {@code spec/verifier.md}). */
package dev.cairn.verifier.rfc9162;
