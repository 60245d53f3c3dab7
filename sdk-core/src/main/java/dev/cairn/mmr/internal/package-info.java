/**
 * The mechanics of Cairn's MMR: node hashing ({@code hash_pospair64}), the draft's {@code
 * included_root}, and the CBOR codec of proofs. Not exported by {@code module-info}; use {@link
 * dev.cairn.mmr.Mmr} and {@link dev.cairn.mmr.MmrVerifier} instead. See {@code spec/mmr.md}.
 */
package dev.cairn.mmr.internal;
