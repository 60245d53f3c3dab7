package dev.cairn.verifier.cli;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.mmr.Accumulator;
import java.util.Set;

/**
 * An accumulator file ({@code spec/verifier-cli.md}, "Accumulator files"): the JSON object {@code
 * {"size": uint, "peaks": [hex, ...]}}, peaks highest first, read as strictly as proof documents.
 */
final class AccumulatorFile {
    private AccumulatorFile() {}

    /**
     * Reads an accumulator.
     *
     * @param content the file's bytes, UTF-8 JSON
     * @return the accumulator
     * @throws MalformedInputException {@link ErrorCode#PROOF_DOCUMENT_MALFORMED} for a file that is not
     *     such an object; {@link ErrorCode#MMR_SIZE_INVALID} if the peaks do not fit the size
     */
    static Accumulator read(byte[] content) {
        ProofDocument fields = new ProofDocument(ProofDocumentReader.single(content));
        fields.requireExactly(Set.of("size", "peaks"));
        long size = fields.integer("size");
        return new Accumulator(size, fields.hashes("peaks"));
    }
}
