package dev.cairn.verifier.cli;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.VerificationException;
import dev.cairn.verifier.note.NoteCheckpoint;
import dev.cairn.verifier.note.NoteVerifier;
import dev.cairn.verifier.note.NoteVerifierKey;
import dev.cairn.verifier.note.VerifiedNote;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cairn-verify note}: a C2SP signed note against one or more verifier keys, and optionally
 * the tlog-checkpoint it carries ({@code spec/verifier.md}, "Signed notes").
 */
@Command(
        name = "note",
        description = {
            "Verifies a C2SP signed note (Ed25519) against verifier keys given as name+hash+base64.",
            "Every signature line of a given key must verify, and at least one given key must have signed.",
            "With --checkpoint, the note's text must also be a tlog-checkpoint (origin, size, root hash)."
        })
final class NoteCommand extends VerifyCommand {
    @Parameters(index = "0", paramLabel = "NOTE", description = "The signed note (a file, or - for standard input).")
    String note;

    @Option(
            names = "--key",
            required = true,
            paramLabel = "VKEY",
            description = "A verifier key, name+hash+base64 (C2SP signed-note). Repeatable.")
    List<String> keys = new ArrayList<>();

    @Option(names = "--checkpoint", description = "Read the note's text as a tlog-checkpoint.")
    boolean checkpoint;

    @Option(
            names = "--origin",
            paramLabel = "ORIGIN",
            description = "The checkpoint's expected origin line (implies --checkpoint).")
    String origin;

    @Override
    String what() {
        return checkpoint || origin != null ? "note-checkpoint" : "note";
    }

    @Override
    int verify(Output results) {
        List<NoteVerifierKey> verifierKeys = new ArrayList<>();
        for (String key : keys) {
            verifierKeys.add(NoteVerifierKey.parse(key));
        }
        VerifiedNote verified = NoteVerifier.of(verifierKeys).verify(inputs().bytes(note));
        List<String> signers =
                verified.verifiedBy().stream().map(NoteVerifierKey::name).toList();
        if (!checkpoint && origin == null) {
            return results.valid(
                    Report.of("note", "signed by " + String.join(", ", signers))
                            .with("signers", String.join(" ", signers))
                            .with("text_bytes", verified.textBytes().length()),
                    Output.ALONE);
        }
        NoteCheckpoint body = NoteCheckpoint.from(verified);
        if (origin != null && !origin.equals(body.origin())) {
            throw VerificationException.mismatch(ErrorCode.RECEIPT_LOG_MISMATCH, origin, body.origin());
        }
        return results.valid(
                Report.of(
                                "note-checkpoint",
                                body.origin() + " at size " + body.size() + ", signed by " + String.join(", ", signers))
                        .with("origin", body.origin())
                        .with("size", body.size())
                        .with("root_hash", body.rootHash().toHex())
                        .with("signers", String.join(" ", signers)),
                Output.ALONE);
    }
}
