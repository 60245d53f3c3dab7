package dev.cairn.trust.revocation;

import dev.cairn.cose.CoseSigner;
import dev.cairn.keys.SigningKey;
import java.util.Objects;

/**
 * Signs revocation heads as COSE_Sign1 messages with the head as attached payload and the protected
 * content type {@link RevocationHead#CONTENT_TYPE} ({@code spec/revocation.md}). The key is a CA key
 * of the trust domain: the issuing intermediate's.
 *
 * <p>The caller assigns sequences and MUST give every head it signs a greater sequence than the
 * last one, persisted before the head is published: relying parties refuse a lower sequence, and a
 * different head with the same sequence, as a rollback. {@link RevocationPublisher} does this
 * bookkeeping. Thread-safe.
 */
public final class RevocationHeadSigner {
    private final CoseSigner signer;

    /**
     * Creates a signer.
     *
     * @param key the issuing CA's key
     */
    public RevocationHeadSigner(SigningKey key) {
        this.signer = CoseSigner.builder(Objects.requireNonNull(key, "key"))
                .contentType(RevocationHead.CONTENT_TYPE)
                .build();
    }

    /**
     * Signs a head.
     *
     * @param head the head
     * @return the encoded, tagged COSE_Sign1
     */
    public byte[] sign(RevocationHead head) {
        return signer.sign(head.encode()).encode();
    }
}
