package dev.cairn.bytes;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.HexFormat;
import java.util.List;
import org.quicktheories.core.Gen;

/** QuickTheories generators of byte arrays shared by the sdk-core tests; shrinks towards short, zero bytes. */
public final class ByteGens {
    private ByteGens() {}

    /**
     * Arbitrary byte arrays.
     *
     * @param maxLength longest array generated
     * @return arrays of length 0 to {@code maxLength}, any byte values
     */
    public static Gen<byte[]> bytes(int maxLength) {
        return bytes(0, maxLength);
    }

    /**
     * Arbitrary byte arrays within a length range.
     *
     * @param minLength shortest array generated
     * @param maxLength longest array generated
     * @return arrays of length {@code minLength} to {@code maxLength}, any byte values
     */
    public static Gen<byte[]> bytes(int minLength, int maxLength) {
        return lists().of(integers().between(0, 255))
                .ofSizeBetween(minLength, maxLength)
                .map(ByteGens::toArray)
                .describedAs(ByteGens::hex);
    }

    /**
     * Renders bytes as lowercase hex, for failure reports.
     *
     * @param bytes the bytes
     * @return lowercase hex
     */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static byte[] toArray(List<Integer> values) {
        byte[] out = new byte[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (int) values.get(i);
        }
        return out;
    }
}
