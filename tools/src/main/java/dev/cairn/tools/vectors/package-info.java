/**
 * The golden-vector generator: writes {@code vectors/} deterministically from sdk-core, sdk-trust and
 * fixed keys. Checking is sdk-verifier's ({@code dev.cairn.verifier.vectors}, the checker of {@code
 * cairn-verify vectors}); the generator runs it on every vector it writes.
 */
package dev.cairn.tools.vectors;
