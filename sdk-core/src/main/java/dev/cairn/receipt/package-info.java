/**
 * Execution receipts: signed statements of single actions, appended to a marker stream and
 * integrated into its MMR ({@link dev.cairn.receipt.ReceiptLog}), full receipts that prove a
 * statement is in the log under a signed checkpoint, and their offline verification ({@link
 * dev.cairn.receipt.ReceiptVerifier}). See {@code spec/receipts.md}; COSE_Sign1 per RFC 9052, MMR
 * proofs per draft-bryce-cose-receipts-mmr-profile, receipt conventions per RFC 9942.
 */
package dev.cairn.receipt;
