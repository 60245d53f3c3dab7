package dev.cairn.verifier.note;

import static dev.cairn.verifier.note.NoteFixtures.Signer;
import static dev.cairn.verifier.note.NoteFixtures.outcome;
import static dev.cairn.verifier.note.NoteFixtures.peter;
import static dev.cairn.verifier.note.NoteFixtures.sign;
import static dev.cairn.verifier.note.NoteFixtures.text;
import static dev.cairn.verifier.note.NoteFixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.cairn.bytes.Digest;
import dev.cairn.errors.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Arbitrary input to each parser ends in a value or a typed NOTE_* error, nothing else. */
class NotePropertyTest {
    private static final String MALFORMED = ErrorCode.NOTE_MALFORMED.name();
    private static final String UNVERIFIED = ErrorCode.NOTE_UNVERIFIED.name();
    private static final String KEY_MALFORMED = ErrorCode.NOTE_KEY_MALFORMED.name();
    private static final NoteVerifier VERIFIER = NoteVerifier.of(peter().verifierKey());

    /** Arbitrary bytes, biased towards the bytes notes are made of. */
    private static Gen<byte[]> noteLikeBytes() {
        byte[] alphabet = utf8("\n\n\u2014 +=/aZ09\u00e8");
        return lists().of(integers().between(0, 300)).ofSizeBetween(0, 200).map(values -> {
            byte[] out = new byte[values.size()];
            for (int i = 0; i < out.length; i++) {
                int v = values.get(i);
                out[i] = v < 256 ? (byte) v : alphabet[v % alphabet.length];
            }
            return out;
        });
    }

    @Test
    void arbitraryBytesAreANoteOrMalformedOrUnverified() {
        qt().withExamples(2000).forAll(noteLikeBytes()).checkAssert(bytes -> {
            String parsed = outcome(() -> NoteParser.parse(bytes));
            assertTrue(parsed.equals("ok") || parsed.equals(MALFORMED), parsed);
            String verified = outcome(() -> VERIFIER.verify(bytes));
            assertTrue(Set.of(MALFORMED, UNVERIFIED).contains(verified), verified);
        });
    }

    @Test
    void arbitraryStringsAreAKeyOrMalformed() {
        qt().withExamples(2000)
                .forAll(strings().allPossible().ofLengthBetween(0, 80))
                .checkAssert(text -> {
                    String got = outcome(() -> NoteVerifierKey.parse(text));
                    assertTrue(got.equals("ok") || got.equals(KEY_MALFORMED), got);
                });
        String key = text("go_note", "peter_vkey");
        qt().withExamples(2000)
                .forAll(integers().between(0, key.length() - 1), integers().between(0, 0xffff))
                .checkAssert((at, c) -> {
                    String changed = key.substring(0, at) + (char) (int) c + key.substring(at + 1);
                    String got = outcome(() -> NoteVerifierKey.parse(changed));
                    assertEquals(changed.equals(key) ? "ok" : KEY_MALFORMED, got, changed);
                });
    }

    @Test
    void arbitraryNamesAreAKeyThatRoundTripsOrMalformed() {
        dev.cairn.keys.VerificationKey key = peter().key().verificationKey();
        qt().withExamples(2000)
                .forAll(strings().betweenCodePoints(0, 0x3100).ofLengthBetween(0, 20))
                .checkAssert(name -> {
                    boolean plain =
                            !name.isEmpty() && name.codePoints().allMatch(cp -> cp > 0x20 && cp != '+' && cp < 0x7f);
                    String got = outcome(() -> {
                        NoteVerifierKey made = NoteVerifierKey.of(name, key);
                        assertEquals(made, NoteVerifierKey.parse(made.encode()));
                    });
                    assertTrue(got.equals("ok") || got.equals(KEY_MALFORMED), got);
                    if (plain) {
                        assertEquals("ok", got, name);
                    }
                });
    }

    @Test
    void arbitraryTextsAreACheckpointOrMalformed() {
        String root = "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=";
        Gen<String> lines = strings().betweenCodePoints(0, 0x3000).ofLengthBetween(0, 12);
        qt().withExamples(2000)
                .forAll(lists().of(lines).ofSizeBetween(0, 6), integers().between(0, 3))
                .checkAssert((parts, shape) -> {
                    List<String> all = new ArrayList<>(parts);
                    if (shape > 0 && all.size() >= 3) {
                        all.set(2, root);
                    }
                    if (shape > 1 && all.size() >= 3) {
                        all.set(1, Integer.toString(parts.get(1).length()));
                    }
                    String text = String.join("\n", all) + (shape == 3 ? "" : "\n");
                    String got = outcome(() -> NoteCheckpoint.parse(text));
                    assertTrue(got.equals("ok") || got.equals(MALFORMED), got);
                });
    }

    @Test
    void anySingleByteChangeOfASignedNoteIsRejectedTyped() {
        byte[] note = utf8(text("go_note", "text") + "\n" + text("go_note", "peter_sig"));
        qt().withExamples(2000)
                .forAll(integers().between(0, note.length - 1), integers().between(1, 255))
                .checkAssert((at, delta) -> {
                    byte[] changed = note.clone();
                    changed[at] = (byte) (changed[at] + delta);
                    String got = outcome(() -> VERIFIER.verify(changed));
                    assertTrue(Set.of(MALFORMED, UNVERIFIED).contains(got), "byte " + at + " +" + delta + ": " + got);
                });
    }

    @Test
    void generatedCheckpointsSignedByGeneratedKeysVerifyAndRoundTrip() {
        Gen<String> origins = strings().betweenCodePoints(0x21, 0x2fff).ofLengthBetween(1, 30);
        qt().withExamples(200)
                .forAll(
                        origins,
                        longs().between(0, Long.MAX_VALUE),
                        longs().all(),
                        integers().between(0, 3))
                .checkAssert((origin, size, seed, extensions) -> {
                    Random random = new Random(seed);
                    byte[] root = new byte[32];
                    random.nextBytes(root);
                    List<String> lines = new ArrayList<>();
                    for (int i = 0; i < extensions; i++) {
                        lines.add("ext " + random.nextInt());
                    }
                    NoteCheckpoint checkpoint = new NoteCheckpoint(origin, size, Digest.of(root), lines);
                    Signer log = Signer.generate("log.example/" + Long.toHexString(seed), seed);
                    Signer witness = Signer.generate("witness.example", seed + 1);
                    byte[] note = sign(checkpoint.toText(), log, witness);
                    VerifiedNote verified = NoteVerifier.of(witness.verifierKey(), log.verifierKey())
                            .verify(note);
                    assertEquals(List.of(log.verifierKey(), witness.verifierKey()), verified.verifiedBy());
                    assertEquals(checkpoint, NoteCheckpoint.from(verified));
                });
    }
}
