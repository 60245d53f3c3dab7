package dev.cairn.verifier;

import dev.cairn.receipt.VerifiedReceipt;
import dev.cairn.trust.tls.PeerIdentity;
import java.util.Optional;

/**
 * A full receipt that a {@link FullReceiptVerifier} checked, and, when the signer's certificate
 * chain was given, the identity that chain proves for the key that signed it. Only the verifier
 * creates one.
 */
public final class AuditedReceipt {
    private final VerifiedReceipt receipt;
    private final Optional<PeerIdentity> signer;

    AuditedReceipt(VerifiedReceipt receipt, Optional<PeerIdentity> signer) {
        this.receipt = receipt;
        this.signer = signer;
    }

    /**
     * The receipt as sdk-core verified it: statement, marker, checkpoint.
     *
     * @return the verified receipt
     */
    public VerifiedReceipt receipt() {
        return receipt;
    }

    /**
     * The log signer's identity from its verified certificate.
     *
     * @return the identity, or empty when no signer chain was checked
     */
    public Optional<PeerIdentity> signer() {
        return signer;
    }

    @Override
    public String toString() {
        return "AuditedReceipt[" + receipt
                + signer.map(s -> ", signer " + s.id()).orElse("") + "]";
    }
}
