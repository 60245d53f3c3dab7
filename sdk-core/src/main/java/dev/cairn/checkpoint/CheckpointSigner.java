package dev.cairn.checkpoint;

import dev.cairn.cbor.Cbor;
import dev.cairn.cose.CoseSigner;
import dev.cairn.keys.SigningKey;

/**
 * Signs checkpoints: a COSE_Sign1 with the checkpoint as attached payload and content type {@link
 * Checkpoint#CONTENT_TYPE} (see {@code spec/receipts.md}). Thread-safe.
 */
public final class CheckpointSigner {
    private final CoseSigner signer;

    /**
     * Creates a signer for a log's key.
     *
     * @param key the log's signing key
     */
    public CheckpointSigner(SigningKey key) {
        this.signer =
                CoseSigner.builder(key).contentType(Checkpoint.CONTENT_TYPE).build();
    }

    /**
     * Signs a checkpoint.
     *
     * @param checkpoint the state to sign
     * @return the encoded, tagged COSE_Sign1
     */
    public byte[] sign(Checkpoint checkpoint) {
        return signer.sign(Cbor.encode(checkpoint.toCbor())).encode();
    }
}
