package dev.cairn.verifier.note;

import static dev.cairn.verifier.note.NoteFixtures.DATA;
import static dev.cairn.verifier.note.NoteFixtures.Signer;
import static dev.cairn.verifier.note.NoteFixtures.peter;
import static dev.cairn.verifier.note.NoteFixtures.sign;
import static dev.cairn.verifier.note.NoteFixtures.text;
import static dev.cairn.verifier.note.NoteFixtures.utf8;
import static dev.cairn.verifier.note.NoteFixtures.vkey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.bytes.Digest;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.errors.VerificationException;
import dev.cairn.verifier.rfc9162.MerkleTreeHash;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The published keys, notes and signatures of golang.org/x/mod's note package, a real sum.golang.org
 * checkpoint with witness cosignatures (google/trillian-examples), and the C2SP spec examples, from
 * {@code interop/note/notes.json}.
 */
class NoteInteropTest {
    private static final String TEXT = text("go_note", "text");
    private static final String PETER_SIG = text("go_note", "peter_sig");
    private static final String ENOCH_SIG = text("go_note", "enoch_sig");
    private static final NoteVerifierKey PETER = vkey("go_note", "peter_vkey");
    private static final NoteVerifierKey ENOCH = vkey("go_note", "enoch_vkey");

    private static String code(Runnable action) {
        return NoteFixtures.outcome(action);
    }

    @Test
    void everyGroupNamesItsSource() {
        for (String group : List.of("go_note", "trillian_examples", "c2sp", "go_tlog")) {
            assertTrue(DATA.get(group).get("source").asText().contains(", "), group);
        }
    }

    @Test
    void publishedVerifierKeysParseWithTheirHashesAndRoundTrip() {
        List<String> keys = new ArrayList<>(List.of(
                text("go_note", "peter_vkey"), text("go_note", "enoch_vkey"), text("trillian_examples", "sumdb_vkey")));
        DATA.get("trillian_examples").get("cosigner_vkeys").forEach(k -> keys.add(k.asText()));
        DATA.get("trillian_examples")
                .get("test_keys")
                .forEach(k -> keys.add(k.get("vkey").asText()));
        for (String text : keys) {
            NoteVerifierKey key = NoteVerifierKey.parse(text);
            assertEquals(text, key.encode(), text);
            assertEquals(text, key.toString());
            assertEquals(key, NoteVerifierKey.of(key.name(), key.key()), text);
            assertEquals(text.split("\\+")[1], key.keyHashHex());
        }
        assertEquals("PeterNeumann", PETER.name());
        assertEquals(0xc74f20a3, PETER.keyHash());
        assertEquals(0x033de0ae, vkey("trillian_examples", "sumdb_vkey").keyHash());
    }

    @Test
    void publishedPrivateTestKeysMatchTheirVerifierKeys() {
        assertEquals(PETER, peter().verifierKey());
        for (JsonNode pair : DATA.get("trillian_examples").get("test_keys")) {
            assertEquals(
                    pair.get("vkey").asText(),
                    Signer.parse(pair.get("skey").asText()).verifierKey().encode());
        }
    }

