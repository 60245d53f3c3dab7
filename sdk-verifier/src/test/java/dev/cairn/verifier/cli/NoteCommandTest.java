package dev.cairn.verifier.cli;

import static dev.cairn.verifier.cli.Cli.run;
import static dev.cairn.verifier.cli.Cli.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.verifier.note.NoteVerifierKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cairn-verify note} through main: C2SP signed notes and the checkpoints they carry. */
class NoteCommandTest {
    private static final String CHECKPOINT =
            "example.org/log\n42\n" + Base64.getEncoder().encodeToString(new byte[32]) + "\n";

    @TempDir
    Path dir;

    private final SigningKey key = SigningKey.generate(KeyType.ED25519, new SecureRandom());
    private final NoteVerifierKey verifierKey = NoteVerifierKey.of("example.org/log", key.verificationKey());

    /** The note of text signed by the key: text, a blank line, one signature line (C2SP signed-note). */
    private String signed(String text, SigningKey signer) {
        byte[] signature = signer.sign(text.getBytes(StandardCharsets.UTF_8));
        byte[] line = ByteBuffer.allocate(4 + signature.length)
                .putInt(verifierKey.keyHash())
                .put(signature)
                .array();
        return text + "\n\u2014 " + verifierKey.name() + " "
                + Base64.getEncoder().encodeToString(line) + "\n";
    }

    private String file(String content) {
        return write(dir, "note-" + System.nanoTime(), content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aNoteSignedByTheKeyIsValidAndItsCheckpointIsRead() {
        String note = file(signed(CHECKPOINT, key));
        JsonNode plain = run("note", "--json", "--key", verifierKey.encode(), note)
                .expect(0)
                .only();
        assertEquals("example.org/log", plain.path("signers").asText());
        JsonNode checkpoint = run("note", "--json", "--checkpoint", "--key", verifierKey.encode(), note)
                .expect(0)
                .only();
        assertEquals(42, checkpoint.path("size").asLong());
        assertEquals("example.org/log", checkpoint.path("origin").asText());
        run("note", "--json", "--origin", "example.org/log", "--key", verifierKey.encode(), note)
                .expect(0);
    }

    @Test
    void eachFailureHasItsCode() {
        String other = file(signed(CHECKPOINT, SigningKey.generate(KeyType.ED25519, new SecureRandom())));
        run("note", "--json", "--key", verifierKey.encode(), other).expect(1, "NOTE_UNVERIFIED");
        String note = file(signed(CHECKPOINT, key));
        run("note", "--json", "--origin", "example.org/other", "--key", verifierKey.encode(), note)
                .expect(1, "RECEIPT_LOG_MISMATCH");
        run("note", "--json", "--key", "example.org/log+00000000+AQ==", note).expect(2, "NOTE_KEY_MALFORMED");
        run("note", "--json", "--key", verifierKey.encode(), file(CHECKPOINT)).expect(2, "NOTE_MALFORMED");
        String notACheckpoint = file(signed("just some text\n", key));
        run("note", "--json", "--key", verifierKey.encode(), notACheckpoint).expect(0);
        run("note", "--json", "--checkpoint", "--key", verifierKey.encode(), notACheckpoint)
                .expect(2, "NOTE_MALFORMED");
        run("note", "--json", file(signed(CHECKPOINT, key))).expect(2);
    }
}
