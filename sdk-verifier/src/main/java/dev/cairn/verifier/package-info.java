/**
 * Offline verification for auditors: small, typed entry points over sdk-core and sdk-trust that
 * check what a Cairn log exported against trust anchors obtained out of band.
 *
 * <p>{@link dev.cairn.verifier.TrustAnchors} holds the anchors: the log's verification keys
 * (COSE_Key bytes or the key of a certificate, {@link dev.cairn.verifier.AnchorKeys}), a trust
 * bundle and its signed updates ({@link dev.cairn.verifier.TrustBundles}), and a signed
 * revocation head with its entries ({@link dev.cairn.verifier.RevocationHeads}). On them run
 * {@link dev.cairn.verifier.FullReceiptVerifier} (full receipts, optionally with the signer's
 * certificate chain), {@link dev.cairn.verifier.CheckpointChainVerifier} (checkpoints and chains
 * of checkpoints), {@link dev.cairn.verifier.MmrProofs} (MMR inclusion and consistency proofs),
 * {@link dev.cairn.verifier.CoseReceipts} (COSE Receipts of the MMR profile) and {@link
 * dev.cairn.verifier.CertificateChains} (certificates against the bundle). Each returns a verified
 * value or throws a coded {@link dev.cairn.errors.CairnException}; none returns a boolean.
 *
 * <p>Specs: {@code spec/receipts.md}, {@code spec/mmr.md}, {@code spec/trust-bundle.md}, {@code
 * spec/revocation.md}, {@code spec/tls-identity.md}; the command line over this package is {@code
 * spec/verifier-cli.md}. RFCs: 9052 (COSE_Sign1), 9942 (COSE Receipts) with
 * draft-bryce-cose-receipts-mmr-profile, 5280 (certificates).
 */
package dev.cairn.verifier;
