package dev.cairn.verifier;

import dev.cairn.errors.ErrorCode;
import dev.cairn.trust.bundle.TrustBundle;
import dev.cairn.trust.revocation.RevocationEntry;
import dev.cairn.trust.revocation.RevocationState;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Verifies a signed revocation head with its whole chain of entries ({@code spec/revocation.md},
 * sections 3 and 4), through sdk-trust's {@link RevocationState}: the head must be signed by a CA
 * key of the trust bundle, for the bundle's trust domain, not issued beyond the clock skew, and the
 * entries from index 0 must hash to exactly the head's size and chain value.
 */
public final class RevocationHeads {
    private RevocationHeads() {}

    /**
     * Verifies a head and its entries.
     *
     * @param bundle the trust bundle whose CA keys may sign heads
     * @param signedHead the signed head, a tagged COSE_Sign1
     * @param allEntries every entry of the chain, from index 0 up to the head's size
     * @param clock what "now" is, for the head's issue time now and for freshness later
     * @return the verified revocation state
     * @throws dev.cairn.errors.CairnException the head's codes ({@code COSE_*}, {@link
     *     ErrorCode#SIGNATURE_KEY_UNTRUSTED}, {@link ErrorCode#REVOCATION_MALFORMED}, {@link
     *     ErrorCode#REVOCATION_HEAD_STALE}) or {@link ErrorCode#REVOCATION_CHAIN_BROKEN}
     */
    public static VerifiedRevocation verify(
            TrustBundle bundle, byte[] signedHead, List<RevocationEntry> allEntries, Clock clock) {
        Objects.requireNonNull(signedHead, "signedHead");
        Objects.requireNonNull(allEntries, "allEntries");
        RevocationState state = empty(bundle, clock);
        state.updateFromStart(signedHead, allEntries);
        return new VerifiedRevocation(state, state.head().orElseThrow());
    }

    /**
     * A revocation state that holds no head: every check against it fails closed with {@link
     * ErrorCode#REVOCATION_HEAD_STALE}.
     */
    static RevocationState empty(TrustBundle bundle, Clock clock) {
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(clock, "clock");
        return RevocationState.builder(bundle.trustDomain(), bundle.keys())
                .clock(clock)
                .build();
    }
}
