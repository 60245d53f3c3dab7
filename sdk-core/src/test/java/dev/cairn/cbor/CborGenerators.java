package dev.cairn.cbor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/** QuickTheories generators for CBOR value trees, valid encodings and hostile byte inputs. */
final class CborGenerators {
    /** The tags {@link #valuesWithTags(int)} draws from. */
    static final Set<Long> TAGS = Set.of(0L, 1L, 2L, 24L, 32L, 255L, 256L, 55799L, 4294967296L, Long.MAX_VALUE);

    private static final long[] BOUNDARIES = {
        0, 23, 24, 255, 256, 65535, 65536, 4294967295L, 4294967296L, Long.MAX_VALUE
    };
    private static final int[] INTERESTING_BYTES = {
        0x00, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1f, 0x20, 0x38, 0x3b, 0x40, 0x58, 0x5f, 0x60, 0x78, 0x7f, 0x80,
        0x98, 0x9f, 0xa0, 0xa1, 0xb8, 0xbf, 0xc0, 0xd8, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfb, 0xff, 0xc3, 0xed
    };
    private static final List<Long> TAG_LIST = List.copyOf(TAGS);

    private CborGenerators() {}

    /** Trees of ints, bytes, text, booleans, null, arrays and maps, nested up to {@code depth}. */
    static Gen<CborValue> values(int depth) {
        return in -> value(in, depth, false);
    }

    /** Like {@link #values(int)}, with tags from {@link #TAGS} as well. */
    static Gen<CborValue> valuesWithTags(int depth) {
        return in -> value(in, depth, true);
    }

    /** Random bytes, and valid encodings with a few mutations: the inputs an attacker sends. */
    static Gen<byte[]> hostileInputs() {
        Gen<byte[]> inputs = in -> {
            int mode = pick(in, 0, 3);
            if (mode == 0) {
                return randomBytes(in, pick(in, 0, 200));
            }
            byte[] valid = Cbor.encode(value(in, 3, mode == 3));
            return mode == 1 ? valid : mutate(in, valid);
        };
        return inputs.describedAs(CborAssertions::hex);
    }

    /** Limits from the defaults down to tight bounds, so that every limit is hit now and then. */
    static Gen<CborLimits> limits() {
        return in -> {
            if (pick(in, 0, 1) == 0) {
                return CborLimits.DEFAULT;
            }
            return new CborLimits(pick(in, 1, 300), pick(in, 0, 4), pick(in, 1, 40), pick(in, 0, 30), Set.of(0L, 24L));
        };
    }

