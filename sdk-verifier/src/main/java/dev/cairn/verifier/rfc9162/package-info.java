/**
 * RFC 9162 (and RFC 6962) Merkle tree inclusion and consistency proofs with SHA-256, verified as the
 * RFC specifies, so that one verifier checks Certificate Transparency-style logs and C2SP
 * tlog-checkpoint logs too. See {@code spec/verifier.md}, section "RFC 9162 proofs".
 *
 * <ul>
 *   <li>{@link dev.cairn.verifier.rfc9162.MerkleTreeHash}: leaf, node and root hashes (RFC 9162 section
 *       2.1.1);
 *   <li>{@link dev.cairn.verifier.rfc9162.InclusionProof} and {@link
 *       dev.cairn.verifier.rfc9162.ConsistencyProof}: proofs whose shape is checked on construction
 *       (sections 2.1.3.1 and 2.1.4.1);
 *   <li>{@link dev.cairn.verifier.rfc9162.Rfc9162Verifier}: the verification algorithms of sections
 *       2.1.3.2 and 2.1.4.2, returning {@link dev.cairn.verifier.rfc9162.VerifiedInclusion} or {@link
 *       dev.cairn.verifier.rfc9162.VerifiedConsistency}.
 * </ul>
 */
package dev.cairn.verifier.rfc9162;
