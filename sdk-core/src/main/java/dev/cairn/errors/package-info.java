/**
 * The error registry and the three exception families.
 *
 * <p>Every failure Cairn raises on purpose is a {@link dev.cairn.errors.CairnException} carrying one
 * {@link dev.cairn.errors.ErrorCode}: {@link dev.cairn.errors.MalformedInputException} (input cannot
 * be read), {@link dev.cairn.errors.VerificationException} (well formed but refused) or {@link
 * dev.cairn.errors.InternalException} (Cairn failed). Codes, their retry semantics and hints are
 * normative; see {@code spec/errors.md}.
 */
package dev.cairn.errors;
