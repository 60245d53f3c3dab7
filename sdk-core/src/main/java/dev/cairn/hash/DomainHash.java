package dev.cairn.hash;

import dev.cairn.bytes.Bytes;
import dev.cairn.bytes.Digest;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Domain-separated SHA-256.
 *
 * <p>{@code DomainHash(domain, data) = SHA-256(len(tag) || tag || data)}, where {@code len(tag)} is
 * one byte and {@code tag} the domain's ASCII tag. The one-byte length makes the prefix of every
 * domain distinct from the prefix of every other, so two domains never hash the same input bytes.
 *
 * <p>Security guarantees: collision resistance of SHA-256 within a domain, and no cross-domain
 * collisions by construction. Not a MAC and not a password hash.
 */
public final class DomainHash {
    private final MessageDigest sha256;

    private DomainHash(HashDomain domain) {
        this.sha256 = newSha256();
        sha256.update(domain.framedTag());
    }

    /**
     * Hashes one byte string in a domain.
     *
     * @param domain the kind of object hashed
     * @param data the object's canonical bytes
     * @return the digest
     */
    public static Digest of(HashDomain domain, byte[] data) {
        return start(domain).update(data).finish();
    }

    /**
     * Hashes one byte value in a domain.
     *
     * @param domain the kind of object hashed
     * @param data the object's canonical bytes
     * @return the digest
     */
    public static Digest of(HashDomain domain, Bytes data) {
        return of(domain, data.toByteArray());
    }

    /**
     * Starts an incremental hash in a domain; the tag is already absorbed.
     *
     * @param domain the kind of object hashed
     * @return a hasher to feed and then {@link #finish()}
     */
    public static DomainHash start(HashDomain domain) {
        return new DomainHash(domain);
    }

    /**
     * Absorbs more input.
     *
     * @param data bytes to absorb
     * @return this hasher
     */
    public DomainHash update(byte[] data) {
        sha256.update(data);
        return this;
    }

    /**
     * Completes the hash. The hasher must not be used afterwards.
     *
     * @return the digest
     */
    public Digest finish() {
        return Digest.of(sha256.digest());
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new InternalException(ErrorCode.INTERNAL_CRYPTO, "SHA-256 unavailable in this JVM", e);
        }
    }
}
