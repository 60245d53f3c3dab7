package dev.cairn.verifier.note;

import dev.cairn.bytes.Bytes;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Splits a C2SP signed note into its text and signature lines, strictly and within bounds: UTF-8, no
 * control character but newline, a text ending with a newline, the last blank line, then 1 to 100
 * lines {@code — name base64}. Every violation is {@code NOTE_MALFORMED} with the byte offset.
 */
final class NoteParser {
    /** Longest text accepted, in bytes: 1 MiB. */
    static final int MAX_TEXT = 1 << 20;

    /** Most signature lines accepted. */
    static final int MAX_SIGNATURES = 100;

    /** Longest signature line accepted, in bytes without its newline; room for post-quantum signatures. */
    static final int MAX_LINE = 8192;

    /** Longest note accepted: the longest text, the blank line, and the most and longest signature lines. */
    static final int MAX_NOTE = MAX_TEXT + 1 + MAX_SIGNATURES * (MAX_LINE + 1);

    private static final String DASH = "\u2014 ";

    private NoteParser() {}

    /**
     * Parses a note.
     *
     * @param note the note's bytes
     * @return the text and the signature lines, unverified
     */
    static ParsedNote parse(byte[] note) {
        Objects.requireNonNull(note, "note");
        if (note.length > MAX_NOTE) {
            throw NoteText.malformed("note of " + note.length + " bytes, at most " + MAX_NOTE, -1);
        }
        for (int i = 0; i < note.length; i++) {
            if ((note[i] & 0xff) < 0x20 && note[i] != '\n') {
                throw NoteText.malformed("control character 0x" + Integer.toHexString(note[i]) + ", want none", i);
            }
        }
        checkUtf8(note);
        if (note.length == 0 || note[note.length - 1] != '\n') {
            throw NoteText.malformed("the note does not end with a newline", note.length);
        }
        int blank = lastBlankLine(note);
        if (blank < 0) {
            throw NoteText.malformed("no blank line between text and signatures", -1);
        }
        int textLength = blank + 1;
        if (textLength > MAX_TEXT) {
            throw NoteText.malformed("text of " + textLength + " bytes, at most " + MAX_TEXT, MAX_TEXT);
        }
        List<NoteSignature> signatures = new ArrayList<>();
        int start = blank + 2;
        if (start == note.length) {
            throw NoteText.malformed("no signature line after the blank line", start);
        }
        while (start < note.length) {
            int end = start;
            while (note[end] != '\n') {
                end++;
            }
            if (signatures.size() == MAX_SIGNATURES) {
                throw NoteText.malformed("more than " + MAX_SIGNATURES + " signature lines", start);
            }
            signatures.add(signatureLine(note, start, end));
            start = end + 1;
        }
        String text = new String(note, 0, textLength, StandardCharsets.UTF_8);
        return new ParsedNote(text, Bytes.copyOf(note, 0, textLength), signatures);
    }

    /** Index of the first newline of the last {@code "\n\n"}, or -1; the text ends just after it. */
    private static int lastBlankLine(byte[] note) {
        for (int i = note.length - 2; i >= 0; i--) {
            if (note[i] == '\n' && note[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static NoteSignature signatureLine(byte[] note, int start, int end) {
        if (end - start > MAX_LINE) {
            throw NoteText.malformed("signature line of " + (end - start) + " bytes, at most " + MAX_LINE, start);
        }
        String line = new String(note, start, end - start, StandardCharsets.UTF_8);
        if (!line.startsWith(DASH)) {
            throw NoteText.malformed("a signature line must start with an em dash and a space", start);
        }
        int space = line.indexOf(' ', DASH.length());
        if (space < 0) {
            throw NoteText.malformed("no space between key name and signature", start);
        }
        String name = line.substring(DASH.length(), space);
        if (!NoteText.isValidName(name)) {
            throw NoteText.malformed("invalid key name in a signature line", start);
        }
        byte[] blob = NoteText.decodeBase64(line.substring(space + 1));
        if (blob == null) {
            throw NoteText.malformed("the signature is not canonical padded base64", start);
        }
        if (blob.length < 5) {
            throw NoteText.malformed("signature of " + blob.length + " bytes, want a 4-byte key hash and more", start);
        }
        int keyHash = ByteBuffer.wrap(blob).getInt();
        return new NoteSignature(name, keyHash, Bytes.copyOf(blob, 4, blob.length - 4));
    }

    private static void checkUtf8(byte[] note) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(note);
        CharBuffer out = CharBuffer.allocate(note.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw NoteText.malformed("not well-formed UTF-8", in.position());
        }
    }
}
