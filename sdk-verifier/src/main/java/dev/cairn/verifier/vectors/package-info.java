/**
 * The checker of Cairn's golden vectors ({@code vectors/}, described in {@code vectors/README.md}):
 * reads one vector file, runs what it describes through the public APIs of sdk-core, sdk-trust and
 * this module, and reports whether its expectation holds, with the exact error code (and, for CBOR,
 * the byte offset) a rejection raised. One class per kind of vector ({@code cbor}, {@code hash},
 * {@code key}, {@code cose}, {@code mmr}, {@code checkpoint}, {@code receipt}, {@code
 * cose-receipt}, and the four {@code trust} types); {@link dev.cairn.verifier.vectors.VectorChecker}
 * dispatches on the kind.
 *
 * <p>Internal and not exported: {@code cairn-verify vectors} ({@code spec/verifier-cli.md},
 * "{@code vectors}") and the repository's vector generator use it. It reads vectors with Jackson,
 * which the library's exported API never exposes.
 */
package dev.cairn.verifier.vectors;
