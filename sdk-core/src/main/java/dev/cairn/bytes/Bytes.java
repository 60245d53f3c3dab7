package dev.cairn.bytes;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An immutable sequence of bytes with value semantics.
 *
 * <p>Protocol records hold {@code Bytes} instead of {@code byte[]}: arrays compare by identity and
 * leak mutability. Every factory copies its input and every accessor that hands out an array copies
 * it again, so no caller can change a {@code Bytes} after the fact.
 *
 * <p>Not for secrets: {@link #equals(Object)} is not constant time and {@link #toString()} renders the
 * content. Use {@link SecretBytes} for key material.
 */
public final class Bytes implements Comparable<Bytes> {
    private static final Bytes EMPTY = new Bytes(new byte[0]);
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] data;

    private Bytes(byte[] data) {
        this.data = data;
    }

    /**
     * Copies an array into a new value.
     *
     * @param data the bytes to copy
     * @return a value holding a copy of {@code data}
     */
    public static Bytes copyOf(byte[] data) {
        Objects.requireNonNull(data, "data");
        return data.length == 0 ? EMPTY : new Bytes(data.clone());
    }

    /**
     * Copies a range of an array into a new value.
     *
     * @param data the source array
     * @param offset first byte to copy
     * @param length number of bytes to copy
     * @return a value holding a copy of the range
     */
    public static Bytes copyOf(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        return length == 0 ? EMPTY : new Bytes(Arrays.copyOfRange(data, offset, offset + length));
    }

    /**
     * Returns the empty value.
     *
     * @return a value of length zero
     */
    public static Bytes empty() {
        return EMPTY;
    }

    /**
     * Parses lowercase or uppercase hexadecimal.
     *
     * @param hex an even number of hex digits
     * @return the decoded bytes
     * @throws IllegalArgumentException if {@code hex} is not valid hexadecimal
     */
    public static Bytes fromHex(String hex) {
        return new Bytes(HEX.parseHex(hex));
    }

    /**
     * Parses unpadded base64url (RFC 4648 section 5). Only the canonical form is accepted: no
     * padding, and unused trailing bits zero, so each byte string has exactly one text form.
     *
     * @param base64url the encoded text, without padding
     * @return the decoded bytes
     * @throws IllegalArgumentException if the text is not canonical unpadded base64url
     */
    public static Bytes fromBase64Url(String base64url) {
        Bytes decoded = new Bytes(Base64.getUrlDecoder().decode(base64url));
        if (!decoded.toBase64Url().equals(base64url)) {
            throw new IllegalArgumentException("not canonical unpadded base64url");
        }
        return decoded;
    }

    /**
     * Returns the number of bytes.
     *
     * @return the length
     */
    public int length() {
        return data.length;
    }

    /**
     * Returns one byte.
     *
     * @param index position, from zero
     * @return the byte at {@code index}
     */
    public byte get(int index) {
        return data[index];
    }

    /**
     * Returns a fresh copy of the content.
     *
     * @return a new array the caller owns
     */
    public byte[] toByteArray() {
        return data.clone();
    }

    /**
     * Copies the content into {@code target} at {@code offset}.
     *
     * @param target destination array
     * @param offset first position written
     */
    public void copyTo(byte[] target, int offset) {
        System.arraycopy(data, 0, target, offset, data.length);
    }

    /**
     * Returns a sub-range as a new value.
     *
     * @param from first index, inclusive
     * @param to last index, exclusive
     * @return the bytes in {@code [from, to)}
     */
    public Bytes slice(int from, int to) {
        Objects.checkFromToIndex(from, to, data.length);
        return copyOf(data, from, to - from);
    }

    /**
     * Renders lowercase hexadecimal.
     *
     * @return two lowercase hex digits per byte
     */
    public String toHex() {
        return HEX.formatHex(data);
    }

    /**
     * Renders unpadded base64url (RFC 4648 section 5).
     *
     * @return the encoded text
     */
    public String toBase64Url() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(data);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Bytes that && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    /** Orders by unsigned lexicographic comparison, shorter first on a common prefix. */
    @Override
    public int compareTo(Bytes other) {
        return Arrays.compareUnsigned(data, other.data);
    }

    /** Renders the content as lowercase hexadecimal. */
    @Override
    public String toString() {
        return toHex();
    }
}
