package dev.cairn.verifier.bundle;

/**
 * Reads canonical CBOR heads in place, for the fast parsers. It accepts only shortest-form heads of
 * the expected major type with arguments below 2^63 and answers -1 to anything else, so that the
 * caller hands the item to the strict generic decoder, which decides. Not thread-safe.
 */
class CborCursor {
    byte[] b;
    int pos;
    int end;

    final void reset(byte[] bytes, int from, int to) {
        this.b = bytes;
        this.pos = from;
        this.end = to;
    }

    /** The argument of a head of {@code major}, or -1. */
    final long head(int major) {
        if (pos >= end) {
            return -1;
        }
        int initial = b[pos] & 0xff;
        if (initial >>> 5 != major) {
            return -1;
        }
        int info = initial & 0x1f;
        pos++;
        if (info < 24) {
            return info;
        }
        int bytes;
        long shortest;
        switch (info) {
            case 24 -> {
                bytes = 1;
                shortest = 24;
            }
            case 25 -> {
                bytes = 2;
                shortest = 1 << 8;
            }
            case 26 -> {
                bytes = 4;
                shortest = 1 << 16;
            }
            case 27 -> {
                bytes = 8;
                shortest = 1L << 32;
            }
            default -> {
                return -1;
            }
        }
        if (end - pos < bytes) {
            return -1;
        }
        long value = 0;
        for (int k = 0; k < bytes; k++) {
            value = value << 8 | (b[pos++] & 0xff);
        }
        return value < shortest ? -1 : value;
    }

    /** The length of a byte or text string whose bytes are all present, its bytes then skipped; or -1. */
    final int string(int major) {
        long length = head(major);
        if (length < 0 || length > end - pos) {
            return -1;
        }
        pos += (int) length;
        return (int) length;
    }

    /** Whether the next byte is {@code value}, consuming it if so. */
    final boolean next(int value) {
        if (pos < end && (b[pos] & 0xff) == value) {
            pos++;
            return true;
        }
        return false;
    }

    /** Whether a 32-byte byte string follows, consuming it if so. */
    final boolean hash() {
        if (end - pos >= 34 && b[pos] == 0x58 && b[pos + 1] == 0x20) {
            pos += 34;
            return true;
        }
        return false;
    }
}
