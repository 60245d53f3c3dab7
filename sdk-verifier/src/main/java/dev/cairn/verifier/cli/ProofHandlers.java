package dev.cairn.verifier.cli;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import java.util.List;
import java.util.TreeSet;

/** The registry of proof document handlers, one per {@code vds}: the one place a new format is added. */
final class ProofHandlers {
    /** Every handler the {@code proof} subcommand knows. */
    static final List<ProofHandler> HANDLERS = List.of(new MmrProofHandler(), new Rfc9162ProofHandler());

    private ProofHandlers() {}

    /**
     * The handler of a {@code vds}.
     *
     * @param vds the document's {@code vds} member
     * @return the handler
     * @throws MalformedInputException {@link ErrorCode#PROOF_DOCUMENT_MALFORMED} (unsupported vds) if
     *     none is registered for it
     */
    static ProofHandler forVds(String vds) {
        for (ProofHandler handler : HANDLERS) {
            if (handler.vds().equals(vds)) {
                return handler;
            }
        }
        TreeSet<String> known = new TreeSet<>();
        HANDLERS.forEach(h -> known.add(h.vds()));
        throw ProofDocument.malformed("vds", "a supported vds: one of " + known, "unsupported vds \"" + vds + "\"");
    }
}
