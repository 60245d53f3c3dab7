package dev.cairn.bytes;

import java.util.Objects;

/**
 * A SHA-256 digest: exactly 32 immutable bytes.
 *
 * <p>Produced by {@code dev.cairn.hash.DomainHash}; a distinct type so that a hash can never be
 * confused with arbitrary bytes of another length.
 *
 * @param bytes the 32 digest bytes
 */
public record Digest(Bytes bytes) implements Comparable<Digest> {
    /** Length of a SHA-256 digest in bytes. */
    public static final int LENGTH = 32;

    /**
     * Validates the length.
     *
     * @param bytes the 32 digest bytes
     */
    public Digest {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length() != LENGTH) {
            throw new IllegalArgumentException("digest length: got " + bytes.length() + ", want " + LENGTH);
        }
    }

    /**
     * Wraps a copy of a 32-byte array.
     *
     * @param digest exactly 32 bytes
     * @return the digest
     */
    public static Digest of(byte[] digest) {
        return new Digest(Bytes.copyOf(digest));
    }

    /**
     * Parses 64 hex digits.
     *
     * @param hex the digest in hexadecimal
     * @return the digest
     */
    public static Digest fromHex(String hex) {
        return new Digest(Bytes.fromHex(hex));
    }

    /**
     * Returns a fresh copy of the digest bytes.
     *
     * @return a new 32-byte array
     */
    public byte[] toByteArray() {
        return bytes.toByteArray();
    }

    /**
     * Renders lowercase hexadecimal.
     *
     * @return 64 lowercase hex digits
     */
    public String toHex() {
        return bytes.toHex();
    }

    @Override
    public int compareTo(Digest other) {
        return bytes.compareTo(other.bytes);
    }

    /** Renders the digest as lowercase hexadecimal. */
    @Override
    public String toString() {
        return bytes.toHex();
    }
}
