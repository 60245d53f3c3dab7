package dev.cairn.cose;

import dev.cairn.bytes.Bytes;
import dev.cairn.cbor.CborMap;
import dev.cairn.keys.VerificationKey;

/**
 * A COSE_Sign1 whose signature verified under a {@link CoseVerifier}'s rules. Only the verifier
 * creates one, so holding a {@code VerifiedSign1} means the checks ran and passed.
 */
public final class VerifiedSign1 {
    private final CoseSign1 message;
    private final CoseAlgorithm algorithm;
    private final VerificationKey key;
    private final CborMap protectedHeader;
    private final Bytes payload;

    VerifiedSign1(
            CoseSign1 message, CoseAlgorithm algorithm, VerificationKey key, CborMap protectedHeader, Bytes payload) {
        this.message = message;
        this.algorithm = algorithm;
        this.key = key;
        this.protectedHeader = protectedHeader;
        this.payload = payload;
    }

    /**
     * The message as received.
     *
     * @return the message
     */
    public CoseSign1 message() {
        return message;
    }

    /**
     * The algorithm the signature was checked with.
     *
     * @return the algorithm
     */
    public CoseAlgorithm algorithm() {
        return algorithm;
    }

    /**
     * The key the signature verified under.
     *
     * @return the key
     */
    public VerificationKey key() {
        return key;
    }

    /**
     * The decoded protected header: every parameter in it is covered by the signature.
     *
     * @return the protected header map
     */
    public CborMap protectedHeader() {
        return protectedHeader;
    }

    /**
     * The unprotected header. Not covered by the signature: treat as a hint only.
     *
     * @return the unprotected header map
     */
    public CborMap unprotectedHeader() {
        return message.unprotectedHeader();
    }

    /**
     * The verified payload: the attached one, or the detached one the caller supplied.
     *
     * @return the payload
     */
    public Bytes payload() {
        return payload;
    }
}