    @Test
    void signingGosTextWithItsTestKeyReproducesThePublishedSignature() {
        assertEquals(PETER_SIG, peter().line(TEXT));
        assertEquals(TEXT + "\n" + PETER_SIG, new String(sign(TEXT, peter()), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void gosNoteVerifiesWithEitherKnownKeyAndIgnoresTheOther() {
        byte[] note = utf8(TEXT + "\n" + PETER_SIG + ENOCH_SIG);
        VerifiedNote byPeter = NoteVerifier.of(PETER).verify(note);
        assertEquals(TEXT, byPeter.text());
        assertEquals(dev.cairn.bytes.Bytes.copyOf(utf8(TEXT)), byPeter.textBytes());
        assertEquals("VerifiedNote[99 bytes, verifiedBy=[PeterNeumann]]", byPeter.toString());
        assertEquals(List.of(PETER), byPeter.verifiedBy());
        assertEquals(
                List.of(PETER, ENOCH),
                NoteVerifier.of(ENOCH, PETER).verify(note).verifiedBy());
        assertEquals(List.of(ENOCH), NoteVerifier.of(ENOCH).verify(note).verifiedBy());
        NoteVerifierKey stranger = Signer.generate("PeterNeumann", 1).verifierKey();
        assertEquals(
                ErrorCode.NOTE_UNVERIFIED.name(),
                code(() -> NoteVerifier.of(stranger).verify(note)));
    }

    @Test
    void gosBadNotesAreMalformed() {
        List<String> bad = List.of(
                TEXT,
                TEXT + "\n",
                TEXT + "\n" + PETER_SIG.substring(0, PETER_SIG.length() - 1),
                "\u0001" + TEXT + "\n" + PETER_SIG,
                TEXT + "\n"
                        + "\u2014 Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=",
                TEXT + "\n" + PETER_SIG + "Unexpected line.\n",
                TEXT + "\n" + PETER_SIG.repeat(101));
        for (String note : bad) {
            assertEquals(
                    ErrorCode.NOTE_MALFORMED.name(),
                    code(() -> NoteVerifier.of(PETER).verify(utf8(note))),
                    note);
        }
        byte[] invalidUtf8 = utf8("x" + TEXT + "\n" + PETER_SIG);
        invalidUtf8[0] = (byte) 0xff;
        assertEquals(
                ErrorCode.NOTE_MALFORMED.name(),
                code(() -> NoteVerifier.of(PETER).verify(invalidUtf8)));
        assertEquals(
                100,
                NoteParser.parse(utf8(TEXT + "\n" + PETER_SIG.repeat(100)))
                        .signatures()
                        .size());
    }

    @Test
    void aLineOfAKnownKeyThatDoesNotVerifyRejectsTheNote() {
        String mangled = PETER_SIG.substring(0, 60) + "ABCD" + PETER_SIG.substring(60);
        VerificationException e = assertThrows(
                VerificationException.class, () -> NoteVerifier.of(PETER).verify(utf8(TEXT + "\n" + mangled)));
        assertEquals(ErrorCode.NOTE_UNVERIFIED, e.code());
        assertEquals(Map.of("name", "PeterNeumann", "keyHash", "c74f20a3"), e.details());
        assertEquals(
                ErrorCode.NOTE_UNVERIFIED.name(),
                code(() -> NoteVerifier.of(PETER).verify(utf8(TEXT + "\n" + PETER_SIG + mangled))));
        String enochMangled = ENOCH_SIG.substring(0, 60) + "ABCD" + ENOCH_SIG.substring(60);
        byte[] mixed = utf8(TEXT + "\n" + PETER_SIG + PETER_SIG + ENOCH_SIG + ENOCH_SIG + enochMangled);
        assertEquals(List.of(PETER), NoteVerifier.of(PETER).verify(mixed).verifiedBy());
        assertEquals(
                ErrorCode.NOTE_UNVERIFIED.name(),
                code(() -> NoteVerifier.of(PETER, ENOCH).verify(mixed)));
    }

    @Test
    void keysThatALineCouldNotTellApartAreRefused() {
        MalformedInputException e =
                assertThrows(MalformedInputException.class, () -> NoteVerifier.of(ENOCH, PETER, ENOCH));
        assertEquals(ErrorCode.NOTE_KEY_MALFORMED, e.code());
        assertThrows(IllegalArgumentException.class, () -> NoteVerifier.of(List.of()));
        assertEquals(List.of(ENOCH, PETER), NoteVerifier.of(ENOCH, PETER).keys());
    }

    @Test
    void gosBadVerifierKeysAreMalformed() {
        JsonNode bad = DATA.get("go_note").get("bad_vkeys");
        bad.fieldNames()
                .forEachRemaining(what -> assertEquals(
                        ErrorCode.NOTE_KEY_MALFORMED.name(),
                        code(() -> NoteVerifierKey.parse(bad.get(what).asText())),
                        what));
    }

    @Test
    void aRealSumGolangOrgCheckpointVerifiesAndParses() {
        JsonNode sumdb = DATA.get("trillian_examples");
        NoteVerifierKey key = NoteVerifierKey.parse(sumdb.get("sumdb_vkey").asText());
        VerifiedNote note =
                NoteVerifier.of(key).verify(utf8(sumdb.get("sumdb_note").asText()));
        NoteCheckpoint checkpoint = NoteCheckpoint.from(note);
        assertEquals(sumdb.get("sumdb_origin").asText(), checkpoint.origin());
        assertEquals(sumdb.get("sumdb_size").asLong(), checkpoint.size());
        assertEquals(
                Digest.of(Base64.getDecoder().decode(sumdb.get("sumdb_root").asText())), checkpoint.rootHash());
        assertEquals(List.of(), checkpoint.extensions());
        assertEquals(note.text(), checkpoint.toText());
    }

    @Test
    void witnessCosignaturesVerifyAndLinesOfUnknownNamesAreIgnored() {
        JsonNode sumdb = DATA.get("trillian_examples");
        StringBuilder note = new StringBuilder(sumdb.get("sumdb_note").asText());
        sumdb.get("cosignatures").forEach(line -> note.append(line.asText()));
        sumdb.get("unknown_name_same_hash").forEach(line -> note.append(line.asText()));
        List<NoteVerifierKey> keys = new ArrayList<>();
        keys.add(NoteVerifierKey.parse(sumdb.get("sumdb_vkey").asText()));
        sumdb.get("cosigner_vkeys").forEach(k -> keys.add(NoteVerifierKey.parse(k.asText())));
        VerifiedNote verified = NoteVerifier.of(keys).verify(utf8(note.toString()));
        assertEquals(keys, verified.verifiedBy());
        assertEquals(6476701, NoteCheckpoint.from(verified).size());
        assertEquals(
                List.of(keys.get(2)),
                NoteVerifier.of(keys.get(2)).verify(utf8(note.toString())).verifiedBy());
    }

    @Test
    void theC2spExamplesParseButNoKnownKeySignedThem() {
        JsonNode c2sp = DATA.get("c2sp");
        ParsedNote poem = NoteParser.parse(utf8(c2sp.get("signed_note_example").asText()));
        assertEquals(c2sp.get("signed_note_text").asText(), poem.text());
        assertEquals(1, poem.signatures().size());
        assertEquals("quasimodo.example/salvatore", poem.signatures().get(0).name());
        assertEquals(64, poem.signatures().get(0).signature().length());
        ParsedNote checkpoint =
                NoteParser.parse(utf8(c2sp.get("checkpoint_example").asText()));
        assertEquals(
                "example.com/behind-the-sofa", checkpoint.signatures().get(0).name());
        assertEquals(0x033de0ae, checkpoint.signatures().get(0).keyHash());
        NoteVerifierKey sumdb = vkey("trillian_examples", "sumdb_vkey");
        assertEquals(
                ErrorCode.NOTE_UNVERIFIED.name(),
                code(() -> NoteVerifier.of(sumdb, PETER)
                        .verify(utf8(c2sp.get("checkpoint_example").asText()))));
    }

    @Test
    void theC2spCheckpointTextSignedByATestKeyParses() {
        JsonNode c2sp = DATA.get("c2sp");
        String example = c2sp.get("checkpoint_example").asText();
        String body = example.substring(0, example.indexOf("\n\n") + 1);
        NoteCheckpoint checkpoint = NoteCheckpoint.from(NoteVerifier.of(PETER).verify(sign(body, peter())));
        assertEquals(c2sp.get("checkpoint_origin").asText(), checkpoint.origin());
        assertEquals(c2sp.get("checkpoint_size").asLong(), checkpoint.size());
        assertEquals(
                c2sp.get("checkpoint_root").asText(),
                Base64.getEncoder().encodeToString(checkpoint.rootHash().toByteArray()));
        assertEquals(body, checkpoint.toText());
    }

    @Test
    void gosTreeTextIsACheckpointWhoseRootIsAnRfc6962LeafHash() {
        JsonNode tlog = DATA.get("go_tlog");
        NoteCheckpoint tree = NoteCheckpoint.from(
                NoteVerifier.of(PETER).verify(sign(tlog.get("tree_text").asText(), peter())));
        assertEquals(tlog.get("tree_size").asLong(), tree.size());
        assertEquals(MerkleTreeHash.leaf(utf8(tlog.get("root_is_leaf_hash_of").asText())), tree.rootHash());
        for (JsonNode bad : tlog.get("bad_tree_texts")) {
            VerifiedNote note = NoteVerifier.of(PETER).verify(sign(bad.asText(), peter()));
            assertEquals(ErrorCode.NOTE_MALFORMED.name(), code(() -> NoteCheckpoint.from(note)), bad.asText());
        }
    }
}
