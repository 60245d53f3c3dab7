package dev.cairn.verifier.cli;

/**
 * Verifies the proof documents of one verifiable data structure, named by the documents' {@code vds}
 * member ({@code spec/verifier-cli.md}, "Proof documents").
 *
 * <p>A handler reads its document's members with {@link ProofDocument}'s strict accessors (first
 * {@link ProofDocument#requireFields}, then every member, then the verification, so that a
 * malformed document is reported before any verification runs), calls the verifier library, and
 * returns what to report; a failure is a coded {@link dev.cairn.errors.CairnException}. To add a
 * {@code vds}, write one implementation and add it to {@link ProofHandlers#HANDLERS}.
 */
interface ProofHandler {
    /**
     * The {@code vds} value this handler verifies, such as {@code mmr}.
     *
     * @return the value
     */
    String vds();

    /**
     * Verifies one document whose {@code vds} is this handler's.
     *
     * @param document the document; its {@link ProofDocument#type()} says which proof it is
     * @return the result; its {@link Report#what()} is {@code <vds>-<type>}
     */
    Report verify(ProofDocument document);
}
