package dev.cairn.cbor.internal;

import static dev.cairn.errors.ErrorCode.CBOR_DUPLICATE_KEY;
import static dev.cairn.errors.ErrorCode.CBOR_INDEFINITE_LENGTH;
import static dev.cairn.errors.ErrorCode.CBOR_INT_OUT_OF_RANGE;
import static dev.cairn.errors.ErrorCode.CBOR_INVALID_UTF8;
import static dev.cairn.errors.ErrorCode.CBOR_KEY_ORDER;
import static dev.cairn.errors.ErrorCode.CBOR_KEY_TYPE;
import static dev.cairn.errors.ErrorCode.CBOR_NON_CANONICAL;
import static dev.cairn.errors.ErrorCode.CBOR_RESERVED_VALUE;
import static dev.cairn.errors.ErrorCode.CBOR_STRING_TOO_LONG;
import static dev.cairn.errors.ErrorCode.CBOR_TAG_NOT_ALLOWED;
import static dev.cairn.errors.ErrorCode.CBOR_TOO_DEEP;
import static dev.cairn.errors.ErrorCode.CBOR_TOO_LARGE;
import static dev.cairn.errors.ErrorCode.CBOR_TOO_MANY_ITEMS;
import static dev.cairn.errors.ErrorCode.CBOR_TRAILING_BYTES;
import static dev.cairn.errors.ErrorCode.CBOR_TRUNCATED;

