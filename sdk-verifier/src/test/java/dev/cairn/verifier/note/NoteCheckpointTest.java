package dev.cairn.verifier.note;

import static dev.cairn.verifier.note.NoteFixtures.outcome;
import static dev.cairn.verifier.note.NoteFixtures.peter;
import static dev.cairn.verifier.note.NoteFixtures.sign;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cairn.bytes.Digest;
import dev.cairn.errors.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The tlog-checkpoint body: each line's rules, read only from a verified note. */
class NoteCheckpointTest {
    private static final String ROOT = "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=";
    private static final NoteVerifier VERIFIER = NoteVerifier.of(peter().verifierKey());

    private static NoteCheckpoint read(String body) {
        return NoteCheckpoint.from(VERIFIER.verify(sign(body, peter())));
    }

    @Test
    void aCheckpointWithExtensionsRoundTrips() {
        String body = "example.com/log\n0\n" + ROOT + "\nfirst extension\nsecond \u00e9xtension\n";
        NoteCheckpoint checkpoint = read(body);
        assertEquals("example.com/log", checkpoint.origin());
        assertEquals(0, checkpoint.size());
        assertEquals(List.of("first extension", "second \u00e9xtension"), checkpoint.extensions());
        assertEquals(body, checkpoint.toText());
        assertEquals(
                Long.MAX_VALUE, read("o\n9223372036854775807\n" + ROOT + "\n").size());
        assertEquals(
                "origin with spaces + plus",
                read("origin with spaces + plus\n1\n" + ROOT + "\n").origin());
    }

    @Test
    void everyMalformedBodyIsRejected() {
        Map<String, String> bodies = Map.ofEntries(
                Map.entry("two lines", "o\n5\n"),
                Map.entry("one line", "o\n"),
                Map.entry("empty origin", "\n5\n" + ROOT + "\n"),
                Map.entry("leading zero", "o\n05\n" + ROOT + "\n"),
                Map.entry("double zero", "o\n00\n" + ROOT + "\n"),
                Map.entry("plus sign", "o\n+5\n" + ROOT + "\n"),
                Map.entry("minus sign", "o\n-5\n" + ROOT + "\n"),
                Map.entry("space before size", "o\n 5\n" + ROOT + "\n"),
                Map.entry("hex size", "o\n0x5\n" + ROOT + "\n"),
                Map.entry("empty size", "o\n\n" + ROOT + "\n"),
                Map.entry("size 2^63", "o\n9223372036854775808\n" + ROOT + "\n"),
                Map.entry("size of 20 digits", "o\n10000000000000000000\n" + ROOT + "\n"),
                Map.entry("non-ASCII digit", "o\n\u0665\n" + ROOT + "\n"),
                Map.entry("root of 31 bytes", "o\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxqw==\n"),
                Map.entry("root of 33 bytes", "o\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2IA\n"),
                Map.entry("root unpadded", "o\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I\n"),
                Map.entry("root non-canonical", "o\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2J=\n"),
                Map.entry("root base64url", "o\n5\nCsUYapGGPo4dkMgIAUqom_Xajj7h2fB2MPA3j2jxq2I=\n"),
                Map.entry("root in hex", "o\n5\n0ac5186a91863e8e1d90c808014aa89bf5da8e3ee1d9f07630f0378f68f1ab62\n"),
                Map.entry("empty extension line", "o\n5\n" + ROOT + "\n\next\n"),
                Map.entry("empty last extension line", "o\n5\n" + ROOT + "\next\n\n"));
        List<Executable> checks = new ArrayList<>();
        bodies.forEach((name, body) -> checks.add(() -> {
            VerifiedNote note = VERIFIER.verify(sign(body, peter()));
            assertEquals(ErrorCode.NOTE_MALFORMED.name(), outcome(() -> NoteCheckpoint.from(note)), name);
        }));
        assertAll(checks);
    }

    @Test
    void theRecordRefusesWhatNoCheckpointHolds() {
        Digest root = Digest.of(new byte[32]);
        String malformed = ErrorCode.NOTE_MALFORMED.name();
        assertEquals(malformed, outcome(() -> new NoteCheckpoint("", 1, root, List.of())));
        assertEquals(malformed, outcome(() -> new NoteCheckpoint("a\nb", 1, root, List.of())));
        assertEquals(malformed, outcome(() -> new NoteCheckpoint("o", -1, root, List.of())));
        assertEquals(malformed, outcome(() -> new NoteCheckpoint("o", 1, root, List.of(""))));
        assertEquals(malformed, outcome(() -> new NoteCheckpoint("o", 1, root, List.of("a\rb"))));
        assertEquals(malformed, outcome(() -> new NoteCheckpoint("\ud800", 1, root, List.of())));
        assertEquals("ok", outcome(() -> new NoteCheckpoint("o", 1, root, List.of("x"))));
    }
}
