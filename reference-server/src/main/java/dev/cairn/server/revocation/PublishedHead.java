package dev.cairn.server.revocation;

import dev.cairn.bytes.Bytes;
import java.time.Instant;
import java.util.Objects;

/**
 * A revocation head as published and persisted: what {@code GET /v1/trust/revocation/head} and
 * {@code GET /v1/trust/crl} serve.
 *
 * @param sequence the head's sequence
 * @param chainSize the number of chain entries it commits to
 * @param issuedAt its issued-at
 * @param signedHead the tagged COSE_Sign1 of the head
 * @param crl the DER of the CRL of the same chain position (CRL number = sequence)
 */
public record PublishedHead(long sequence, long chainSize, Instant issuedAt, Bytes signedHead, Bytes crl) {
    /**
     * Validates the components.
     *
     * @param sequence not negative
     * @param chainSize not negative
     * @param issuedAt the time
     * @param signedHead the head
     * @param crl the CRL
     */
    public PublishedHead {
        if (sequence < 0 || chainSize < 0) {
            throw new IllegalArgumentException("sequence and size must not be negative");
        }
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(signedHead, "signedHead");
        Objects.requireNonNull(crl, "crl");
    }
}