import dev.cairn.bytes.Bytes;
import dev.cairn.cbor.CborArray;
import dev.cairn.cbor.CborBytes;
import dev.cairn.cbor.CborInt;
import dev.cairn.cbor.CborLimits;
import dev.cairn.cbor.CborMap;
import dev.cairn.cbor.CborTag;
import dev.cairn.cbor.CborText;
import dev.cairn.cbor.CborValue;
import dev.cairn.errors.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Decodes exactly one data item in Cairn's deterministic CBOR profile in a single pass over a
 * {@code byte[]}, and rejects everything else with a {@link MalformedInputException} carrying a
 * {@code CBOR_*} code and the byte offset of the offending item (see {@code spec/cbor.md}).
 *
 * <p>Bounded: the input size is checked first; every declared length or count is checked against
 * the limits and the bytes that remain before anything is allocated for it; recursion is at most
 * {@link CborLimits#maxDepth()} deep. Nothing but {@link MalformedInputException} escapes.
 */
public final class StrictReader {
    private static final Function<List<CborMap.Entry>, CborMap> CANONICAL_MAPS = CborAccess.canonicalMaps();
    private static final CborArray EMPTY_ARRAY = new CborArray(List.of());

    private final byte[] in;
    private final CborLimits limits;
    private final int maxDepth;
    private final int maxStringBytes;
    private final Set<Long> allowedTags;
    private int pos;
    private int itemsLeft;

    private StrictReader(byte[] in, CborLimits limits) {
        this.in = in;
        this.limits = limits;
        this.maxDepth = limits.maxDepth();
        this.maxStringBytes = limits.maxStringBytes();
        this.allowedTags = limits.allowedTags();
        this.itemsLeft = limits.maxItems();
    }

    /**
     * Decodes one canonical data item.
     *
     * @param input exactly one encoded data item
     * @param limits the bounds to enforce
     * @return the value
     * @throws MalformedInputException with a {@code CBOR_*} code and the offset of the offending item
     */
    public static CborValue decode(byte[] input, CborLimits limits) {
        return decode(input, 0, limits);
    }

    /**
     * Decodes one canonical data item that fills {@code input} from {@code from} to its end. Offsets
     * in errors count from the start of {@code input}; the size limit applies to the whole array.
     *
     * @param input the bytes; those before {@code from} belong to an enclosing structure
     * @param from where the data item starts
     * @param limits the bounds to enforce
     * @return the value
     * @throws MalformedInputException with a {@code CBOR_*} code and the offset of the offending item
     */
    public static CborValue decode(byte[] input, int from, CborLimits limits) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(limits, "limits");
        Objects.checkIndex(from, input.length + 1);
        if (input.length > limits.maxInputBytes()) {
            throw Reject.at(CBOR_TOO_LARGE, 0, input.length + " bytes", "at most " + limits.maxInputBytes() + " bytes");
        }
        StrictReader reader = new StrictReader(input, limits);
        reader.pos = from;
        CborValue value;
        try {
            value = reader.item(0);
        } catch (StackOverflowError e) {
            // Only reachable when a caller sets maxDepth beyond what the thread's stack holds.
            throw Reject.at(CBOR_TOO_DEEP, reader.pos, "nesting beyond the thread's stack", "less nesting");
        }
        if (reader.pos != input.length) {
            throw Reject.at(
                    CBOR_TRAILING_BYTES,
                    reader.pos,
                    (input.length - reader.pos) + " bytes after the data item",
                    "end of input");
        }
        return value;
    }

    private CborValue item(int depth) {
        int start = pos;
        if (start >= in.length) {
            throw Reject.at(CBOR_TRUNCATED, start, "end of input", "a data item");
        }
        if (--itemsLeft < 0) {
            throw Reject.at(CBOR_TOO_MANY_ITEMS, start, "more data items", "at most " + limits.maxItems());
        }
        if (depth > maxDepth) {
            throw Reject.at(CBOR_TOO_DEEP, start, "an item at depth " + depth, "depth at most " + maxDepth);
        }
        int initial = in[start] & 0xff;
        int major = initial >>> 5;
        int info = initial & 0x1f;
        pos = start + 1;
        if (major == 7) {
            return SimpleValues.read(in, start, info);
        }
        long arg = argument(start, major, info);
        switch (major) {
            case 0:
                if (arg < 0) {
                    throw Reject.at(
                            CBOR_INT_OUT_OF_RANGE, start, Long.toUnsignedString(arg), "at most " + Long.MAX_VALUE);
                }
                return new CborInt(arg);
            case 1:
                if (arg < 0) {
                    throw Reject.at(
                            CBOR_INT_OUT_OF_RANGE,
                            start,
                            "-1-" + Long.toUnsignedString(arg),
                            "at least " + Long.MIN_VALUE);
                }
                return new CborInt(~arg); // -1 - arg
            case 2:
                return bytes(start, arg);
            case 3:
                return text(start, arg);
            case 4:
                return array(start, arg, depth);
            case 5:
                return map(start, arg, depth);
            default:
                return tag(start, arg, depth);
        }
    }

    /** Reads the argument of a head of major type 0-6 (RFC 8949 section 3) and checks it is shortest. */
    private long argument(int start, int major, int info) {
        if (info < 24) {
            return info;
        }
        long arg;
        long min;
        switch (info) {
            case 24:
                need(start, 1);
                arg = in[pos] & 0xff;
                min = 24;
                pos += 1;
                break;
            case 25:
                need(start, 2);
                arg = ((in[pos] & 0xff) << 8) | (in[pos + 1] & 0xff);
                min = 0x100;
                pos += 2;
                break;
            case 26:
                need(start, 4);
                arg = readBigEndian(4);
                min = 0x1_0000;
                break;
            case 27:
                need(start, 8);
                arg = readBigEndian(8);
                min = 0x1_0000_0000L;
                break;
            case 31:
                if (major >= 2 && major <= 5) {
                    throw Reject.at(CBOR_INDEFINITE_LENGTH, start, "an indefinite length", "a definite length");
                }
                throw Reject.at(
                        CBOR_RESERVED_VALUE, start, "additional information 31 on major type " + major, "0..27");
            default:
                throw Reject.at(CBOR_RESERVED_VALUE, start, "additional information " + info, "0..27");
        }
        // Unsigned comparison: an 8-byte argument can be up to 2^64-1.
        if (Long.compareUnsigned(arg, min) < 0) {
            throw Reject.at(
                    CBOR_NON_CANONICAL,
                    start,
                    "argument " + arg + " in " + (1 << (info - 24)) + " bytes",
                    "its shortest head");
        }
        return arg;
    }

    private long readBigEndian(int n) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = (v << 8) | (in[pos + i] & 0xff);
        }
        pos += n;
        return v;
    }

    private void need(int start, int n) {
        if (in.length - pos < n) {
            throw Reject.at(CBOR_TRUNCATED, start, (in.length - pos) + " bytes left", n + " more bytes");
        }
    }

    private int stringLength(int start, long length) {
        if (length < 0 || length > maxStringBytes) {
            throw Reject.at(
                    CBOR_STRING_TOO_LONG,
                    start,
                    "a string of " + Long.toUnsignedString(length) + " bytes",
                    "at most " + maxStringBytes);
        }
        if (length > in.length - pos) {
            throw Reject.at(CBOR_TRUNCATED, start, (in.length - pos) + " bytes left", length + " string bytes");
        }
        return (int) length;
    }

    private CborBytes bytes(int start, long length) {
        int n = stringLength(start, length);
        Bytes value = Bytes.copyOf(in, pos, n);
        pos += n;
        return new CborBytes(value);
    }

    private CborText text(int start, long length) {
        int n = stringLength(start, length);
        int bad = Utf8.firstInvalid(in, pos, pos + n);
        if (bad >= 0) {
            throw Reject.at(CBOR_INVALID_UTF8, start, "an ill-formed UTF-8 sequence at byte " + bad, "UTF-8");
        }
        String value = new String(in, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return new CborText(value);
    }

    private CborArray array(int start, long count, int depth) {
        if (count < 0 || count > itemsLeft) {
            throw Reject.at(
                    CBOR_TOO_MANY_ITEMS,
                    start,
                    "an array of " + Long.toUnsignedString(count) + " items",
                    "at most " + limits.maxItems() + " items in all");
        }
        if (count > in.length - pos) {
            throw Reject.at(CBOR_TRUNCATED, start, (in.length - pos) + " bytes left", count + " items");
        }
        int n = (int) count;
        if (n == 0) {
            return EMPTY_ARRAY;
        }
        CborValue[] items = new CborValue[n];
        for (int i = 0; i < n; i++) {
            items[i] = item(depth + 1);
        }
        return new CborArray(List.of(items));
    }

    private CborMap map(int start, long count, int depth) {
        if (count < 0 || count > itemsLeft / 2) {
            throw Reject.at(
                    CBOR_TOO_MANY_ITEMS,
                    start,
                    "a map of " + Long.toUnsignedString(count) + " entries",
                    "at most " + limits.maxItems() + " items in all");
        }
        if (count > (in.length - pos) / 2) {
            throw Reject.at(CBOR_TRUNCATED, start, (in.length - pos) + " bytes left", count + " entries");
        }
        int n = (int) count;
        CborMap.Entry[] entries = new CborMap.Entry[n];
        int previousStart = 0;
        int previousEnd = 0;
        for (int i = 0; i < n; i++) {
            int keyStart = pos;
            if (keyStart < in.length) {
                int keyMajor = (in[keyStart] & 0xff) >>> 5;
                if (keyMajor != 0 && keyMajor != 1 && keyMajor != 3) {
                    throw Reject.at(CBOR_KEY_TYPE, keyStart, "a key of major type " + keyMajor, "an integer or text");
                }
            }
            CborValue key = item(depth + 1);
            int keyEnd = pos;
            if (i > 0) {
                int order = Arrays.compareUnsigned(in, previousStart, previousEnd, in, keyStart, keyEnd);
                if (order == 0) {
                    throw Reject.at(CBOR_DUPLICATE_KEY, keyStart, "a repeated key", "unique keys");
                }
                if (order > 0) {
                    throw Reject.at(
                            CBOR_KEY_ORDER, keyStart, "a key below the previous one", "keys in ascending byte order");
                }
            }
            previousStart = keyStart;
            previousEnd = keyEnd;
            entries[i] = new CborMap.Entry(key, item(depth + 1));
        }
        return CANONICAL_MAPS.apply(List.of(entries));
    }

    private CborTag tag(int start, long number, int depth) {
        if (number < 0 || allowedTags.isEmpty() || !allowedTags.contains(number)) {
            throw Reject.at(
                    CBOR_TAG_NOT_ALLOWED, start, "tag " + Long.toUnsignedString(number), "one of " + allowedTags);
        }
        return new CborTag(number, item(depth + 1));
    }
}
