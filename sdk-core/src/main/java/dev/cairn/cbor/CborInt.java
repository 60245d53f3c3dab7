package dev.cairn.cbor;

/**
 * A CBOR integer (major type 0 or 1), limited to the signed 64-bit range by Cairn's profile.
 *
 * @param value the integer
 */
public record CborInt(long value) implements CborValue {
    /**
     * Wraps a value.
     *
     * @param value the integer
     * @return the CBOR integer
     */
    public static CborInt of(long value) {
        return new CborInt(value);
    }

    @Override
    public String toDiagnostic() {
        return Long.toString(value);
    }
}
