package dev.cairn.verifier.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.errors.MalformedInputException;
import java.io.IOException;
import java.io.InputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code cairn-verify proof FILE}: verifies JSON proof documents, one or an array of them, each by
 * the handler of its {@code vds} ({@link ProofHandlers}). With an array, one result per document,
 * in order; the exit code is the most severe result's.
 */
@Command(
        name = "proof",
        description = {
            "Verifies JSON proof documents.",
            "One document, or an array of them (one result line each).",
            "Formats (spec/verifier-cli.md): vds mmr, type inclusion or consistency; vds rfc9162 where a"
                    + " handler is registered."
        })
final class ProofCommand extends VerifyCommand {
    private static final String DOCUMENT = "proof-document";

    @Parameters(
            index = "0",
            paramLabel = "FILE",
            description = "The JSON file of proof documents; - for standard input.")
    String file;

    @Override
    String what() {
        return DOCUMENT;
    }

    @Override
    int verify(Output results) {
        Inputs inputs = inputs();
        long size = inputs.size(file);
        int[] exit = {ExitCode.VALID};
        long[] done = {0};
        try (InputStream in = inputs.stream(file);
                ProgressBar bar = ProgressBar.start(console(), output.progress, "proofs", size, "documents");
                ProofDocumentReader reader = new ProofDocumentReader(in)) {
            results.showingProgress(bar);
            reader.readAll(new ProofDocumentReader.Sink() {
                @Override
                public void document(long index, ObjectNode document) {
                    exit[0] = ExitCode.worst(exit[0], verifyOne(results, index, new ProofDocument(document)));
                    bar.update(reader.bytesRead(), ++done[0]);
                }

                @Override
                public void refused(long index, MalformedInputException failure) {
                    exit[0] = ExitCode.worst(exit[0], results.failure(DOCUMENT, failure, index));
                    bar.update(reader.bytesRead(), ++done[0]);
                }
            });
        } catch (MalformedInputException e) {
            exit[0] = ExitCode.worst(exit[0], results.failure(DOCUMENT, e, Output.ALONE));
        } catch (ProofDocumentReader.ReadFailure e) {
            exit[0] = ExitCode.worst(exit[0], readFailure(results, e.getCause()));
        } catch (IOException e) {
            exit[0] = ExitCode.worst(exit[0], readFailure(results, e));
        }
        return exit[0];
    }

    private int readFailure(Output results, IOException e) {
        return results.failure(
                DOCUMENT, new InternalException(ErrorCode.INTERNAL_IO, "reading " + file + ": " + e, e), Output.ALONE);
    }

    private static int verifyOne(Output results, long index, ProofDocument document) {
        String what = DOCUMENT;
        try {
            String vds = document.vds();
            String type = document.type();
            ProofHandler handler = ProofHandlers.forVds(vds);
            what = vds + "-" + type;
            return results.valid(handler.verify(document), index);
        } catch (CairnException e) {
            return results.failure(what, e, index);
        } catch (RuntimeException e) {
            return results.internal(what, e, index);
        }
    }
}
