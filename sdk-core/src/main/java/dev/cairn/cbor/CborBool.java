package dev.cairn.cbor;

/**
 * The CBOR simple values {@code false} and {@code true}.
 *
 * @param value the boolean
 */
public record CborBool(boolean value) implements CborValue {
    /** {@code true}. */
    public static final CborBool TRUE = new CborBool(true);
    /** {@code false}. */
    public static final CborBool FALSE = new CborBool(false);

    /**
     * Returns the constant for a boolean.
     *
     * @param value the boolean
     * @return {@link #TRUE} or {@link #FALSE}
     */
    public static CborBool of(boolean value) {
        return value ? TRUE : FALSE;
    }

    @Override
    public String toDiagnostic() {
        return Boolean.toString(value);
    }
}
