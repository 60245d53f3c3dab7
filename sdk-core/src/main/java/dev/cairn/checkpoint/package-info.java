/**
 * Checkpoints: the signed state of a log (log id, MMR size, accumulator, epoch, time), their
 * verification against trust anchors, and their crash-safe publication. See {@code
 * spec/receipts.md}; signatures are COSE_Sign1 (RFC 9052) in Cairn's profile ({@code spec/cose.md}).
 */
package dev.cairn.checkpoint;
