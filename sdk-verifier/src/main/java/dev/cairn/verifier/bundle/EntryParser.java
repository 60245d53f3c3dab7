package dev.cairn.verifier.bundle;

import dev.cairn.marker.Marker;

/**
 * Recognises an entry item in canonical form ({@code spec/audit-bundle.md}, "Entries") and records
 * where its fields are: {@code [statement, seq, time, kind, prev_hash]} for a receipt, the marker
 * content {@code [seq, time, kind, payload_digest, prev_hash]} for a marker entry. {@link #parse}
 * answers false to anything else, including a kind the marker rules refuse.
 */
final class EntryParser extends CborCursor {
    long seq;
    long time;
    /** The statement's bytes, or -1 for a marker entry. */
    int statementOff;

    int statementLen;
    /** The bytes from {@code seq} to the end of {@code kind}, canonical already: part of the marker content. */
    int fieldsOff;

    int fieldsLen;
    /** The kind text string: its head and bytes, and its bytes alone. */
    int kindItemOff;

    int kindOff;
    int kindLen;
    int prevOff;

    boolean parse(byte[] bytes, int from, int to) {
        reset(bytes, from, to);
        if (!next(0x85)) {
            return false;
        }
        statementLen = -1;
        if (pos < end && (b[pos] & 0xe0) == 0x40) {
            statementLen = string(2);
            if (statementLen < 1) {
                return false;
            }
            statementOff = pos - statementLen;
        }
        fieldsOff = pos;
        seq = head(0);
        time = head(0);
        if (seq < 0 || time < 0 || !kind()) {
            return false;
        }
        fieldsLen = pos - fieldsOff;
        if (statementLen < 0 && !hash()) {
            return false;
        }
        prevOff = pos + 2;
        return hash() && pos == end;
    }

    private boolean kind() {
        kindItemOff = pos;
        kindLen = string(3);
        if (kindLen < 1 || kindLen > Marker.MAX_KIND_LENGTH) {
            return false;
        }
        kindOff = pos - kindLen;
        for (int k = kindOff; k < pos; k++) {
            if (b[k] < 0x20 || b[k] > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
