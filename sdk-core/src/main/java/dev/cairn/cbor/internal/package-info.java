/**
 * The mechanics of Cairn's deterministic CBOR: the canonical writer, the strict reader and its
 * UTF-8 validator. Not exported by {@code module-info}; use {@link dev.cairn.cbor.Cbor} instead.
 *
 * <p>Follows RFC 8949 section 3 (encoding of heads and arguments), section 4.2.1 (core
 * deterministic encoding) and the Unicode Standard's Table 3-7 (well-formed UTF-8 byte
 * sequences). The profile and the error code for every rejection are in {@code spec/cbor.md}.
 */
package dev.cairn.cbor.internal;
