package dev.cairn.verifier.note;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.errors.VerificationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Verifies C2SP signed notes with Ed25519 against a fixed set of trusted verifier keys ({@code
 * spec/verifier.md}, "Signed notes").
 *
 * <p>Security guarantees: a returned {@link VerifiedNote} means the note is well formed within the
 * limits, at least one of the given keys signed its text, and every signature line naming a given key
 * (same name and key hash) verified; a line of a given key that does not verify rejects the whole note,
 * it is never skipped. Lines of other keys are ignored, as the spec requires, whatever they hold. The
 * text of a note that fails is never returned. This class knows nothing of what the text means; read
 * a checkpoint with {@link NoteCheckpoint#from(VerifiedNote)}. Immutable and thread-safe.
 */
public final class NoteVerifier {
    private final Map<KeyId, NoteVerifierKey> keys;

    private NoteVerifier(Map<KeyId, NoteVerifierKey> keys) {
        this.keys = keys;
    }

    /**
     * A verifier trusting the given keys.
     *
     * @param keys one or more keys, no two with the same name and key hash
     * @return the verifier
     * @throws IllegalArgumentException if no key is given
     * @throws MalformedInputException {@link ErrorCode#NOTE_KEY_MALFORMED} if two keys share a name and
     *     key hash, so a signature line could not tell them apart
     */
    public static NoteVerifier of(NoteVerifierKey... keys) {
        return of(Arrays.asList(keys));
    }

    /**
     * A verifier trusting the given keys.
     *
     * @param keys one or more keys, no two with the same name and key hash
     * @return the verifier
     * @throws IllegalArgumentException if no key is given
     * @throws MalformedInputException {@link ErrorCode#NOTE_KEY_MALFORMED} if two keys share a name and
     *     key hash
     */
    public static NoteVerifier of(List<NoteVerifierKey> keys) {
        Objects.requireNonNull(keys, "keys");
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a note verifier needs at least one key");
        }
        Map<KeyId, NoteVerifierKey> byId = new LinkedHashMap<>();
        for (NoteVerifierKey key : keys) {
            Objects.requireNonNull(key, "key");
            if (byId.putIfAbsent(new KeyId(key.name(), key.keyHash()), key) != null) {
                throw NoteText.keyMalformed(
                        "two keys named " + key.name() + " with key hash " + key.keyHashHex(),
                        "one key per name and key hash",
                        key.name() + "+" + key.keyHashHex());
            }
        }
        return new NoteVerifier(byId);
    }

    /**
     * The trusted keys.
     *
     * @return the keys in the order given
     */
    public List<NoteVerifierKey> keys() {
        return List.copyOf(keys.values());
    }

    /**
     * Parses a note and verifies its signatures.
     *
     * @param note the note's bytes: text, blank line, signature lines
     * @return the verified note
     * @throws MalformedInputException {@link ErrorCode#NOTE_MALFORMED} if the note breaks the format or
     *     its limits (1 MiB of text, 100 signature lines), with the byte offset where known
     * @throws VerificationException {@link ErrorCode#NOTE_UNVERIFIED} if a line of a given key does not
     *     verify (details {@code name}, {@code keyHash}), or no line is of a given key
     */
    public VerifiedNote verify(byte[] note) {
        ParsedNote parsed = NoteParser.parse(note);
        byte[] text = parsed.textBytes().toByteArray();
        List<NoteVerifierKey> verified = new ArrayList<>();
        for (NoteSignature signature : parsed.signatures()) {
            NoteVerifierKey key = keys.get(new KeyId(signature.name(), signature.keyHash()));
            if (key == null) {
                continue;
            }
            try {
                key.key().verify(text, signature.signature().toByteArray());
            } catch (VerificationException e) {
                Map<String, String> details = new LinkedHashMap<>();
                details.put("name", key.name());
                details.put("keyHash", key.keyHashHex());
                throw new VerificationException(
                        ErrorCode.NOTE_UNVERIFIED,
                        "the signature of " + key.name() + "+" + key.keyHashHex() + " does not verify",
                        details,
                        e);
            }
            if (!verified.contains(key)) {
                verified.add(key);
            }
        }
        if (verified.isEmpty()) {
            throw VerificationException.mismatch(
                    ErrorCode.NOTE_UNVERIFIED,
                    "a signature by one of " + keyNames(),
                    parsed.signatures().size() + " signature lines of other keys");
        }
        return new VerifiedNote(parsed.text(), parsed.textBytes(), verified);
    }

    private String keyNames() {
        return keys.values().stream()
                .map(k -> k.name() + "+" + k.keyHashHex())
                .toList()
                .toString();
    }

    /** A signature line's key: name and key hash together. */
    private record KeyId(String name, int keyHash) {}
}
