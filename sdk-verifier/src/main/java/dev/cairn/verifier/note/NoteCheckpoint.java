package dev.cairn.verifier.note;

import dev.cairn.bytes.Digest;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A transparency log checkpoint (C2SP tlog-checkpoint): the origin of the log, the tree size and the
 * RFC 6962 / RFC 9162 root hash of the tree of that size, and optional extension lines. It is read from
 * a {@link VerifiedNote} only ({@link #from}), so a checkpoint never comes from a note no trusted key
 * signed. Its size and root feed {@code dev.cairn.verifier.rfc9162.Rfc9162Verifier}.
 *
 * @param origin the log's identity, the first line; any non-empty line (the spec recommends, but does
 *     not require, a schema-less URL)
 * @param size the number of leaves, 0 to 2^63 - 1
 * @param rootHash the root hash of the tree of {@code size} leaves
 * @param extensions the extension lines after the root hash, each non-empty; usually none
 */
public record NoteCheckpoint(String origin, long size, Digest rootHash, List<String> extensions) {
    /** The longest decimal tree size accepted: 2^63 - 1 has 19 digits. */
    private static final int MAX_SIZE_DIGITS = 19;

    /**
     * Checks the lines and copies the extensions.
     *
     * @param origin a non-empty line
     * @param size the tree size, at least 0
     * @param rootHash the root hash
     * @param extensions non-empty lines
     * @throws MalformedInputException {@link ErrorCode#NOTE_MALFORMED} if a line is empty or holds a
     *     newline or another control character, or the size is negative
     */
    public NoteCheckpoint {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(rootHash, "rootHash");
        extensions = List.copyOf(extensions);
        if (origin.isEmpty() || !NoteText.isValidLine(origin)) {
            throw NoteText.malformed("the origin line is empty or holds a control character", -1);
        }
        if (size < 0) {
            throw NoteText.malformed("tree size " + size + " is negative", -1);
        }
        for (String extension : extensions) {
            if (extension.isEmpty() || !NoteText.isValidLine(extension)) {
                throw NoteText.malformed("an extension line is empty or holds a control character", -1);
            }
        }
    }

    /**
     * Reads the checkpoint a verified note's text holds.
     *
     * @param note a note verified by a key trusted for this log
     * @return the checkpoint
     * @throws MalformedInputException {@link ErrorCode#NOTE_MALFORMED} if the text is not a checkpoint:
     *     fewer than three lines, an empty origin, a size that is not decimal without leading zeros or is
     *     above 2^63 - 1, a root that is not canonical padded base64 of 32 bytes, or an empty extension
     *     line
     */
    public static NoteCheckpoint from(VerifiedNote note) {
        Objects.requireNonNull(note, "note");
        return parse(note.text());
    }

    /**
     * Parses a checkpoint body. Package-private: callers go through {@link #from(VerifiedNote)}.
     *
     * @param text the note text, ending with a newline
     * @return the checkpoint
     */
    static NoteCheckpoint parse(String text) {
        if (!text.endsWith("\n")) {
            throw NoteText.malformed("the checkpoint does not end with a newline", -1);
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw NoteText.malformed("checkpoint of " + lines.length + " lines, want origin, size and root", -1);
        }
        long size = parseSize(lines[1]);
        byte[] root = NoteText.decodeBase64(lines[2]);
        if (root == null || root.length != Digest.LENGTH) {
            throw NoteText.malformed("the root hash is not canonical padded base64 of 32 bytes", -1);
        }
        return new NoteCheckpoint(
                lines[0], size, Digest.of(root), Arrays.asList(lines).subList(3, lines.length));
    }

    private static long parseSize(String line) {
        if (line.isEmpty() || line.length() > MAX_SIZE_DIGITS || !line.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw NoteText.malformed("tree size is not 1 to 19 decimal digits", -1);
        }
        if (line.length() > 1 && line.charAt(0) == '0') {
            throw NoteText.malformed("tree size " + line + " has a leading zero", -1);
        }
        try {
            return Long.parseLong(line);
        } catch (NumberFormatException e) {
            throw NoteText.malformed("tree size " + line + " is above 2^63 - 1", -1);
        }
    }

    /**
     * Renders the checkpoint body, the text a log signs: origin, size, base64 root, extensions, each
     * followed by a newline.
     *
     * @return the note text
     */
    public String toText() {
        StringBuilder text = new StringBuilder()
                .append(origin)
                .append('\n')
                .append(size)
                .append('\n')
                .append(NoteText.encodeBase64(rootHash.toByteArray()))
                .append('\n');
        for (String extension : extensions) {
            text.append(extension).append('\n');
        }
        return text.toString();
    }
}
