package dev.cairn.cbor.internal;

import dev.cairn.bytes.Bytes;
import dev.cairn.cbor.CborArray;
import dev.cairn.cbor.CborBool;
import dev.cairn.cbor.CborBytes;
import dev.cairn.cbor.CborInt;
import dev.cairn.cbor.CborMap;
import dev.cairn.cbor.CborNull;
import dev.cairn.cbor.CborTag;
import dev.cairn.cbor.CborText;
import dev.cairn.cbor.CborValue;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Writes the one deterministic encoding of a {@link CborValue} (RFC 8949 section 4.2.1): shortest
 * heads for integers, lengths and tags, definite lengths only, map entries in the canonical order
 * {@link CborMap} keeps, text as UTF-8. Writes into one growable array; no streams.
 */
public final class CanonicalWriter {
    private static final int MAJOR_UNSIGNED = 0;
    private static final int MAJOR_NEGATIVE = 1;
    private static final int MAJOR_BYTES = 2;
    private static final int MAJOR_TEXT = 3;
    private static final int MAJOR_ARRAY = 4;
    private static final int MAJOR_MAP = 5;
    private static final int MAJOR_TAG = 6;
    private static final byte FALSE = (byte) 0xf4;
    private static final byte TRUE = (byte) 0xf5;
    private static final byte NULL = (byte) 0xf6;

    private byte[] buf;
    private int pos;

    private CanonicalWriter(int capacity) {
        this.buf = new byte[capacity];
    }

    /**
     * Encodes a value canonically.
     *
     * @param value the value
     * @return a new array holding its one canonical encoding
     */
    public static byte[] encode(CborValue value) {
        Objects.requireNonNull(value, "value");
        CanonicalWriter writer = new CanonicalWriter(128);
        writer.write(value);
        return Arrays.copyOf(writer.buf, writer.pos);
    }

    private void write(CborValue value) {
        if (value instanceof CborInt i) {
            long v = i.value();
            if (v >= 0) {
                head(MAJOR_UNSIGNED, v);
            } else {
                head(MAJOR_NEGATIVE, ~v); // -1 - v, never negative
            }
        } else if (value instanceof CborBytes b) {
            Bytes bytes = b.value();
            int n = bytes.length();
            head(MAJOR_BYTES, n);
            ensure(n);
            bytes.copyTo(buf, pos);
            pos += n;
        } else if (value instanceof CborText t) {
            text(t.value());
        } else if (value instanceof CborMap m) {
            List<CborMap.Entry> entries = m.entries();
            int n = entries.size();
            head(MAJOR_MAP, n);
            for (int i = 0; i < n; i++) {
                CborMap.Entry entry = entries.get(i);
                write(entry.key());
                write(entry.value());
            }
        } else if (value instanceof CborArray a) {
            List<CborValue> items = a.items();
            int n = items.size();
            head(MAJOR_ARRAY, n);
            for (int i = 0; i < n; i++) {
                write(items.get(i));
            }
        } else if (value instanceof CborBool b) {
            ensure(1);
            buf[pos++] = b.value() ? TRUE : FALSE;
        } else if (value instanceof CborNull) {
            ensure(1);
            buf[pos++] = NULL;
        } else {
            CborTag tag = (CborTag) value;
            head(MAJOR_TAG, tag.tag());
            write(tag.content());
        }
    }

    /** Writes a head with the shortest argument (RFC 8949 section 4.2.1); {@code arg} is never negative. */
    private void head(int major, long arg) {
        ensure(9);
        int mt = major << 5;
        byte[] b = buf;
        int p = pos;
        if (arg < 24) {
            b[p++] = (byte) (mt | (int) arg);
        } else if (arg < 0x100) {
            b[p++] = (byte) (mt | 24);
            b[p++] = (byte) arg;
        } else if (arg < 0x1_0000) {
            b[p++] = (byte) (mt | 25);
            b[p++] = (byte) (arg >>> 8);
            b[p++] = (byte) arg;
        } else if (arg < 0x1_0000_0000L) {
            b[p++] = (byte) (mt | 26);
            for (int shift = 24; shift >= 0; shift -= 8) {
                b[p++] = (byte) (arg >>> shift);
            }
        } else {
            b[p++] = (byte) (mt | 27);
            for (int shift = 56; shift >= 0; shift -= 8) {
                b[p++] = (byte) (arg >>> shift);
            }
        }
        pos = p;
    }

    private void text(String s) {
        int chars = s.length();
        long length = utf8Length(s);
        if (length > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("text too long to encode: " + length + " UTF-8 bytes");
        }
        int n = (int) length;
        head(MAJOR_TEXT, n);
        ensure(n);
        byte[] b = buf;
        int p = pos;
        if (n == chars) { // all ASCII
            for (int i = 0; i < chars; i++) {
                b[p++] = (byte) s.charAt(i);
            }
            pos = p;
            return;
        }
        for (int i = 0; i < chars; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                b[p++] = (byte) c;
            } else if (c < 0x800) {
                b[p++] = (byte) (0xc0 | (c >>> 6));
                b[p++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isHighSurrogate(c)) {
                // CborText guarantees the low surrogate follows.
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b[p++] = (byte) (0xf0 | (cp >>> 18));
                b[p++] = (byte) (0x80 | ((cp >>> 12) & 0x3f));
                b[p++] = (byte) (0x80 | ((cp >>> 6) & 0x3f));
                b[p++] = (byte) (0x80 | (cp & 0x3f));
            } else {
                b[p++] = (byte) (0xe0 | (c >>> 12));
                b[p++] = (byte) (0x80 | ((c >>> 6) & 0x3f));
                b[p++] = (byte) (0x80 | (c & 0x3f));
            }
        }
        pos = p;
    }

    private static long utf8Length(String s) {
        int chars = s.length();
        long n = chars;
        for (int i = 0; i < chars; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    n += 1;
                } else if (Character.isHighSurrogate(c)) {
                    n += 2; // two chars, four bytes
                    i++;
                } else {
                    n += 2;
                }
            }
        }
        return n;
    }

    private void ensure(int more) {
        if (buf.length - pos < more) {
            long wanted = Math.max((long) buf.length * 2, (long) pos + more);
            if (wanted > Integer.MAX_VALUE - 8) {
                if ((long) pos + more > Integer.MAX_VALUE - 8) {
                    throw new IllegalArgumentException("encoding exceeds the largest Java array");
                }
                wanted = Integer.MAX_VALUE - 8;
            }
            buf = Arrays.copyOf(buf, (int) wanted);
        }
    }
}
