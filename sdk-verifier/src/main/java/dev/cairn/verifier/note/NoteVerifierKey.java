package dev.cairn.verifier.note;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.VerificationKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

/**
 * A signed-note verifier key: a key name, its 32-bit key hash and an Ed25519 public key (C2SP
 * signed-note, signature type {@code 0x01}). Its text form is {@code name+hash+base64}, as Go's
 * {@code golang.org/x/mod/sumdb/note} writes it: the name, the key hash as 8 lowercase hex digits, and
 * the standard base64 of {@code 0x01 || public key}.
 *
 * <p>Every value is consistent: the name follows the signed-note rules and the key hash is {@code
 * SHA-256(name || 0x0A || 0x01 || public key)[:4]}, read big-endian.
 *
 * @param name the key name: non-empty, no Unicode White_Space, no {@code +}, no control character
 * @param keyHash the key hash, the first four bytes of the SHA-256 above as a big-endian integer
 * @param key the Ed25519 public key
 */
public record NoteVerifierKey(String name, int keyHash, VerificationKey key) {
    /** The signature type byte of Ed25519 in C2SP signed-note. */
    private static final byte ED25519 = 0x01;

    private static final HexFormat HEX = HexFormat.of();

    /**
     * Checks the name, the key type and the key hash.
     *
     * @param name the key name
     * @param keyHash the key hash
     * @param key the public key, Ed25519
     * @throws MalformedInputException {@link ErrorCode#NOTE_KEY_MALFORMED} if the name breaks the rules,
     *     the key is not Ed25519, or the hash is not the key's
     */
    public NoteVerifierKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
        if (!NoteText.isValidName(name)) {
            throw NoteText.keyMalformed(
                    "key name " + quote(name) + " is empty or has a space, a plus or a control character",
                    "a non-empty name without spaces, '+' or control characters",
                    quote(name));
        }
        if (key.type() != KeyType.ED25519) {
            throw NoteText.keyMalformed(
                    "key type " + key.type() + ", want ED25519",
                    "ED25519",
                    key.type().name());
        }
        int want = keyHash(name, key);
        if (keyHash != want) {
            throw NoteText.keyMalformed(
                    "key hash " + HEX.toHexDigits(keyHash) + " is not the key's, want " + HEX.toHexDigits(want),
                    HEX.toHexDigits(want),
                    HEX.toHexDigits(keyHash));
        }
    }

    /**
     * Makes the verifier key of a name and an Ed25519 public key, computing its key hash.
     *
     * @param name the key name
     * @param key the Ed25519 public key
     * @return the verifier key
     * @throws MalformedInputException {@link ErrorCode#NOTE_KEY_MALFORMED} if the name breaks the rules or
     *     the key is not Ed25519
     */
    public static NoteVerifierKey of(String name, VerificationKey key) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
        if (key.type() != KeyType.ED25519) {
            throw NoteText.keyMalformed(
                    "key type " + key.type() + ", want ED25519",
                    "ED25519",
                    key.type().name());
        }
        return new NoteVerifierKey(name, NoteText.isValidName(name) ? keyHash(name, key) : 0, key);
    }

    /**
     * Parses the text form {@code name+hash+base64}, strictly: nothing before or after it (no
     * whitespace), the hash exactly 8 lowercase hex digits, the base64 standard, padded and canonical,
     * decoding to {@code 0x01} followed by a 32-byte Ed25519 public key.
     *
     * @param text the verifier key
     * @return the key
     * @throws MalformedInputException {@link ErrorCode#NOTE_KEY_MALFORMED} if the text is not of that form,
     *     names another algorithm, or its hash is not the key's
     */
    public static NoteVerifierKey parse(String text) {
        Objects.requireNonNull(text, "text");
        int plus = text.indexOf('+');
        if (plus < 0) {
            throw NoteText.keyMalformed("no '+' after the key name", "name+hash+base64", quote(text));
        }
        String name = text.substring(0, plus);
        int hashEnd = plus + 9;
        if (text.length() <= hashEnd || text.charAt(hashEnd) != '+') {
            throw NoteText.keyMalformed(
                    "the key hash is not 8 hex digits followed by '+'", "8 hex digits and '+'", quote(text));
        }
        String hash = text.substring(plus + 1, hashEnd);
        if (!hash.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            throw NoteText.keyMalformed(
                    "key hash " + quote(hash) + " is not 8 lowercase hex digits",
                    "8 lowercase hex digits",
                    quote(hash));
        }
        byte[] encoded = NoteText.decodeBase64(text.substring(hashEnd + 1));
        if (encoded == null || encoded.length == 0) {
            throw NoteText.keyMalformed(
                    "the key is not canonical padded base64", "base64 of 0x01 || 32-byte key", quote(text));
        }
        if (encoded[0] != ED25519) {
            throw NoteText.keyMalformed(
                    "signature type 0x" + HEX.toHexDigits(encoded[0]) + " is not Ed25519 (0x01)",
                    "01",
                    HEX.toHexDigits(encoded[0]));
        }
        if (encoded.length != 33) {
            throw NoteText.keyMalformed(
                    "Ed25519 key of " + (encoded.length - 1) + " bytes, want 32",
                    "32",
                    Integer.toString(encoded.length - 1));
        }
        byte[] publicKey = new byte[32];
        System.arraycopy(encoded, 1, publicKey, 0, 32);
        VerificationKey key;
        try {
            key = VerificationKey.fromEncoded(KeyType.ED25519, publicKey);
        } catch (MalformedInputException e) {
            throw new MalformedInputException(
                    ErrorCode.NOTE_KEY_MALFORMED, "not an Ed25519 public key", -1, Map.of(), e);
        }
        return new NoteVerifierKey(name, Integer.parseUnsignedInt(hash, 16), key);
    }

    /**
     * The key hash of a name and an Ed25519 key: {@code SHA-256(name || 0x0A || 0x01 || key)[:4]},
     * big-endian.
     *
     * @param name the key name, encoded as UTF-8
     * @param key the public key
     * @return the key hash
     */
    static int keyHash(String name, VerificationKey key) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new InternalException(ErrorCode.INTERNAL_CRYPTO, "SHA-256 unavailable in this JVM", e);
        }
        sha256.update(name.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0x0A);
        sha256.update(ED25519);
        sha256.update(key.encoded().toByteArray());
        return ByteBuffer.wrap(sha256.digest()).getInt();
    }

    /**
     * The key hash in its text form.
     *
     * @return 8 lowercase hex digits
     */
    public String keyHashHex() {
        return HEX.toHexDigits(keyHash);
    }

    /**
     * Renders the text form, the inverse of {@link #parse}.
     *
     * @return {@code name+hash+base64}
     */
    public String encode() {
        byte[] encoded = new byte[33];
        encoded[0] = ED25519;
        key.encoded().copyTo(encoded, 1);
        return name + "+" + keyHashHex() + "+" + NoteText.encodeBase64(encoded);
    }

    /** Renders the text form, {@code name+hash+base64}: public key material only. */
    @Override
    public String toString() {
        return encode();
    }

    private static String quote(String text) {
        return '"' + (text.length() > 80 ? text.substring(0, 80) + "..." : text) + '"';
    }
}
