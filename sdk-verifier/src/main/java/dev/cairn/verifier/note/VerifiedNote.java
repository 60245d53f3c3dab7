package dev.cairn.verifier.note;

import dev.cairn.bytes.Bytes;
import java.util.List;

/**
 * A note whose text at least one trusted key signed: every signature line of a given key verified over
 * {@link #textBytes()}, and at least one did. Only {@link NoteVerifier} creates one, so holding one is
 * the proof that its text may be read.
 */
public final class VerifiedNote {
    private final String text;
    private final Bytes textBytes;
    private final List<NoteVerifierKey> verifiedBy;

    VerifiedNote(String text, Bytes textBytes, List<NoteVerifierKey> verifiedBy) {
        this.text = text;
        this.textBytes = textBytes;
        this.verifiedBy = List.copyOf(verifiedBy);
    }

    /**
     * The signed text, including its final newline but not the blank line after it.
     *
     * @return the text
     */
    public String text() {
        return text;
    }

    /**
     * The signed bytes: the text in UTF-8, exactly as the note carried it.
     *
     * @return the bytes the signatures cover
     */
    public Bytes textBytes() {
        return textBytes;
    }

    /**
     * The given keys whose signatures verified, in the order of their first signature line; each once.
     *
     * @return one or more keys
     */
    public List<NoteVerifierKey> verifiedBy() {
        return verifiedBy;
    }

    @Override
    public String toString() {
        return "VerifiedNote[" + textBytes.length() + " bytes, verifiedBy="
                + verifiedBy.stream().map(NoteVerifierKey::name).toList() + "]";
    }
}
