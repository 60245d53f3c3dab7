package dev.cairn.cbor;

import dev.cairn.cbor.internal.CanonicalWriter;
import dev.cairn.cbor.internal.StrictReader;

/**
 * Encodes and decodes Cairn's deterministic CBOR (RFC 8949 section 4.2.1; see {@code spec/cbor.md}).
 *
 * <p>Security guarantees: {@link #decode(byte[], CborLimits)} accepts exactly the canonical encodings
 * of {@link CborValue}s within the limits, and nothing else; for any input it returns a value or
 * throws a {@link dev.cairn.errors.MalformedInputException} with a {@code CBOR_*} code and the byte
 * offset. It never allocates more than the input's size allows. {@code decode(encode(v))} equals
 * {@code v}, and {@code encode(decode(b))} equals {@code b} byte for byte.
 */
public final class Cbor {
    private Cbor() {}

    /**
     * Encodes a value canonically.
     *
     * @param value the value
     * @return its one canonical encoding
     */
    public static byte[] encode(CborValue value) {
        return CanonicalWriter.encode(value);
    }

    /**
     * Decodes one canonical data item under {@link CborLimits#DEFAULT}.
     *
     * @param input exactly one encoded data item
     * @return the value
     * @throws dev.cairn.errors.MalformedInputException with a {@code CBOR_*} code and offset
     */
    public static CborValue decode(byte[] input) {
        return decode(input, CborLimits.DEFAULT);
    }

    /**
     * Decodes one canonical data item under explicit limits.
     *
     * @param input exactly one encoded data item
     * @param limits the bounds to enforce
     * @return the value
     * @throws dev.cairn.errors.MalformedInputException with a {@code CBOR_*} code and offset
     */
    public static CborValue decode(byte[] input, CborLimits limits) {
        return StrictReader.decode(input, limits);
    }
}
