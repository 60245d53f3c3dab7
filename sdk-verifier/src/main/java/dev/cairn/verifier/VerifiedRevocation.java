package dev.cairn.verifier;

import dev.cairn.errors.ErrorCode;
import dev.cairn.trust.revocation.FreshnessTier;
import dev.cairn.trust.revocation.RevocationState;
import dev.cairn.trust.revocation.VerifiedRevocationHead;
import java.math.BigInteger;
import java.util.Set;

/**
 * A revocation head and its entries that {@link RevocationHeads} verified: the serials it revokes,
 * and freshness judged by the clock it was verified with. Only the verifier creates one.
 */
public final class VerifiedRevocation {
    private final RevocationState state;
    private final VerifiedRevocationHead head;

    VerifiedRevocation(RevocationState state, VerifiedRevocationHead head) {
        this.state = state;
        this.head = head;
    }

    /**
     * The verified head.
     *
     * @return the head
     */
    public VerifiedRevocationHead head() {
        return head;
    }

    /**
     * The serials the head's chain revokes.
     *
     * @return an unmodifiable set
     */
    public Set<BigInteger> revokedSerials() {
        return state.revokedSerials();
    }

    /**
     * Checks that a serial is not revoked, under a head fresh enough for a tier.
     *
     * @param serial the certificate serial
     * @param tier the freshness tier of the action
     * @throws dev.cairn.errors.VerificationException {@link ErrorCode#CERT_REVOKED} or {@link
     *     ErrorCode#REVOCATION_HEAD_STALE}
     */
    public void checkNotRevoked(BigInteger serial, FreshnessTier tier) {
        state.checkNotRevoked(serial, tier);
    }

    /** The relying-party state behind this value, for sdk-trust's peer verifier. */
    RevocationState state() {
        return state;
    }

    @Override
    public String toString() {
        return "VerifiedRevocation[" + head + ", " + state.revokedSerials().size() + " revoked]";
    }
}
