package dev.cairn.cbor;

/**
 * One CBOR data item in Cairn's deterministic profile (see {@code spec/cbor.md}).
 *
 * <p>The profile has integers (signed 64-bit), byte strings, text strings, arrays, maps with integer
 * or text keys, {@code false}/{@code true}/{@code null}, and tags where a spec allows them. No
 * floating point, no undefined, no other simple values. Every value has exactly one encoding, given
 * by {@link Cbor#encode(CborValue)}.
 */
public sealed interface CborValue
        permits CborInt, CborBytes, CborText, CborArray, CborMap, CborBool, CborNull, CborTag {
    /**
     * Renders the value in CBOR diagnostic notation (RFC 8949 section 8), such as {@code {1: h'00ff'}}.
     *
     * @return the diagnostic text
     */
    String toDiagnostic();
}
