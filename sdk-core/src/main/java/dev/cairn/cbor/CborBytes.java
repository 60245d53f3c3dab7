package dev.cairn.cbor;

import dev.cairn.bytes.Bytes;
import java.util.Objects;

/**
 * A CBOR byte string (major type 2).
 *
 * @param value the bytes
 */
public record CborBytes(Bytes value) implements CborValue {
    /**
     * Validates the component.
     *
     * @param value the bytes
     */
    public CborBytes {
        Objects.requireNonNull(value, "value");
    }

    /**
     * Wraps a copy of an array.
     *
     * @param value the bytes to copy
     * @return the CBOR byte string
     */
    public static CborBytes of(byte[] value) {
        return new CborBytes(Bytes.copyOf(value));
    }

    @Override
    public String toDiagnostic() {
        return "h'" + value.toHex() + "'";
    }
}
