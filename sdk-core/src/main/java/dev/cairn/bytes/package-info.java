/**
 * Immutable byte values used in protocol records instead of {@code byte[]}.
 *
 * <p>{@link dev.cairn.bytes.Bytes} for public data, {@link dev.cairn.bytes.Digest} for 32-byte
 * SHA-256 digests, {@link dev.cairn.bytes.SecretBytes} for key material (constant-time comparison,
 * redacted rendering, reads gated by {@link dev.cairn.bytes.InsecureSecretKeyAccess}). Text forms are
 * lowercase hexadecimal and unpadded base64url (RFC 4648 section 5).
 */
package dev.cairn.bytes;
