package dev.cairn.checkpoint;

import dev.cairn.bytes.Bytes;
import dev.cairn.keys.VerificationKey;

/**
 * A checkpoint whose signature, signer and log id a {@link CheckpointVerifier} checked. Only the
 * verifier creates one.
 */
public final class VerifiedCheckpoint {
    private final Checkpoint checkpoint;
    private final VerificationKey signer;
    private final Bytes encoded;

    VerifiedCheckpoint(Checkpoint checkpoint, VerificationKey signer, Bytes encoded) {
        this.checkpoint = checkpoint;
        this.signer = signer;
        this.encoded = encoded;
    }

    /**
     * The verified state.
     *
     * @return the checkpoint
     */
    public Checkpoint checkpoint() {
        return checkpoint;
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
     * The signed bytes as received.
     *
     * @return the encoded COSE_Sign1
     */
    public Bytes encoded() {
        return encoded;
    }

    @Override
    public String toString() {
        return "VerifiedCheckpoint[" + checkpoint + ", signer=" + signer.kid().toHex() + "]";
    }
}
