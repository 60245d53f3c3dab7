/**
 * Signature keys: Ed25519 (RFC 8032, mandatory) and ECDSA P-256 (FIPS 186-5, RFC 6979 nonces), their
 * COSE_Key form (RFC 9052 section 7, RFC 9053) and derived key identifiers. Private key bytes are
 * readable only through {@link dev.cairn.bytes.InsecureSecretKeyAccess}. See {@code spec/cose.md}.
 */
package dev.cairn.keys;
