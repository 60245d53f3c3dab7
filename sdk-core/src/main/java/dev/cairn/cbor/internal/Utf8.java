package dev.cairn.cbor.internal;

/**
 * Strict UTF-8 validation after the Unicode Standard, Table 3-7 (Well-Formed UTF-8 Byte Sequences).
 * Rejects overlong forms, surrogates (U+D800..U+DFFF), code points above U+10FFFF, stray
 * continuation bytes and sequences cut short by the end of the range.
 */
final class Utf8 {
    private Utf8() {}

    /**
     * Finds where a byte range stops being well-formed UTF-8.
     *
     * @param in the array
     * @param from first index, inclusive
     * @param to last index, exclusive
     * @return -1 if {@code in[from, to)} is well formed, else the index of the lead byte of the first
     *     ill-formed sequence
     */
    static int firstInvalid(byte[] in, int from, int to) {
        int i = from;
        while (i < to) {
            int lead = in[i];
            if (lead >= 0) {
                i++;
                continue;
            }
            lead &= 0xff;
            int trailing;
            int secondLow = 0x80;
            int secondHigh = 0xbf;
            if (lead >= 0xc2 && lead <= 0xdf) {
                trailing = 1;
            } else if (lead >= 0xe0 && lead <= 0xef) {
                trailing = 2;
                if (lead == 0xe0) {
                    secondLow = 0xa0; // below is overlong
                } else if (lead == 0xed) {
                    secondHigh = 0x9f; // above is a surrogate
                }
            } else if (lead >= 0xf0 && lead <= 0xf4) {
                trailing = 3;
                if (lead == 0xf0) {
                    secondLow = 0x90; // below is overlong
                } else if (lead == 0xf4) {
                    secondHigh = 0x8f; // above is past U+10FFFF
                }
            } else {
                return i; // 80..C1 (continuation or overlong lead) and F5..FF
            }
            if (to - i <= trailing) {
                return i;
            }
            int second = in[i + 1] & 0xff;
            if (second < secondLow || second > secondHigh) {
                return i;
            }
            for (int k = 2; k <= trailing; k++) {
                if ((in[i + k] & 0xc0) != 0x80) {
                    return i;
                }
            }
            i += trailing + 1;
        }
        return -1;
    }
}
