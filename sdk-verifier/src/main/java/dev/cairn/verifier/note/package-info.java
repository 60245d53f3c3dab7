/**
 * C2SP signed notes with Ed25519 signatures and the checkpoint text they carry (the format of Go's
 * checksum database and Tessera logs), verified against verifier keys in the {@code name+hash+base64}
 * form. See {@code spec/verifier.md}, section "Signed notes"; the formats are C2SP signed-note and
 * C2SP tlog-checkpoint, signatures RFC 8032 Ed25519.
 *
 * <ul>
 *   <li>{@link dev.cairn.verifier.note.NoteVerifierKey}: a trusted key, parsed strictly;
 *   <li>{@link dev.cairn.verifier.note.NoteVerifier}: parses a note within bounds and checks its
 *       signatures, returning a {@link dev.cairn.verifier.note.VerifiedNote};
 *   <li>{@link dev.cairn.verifier.note.NoteCheckpoint}: the tlog-checkpoint body, read from a verified
 *       note only.
 * </ul>
 */
package dev.cairn.verifier.note;
