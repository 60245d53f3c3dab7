package dev.cairn.verifier.note;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.errors.CairnException;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/** The note interop file, a signer for test notes, and outcome names. */
final class NoteFixtures {
    static final JsonNode DATA = load();
    static final String DASH = "\u2014 ";

    private NoteFixtures() {}

    private static JsonNode load() {
        try (InputStream in = NoteFixtures.class.getResourceAsStream("/interop/note/notes.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String group, String field) {
        return DATA.get(group).get(field).asText();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A test signer: a key name and an Ed25519 key, from a Go {@code PRIVATE+KEY+name+hash+base64} key. */
    record Signer(String name, SigningKey key) {
        static Signer parse(String skey) {
            String[] parts = skey.split("\\+", 5);
            byte[] encoded = Base64.getDecoder().decode(parts[4]);
            if (!parts[0].equals("PRIVATE") || !parts[1].equals("KEY") || encoded[0] != 0x01) {
                throw new IllegalArgumentException(skey);
            }
            return new Signer(
                    parts[2],
                    SigningKey.fromPrivateKeyBytes(
                            KeyType.ED25519, Arrays.copyOfRange(encoded, 1, 33), InsecureSecretKeyAccess.get()));
        }

        static Signer generate(String name, long seed) {
            byte[] secret = new byte[32];
            new java.util.Random(seed).nextBytes(secret);
            return new Signer(
                    name, SigningKey.fromPrivateKeyBytes(KeyType.ED25519, secret, InsecureSecretKeyAccess.get()));
        }

        NoteVerifierKey verifierKey() {
            return NoteVerifierKey.of(name, key.verificationKey());
        }

        /** The signature line of this signer over a text, with its newline. */
        String line(String text) {
            byte[] signature = key.sign(utf8(text));
            byte[] blob = ByteBuffer.allocate(4 + signature.length)
                    .putInt(verifierKey().keyHash())
                    .put(signature)
                    .array();
            return DASH + name + " " + Base64.getEncoder().encodeToString(blob) + "\n";
        }
    }

    /** A note: the text, a blank line, one line per signer. */
    static byte[] sign(String text, Signer... signers) {
        StringBuilder note = new StringBuilder(text).append('\n');
        for (Signer signer : signers) {
            note.append(signer.line(text));
        }
        return utf8(note.toString());
    }

    static Signer peter() {
        return Signer.parse(text("go_note", "peter_skey"));
    }

    static NoteVerifierKey vkey(String group, String field) {
        return NoteVerifierKey.parse(text(group, field));
    }

    /** {@code "ok"}, the code of the Cairn error raised, or the class of any other exception. */
    static String outcome(Runnable action) {
        try {
            action.run();
            return "ok";
        } catch (CairnException e) {
            return e.code().name();
        } catch (RuntimeException e) {
            return "untyped " + e;
        }
    }
}
