package dev.cairn.verifier.note;

import dev.cairn.bytes.Bytes;
import java.util.List;

/**
 * A note split into its text and signature lines, nothing verified: it never leaves this package, so
 * no caller can read a text no key vouched for.
 *
 * @param text the text, ending with a newline
 * @param textBytes the UTF-8 bytes of the text: what the signatures sign
 * @param signatures the signature lines in order, 1 to {@link NoteParser#MAX_SIGNATURES}
 */
record ParsedNote(String text, Bytes textBytes, List<NoteSignature> signatures) {
    ParsedNote {
        signatures = List.copyOf(signatures);
    }
}
