/**
 * Audit bundles: a range of a log's markers or receipts with the signed checkpoint that covers it,
 * the MMR proofs that tie the range to that checkpoint, and the trust material a verifier needs, in
 * one RFC 8742 CBOR sequence that streams ({@code spec/audit-bundle.md}). This package holds the
 * format ({@link dev.cairn.audit.AuditBundleHeader}, {@link dev.cairn.audit.AuditBundleEntry},
 * {@link dev.cairn.audit.AuditBundleTrailer}), the streaming {@link dev.cairn.audit.AuditBundleWriter}
 * and {@link dev.cairn.audit.AuditBundleReader}, and {@link dev.cairn.audit.AuditBundleExporter},
 * which exports a range from a log; verification lives in the verifier module. Canonical CBOR per
 * {@code spec/cbor.md}, MMR proofs per {@code spec/mmr.md} (draft-bryce-cose-receipts-mmr-profile),
 * checkpoints and statements per {@code spec/receipts.md}.
 */
package dev.cairn.audit;