    static CborValue value(RandomnessSource in, int depth, boolean tags) {
        int kind = pick(in, 0, depth > 0 ? (tags ? 10 : 9) : 5);
        switch (kind) {
            case 0:
            case 1:
                return CborInt.of(anyLong(in));
            case 2:
                return CborBytes.of(randomBytes(in, stringLength(in)));
            case 3:
                return CborText.of(text(in));
            case 4:
                return CborBool.of(pick(in, 0, 1) == 1);
            case 5:
                return CborNull.NULL;
            case 6:
            case 7: {
                int size = pick(in, 0, 5);
                List<CborValue> items = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    items.add(value(in, depth - 1, tags));
                }
                return new CborArray(items);
            }
            case 8:
            case 9: {
                int size = pick(in, 0, 5);
                Map<CborValue, CborValue> entries = new LinkedHashMap<>();
                for (int i = 0; i < size; i++) {
                    entries.put(key(in), value(in, depth - 1, tags));
                }
                CborMap.Builder builder = CborMap.builder();
                entries.forEach(builder::put);
                return builder.build();
            }
            default:
                return new CborTag(TAG_LIST.get(pick(in, 0, TAG_LIST.size() - 1)), value(in, depth - 1, tags));
        }
    }

    /** Integer or text keys, often small so that keys collide and sort against each other. */
    static CborValue key(RandomnessSource in) {
        switch (pick(in, 0, 3)) {
            case 0:
                return CborInt.of(pick(in, -30, 30));
            case 1:
                return CborInt.of(anyLong(in));
            case 2:
                return CborText.of(String.valueOf((char) pick(in, 'a', 'e')) + (pick(in, 0, 1) == 0 ? "" : "a"));
            default:
                return CborText.of(text(in));
        }
    }

    /** Longs across the whole range, biased to the head-size boundaries. */
    static long anyLong(RandomnessSource in) {
        switch (pick(in, 0, 3)) {
            case 0:
                return pick(in, -30, 30);
            case 1: {
                long base = BOUNDARIES[pick(in, 0, BOUNDARIES.length - 1)];
                long v = base + pick(in, -1, 1);
                return pick(in, 0, 1) == 0 ? v : -1 - v; // Long.MAX_VALUE + 1 wraps to MIN_VALUE: fine
            }
            case 2:
                return ((long) pick(in, Integer.MIN_VALUE, Integer.MAX_VALUE) << 32)
                        | (pick(in, Integer.MIN_VALUE, Integer.MAX_VALUE) & 0xffffffffL);
            default: {
                long bits = pick(in, 0, 63);
                long magnitude = ((long) pick(in, Integer.MIN_VALUE, Integer.MAX_VALUE) << 32)
                        | (pick(in, Integer.MIN_VALUE, Integer.MAX_VALUE) & 0xffffffffL);
                long v = bits == 63 ? magnitude : magnitude & ((1L << bits) - 1);
                return pick(in, 0, 1) == 0 ? v : ~v;
            }
        }
    }

    /** Text of up to 12 code points from every UTF-8 length class, never a surrogate. */
    static String text(RandomnessSource in) {
        int length = pick(in, 0, 12);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            switch (pick(in, 0, 3)) {
                case 0:
                    out.appendCodePoint(pick(in, 0, 0x7f));
                    break;
                case 1:
                    out.appendCodePoint(pick(in, 0x80, 0x7ff));
                    break;
                case 2:
                    int cp = pick(in, 0x800, 0xffff - 0x800);
                    out.appendCodePoint(cp < 0xd800 ? cp : cp + 0x800); // skip the surrogates
                    break;
                default:
                    out.appendCodePoint(pick(in, 0x10000, 0x10ffff));
            }
        }
        return out.toString();
    }

    private static int stringLength(RandomnessSource in) {
        return pick(in, 0, 9) == 0 ? new int[] {23, 24, 255, 256}[pick(in, 0, 3)] : pick(in, 0, 40);
    }

    static byte[] randomBytes(RandomnessSource in, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) pick(in, 0, 255);
        }
        return out;
    }

    /** One to three edits: flip a bit, truncate, insert, delete, or overwrite with a telling byte. */
    static byte[] mutate(RandomnessSource in, byte[] valid) {
        byte[] b = valid;
        int edits = pick(in, 1, 3);
        for (int e = 0; e < edits; e++) {
            int at = pick(in, 0, b.length);
            switch (pick(in, 0, 4)) {
                case 0:
                    if (at < b.length) {
                        b = b.clone();
                        b[at] ^= (byte) (1 << pick(in, 0, 7));
                    }
                    break;
                case 1:
                    b = java.util.Arrays.copyOf(b, at);
                    break;
                case 2:
                    b = insert(b, at, (byte) pick(in, 0, 255));
                    break;
                case 3:
                    if (at < b.length) {
                        byte[] shorter = new byte[b.length - 1];
                        System.arraycopy(b, 0, shorter, 0, at);
                        System.arraycopy(b, at + 1, shorter, at, b.length - at - 1);
                        b = shorter;
                    }
                    break;
                default:
                    byte telling = (byte) INTERESTING_BYTES[pick(in, 0, INTERESTING_BYTES.length - 1)];
                    if (at < b.length) {
                        b = b.clone();
                        b[at] = telling;
                    } else {
                        b = insert(b, at, telling);
                    }
            }
        }
        return b;
    }

    private static byte[] insert(byte[] b, int at, byte value) {
        byte[] longer = new byte[b.length + 1];
        System.arraycopy(b, 0, longer, 0, at);
        longer[at] = value;
        System.arraycopy(b, at, longer, at + 1, b.length - at);
        return longer;
    }

    static int pick(RandomnessSource in, int min, int max) {
        return (int) in.next(Constraint.between(min, max));
    }
}
