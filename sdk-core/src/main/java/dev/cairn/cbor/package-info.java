/**
 * Cairn's deterministic CBOR: a canonical writer and a strict, bounded reader over {@code byte[]}.
 *
 * <p>Follows RFC 8949 section 4.2.1 (core deterministic encoding): shortest heads, definite lengths,
 * map keys sorted by their encoded bytes, no duplicates, well-formed UTF-8. Cairn's profile adds:
 * integer or text map keys, integers within signed 64 bits, no floating point, only the simple
 * values false/true/null, and tags only where a spec allows them. See {@code spec/cbor.md}.
 */
package dev.cairn.cbor;
