package dev.cairn.verifier.note;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** The lexical rules C2SP signed-note and tlog-checkpoint share: key names, lines, canonical base64. */
final class NoteText {
    private NoteText() {}

    /**
     * Whether a key name is valid: non-empty, and without Unicode White_Space, {@code +} (U+002B),
     * control characters or unpaired surrogates.
     *
     * @param name the candidate
     * @return {@code true} if it may name a key
     */
    static boolean isValidName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        return name.codePoints().noneMatch(cp -> cp == '+' || isUnicodeSpace(cp) || isForbidden(cp));
    }

    /**
     * Whether a line of text is valid: no newline, no other control character below U+0020, no unpaired
     * surrogate (so it encodes to UTF-8 as it is).
     *
     * @param line the candidate
     * @return {@code true} if it may be a line of a note's text
     */
    static boolean isValidLine(String line) {
        return line.codePoints().noneMatch(NoteText::isForbidden);
    }

    /** Unicode's White_Space property: Java's whitespace and space characters, and NEL (U+0085). */
    private static boolean isUnicodeSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85;
    }

    private static boolean isForbidden(int cp) {
        return cp < 0x20 || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE);
    }

    /**
     * Decodes standard base64 with padding (RFC 4648 section 4) in its one canonical form.
     *
     * @param text the encoded text
     * @return the bytes, or {@code null} if the text is not canonical padded base64
     */
    static byte[] decodeBase64(String text) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return Base64.getEncoder().encodeToString(decoded).equals(text) ? decoded : null;
    }

    /**
     * Encodes standard base64 with padding.
     *
     * @param bytes the bytes
     * @return the encoded text
     */
    static String encodeBase64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * A {@link ErrorCode#NOTE_MALFORMED} error.
     *
     * @param message "got X, want Y"
     * @param offset the byte offset in the note, or -1
     * @return the exception, for the caller to throw
     */
    static MalformedInputException malformed(String message, long offset) {
        return new MalformedInputException(ErrorCode.NOTE_MALFORMED, message, offset);
    }

    /**
     * A {@link ErrorCode#NOTE_KEY_MALFORMED} error with expected and found values.
     *
     * @param message "got X, want Y"
     * @param expected what the form requires
     * @param found what the key has
     * @return the exception, for the caller to throw
     */
    static MalformedInputException keyMalformed(String message, String expected, String found) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("expected", expected);
        details.put("found", found);
        return new MalformedInputException(ErrorCode.NOTE_KEY_MALFORMED, message, -1, details, null);
    }
}
