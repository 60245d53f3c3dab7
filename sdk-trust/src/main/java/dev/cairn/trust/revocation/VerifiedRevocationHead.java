package dev.cairn.trust.revocation;

import dev.cairn.bytes.Bytes;
import dev.cairn.keys.VerificationKey;

/**
 * A revocation head whose signature, signer, content type, trust domain and issue time a {@link
 * RevocationHeadVerifier} checked. Only the verifier creates one.
 */
public final class VerifiedRevocationHead {
    private final RevocationHead head;
    private final VerificationKey signer;
    private final Bytes encoded;

    VerifiedRevocationHead(RevocationHead head, VerificationKey signer, Bytes encoded) {
        this.head = head;
        this.signer = signer;
        this.encoded = encoded;
    }

    /**
     * The verified head.
     *
     * @return the head
     */
    public RevocationHead head() {
        return head;
    }

    /**
     * The trusted key that signed it.
     *
     * @return the signer
     */
    public VerificationKey signer() {
        return signer;
    }

    /**
     * The signed bytes as received, for passing the head on to others.
     *
     * @return the encoded COSE_Sign1
     */
    public Bytes encoded() {
        return encoded;
    }

    @Override
    public String toString() {
        return "VerifiedRevocationHead[" + head + ", signer=" + signer.kid().toHex() + "]";
    }
}
