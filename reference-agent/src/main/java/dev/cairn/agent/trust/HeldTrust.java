package dev.cairn.agent.trust;

import dev.cairn.agent.client.NodeApi;
import dev.cairn.bytes.Bytes;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.VerificationException;
import dev.cairn.trust.bundle.TrustBundle;
import dev.cairn.trust.bundle.TrustBundleState;
import dev.cairn.trust.revocation.FreshnessPolicy;
import dev.cairn.trust.revocation.FreshnessTier;
import dev.cairn.trust.revocation.RevocationEntries;
import dev.cairn.trust.revocation.RevocationEntry;
import dev.cairn.trust.revocation.RevocationHead;
import dev.cairn.trust.revocation.RevocationHeadVerifier;
import dev.cairn.trust.revocation.RevocationState;
import dev.cairn.trust.revocation.VerifiedRevocationHead;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The trust an agent holds: its trust bundle and its revocation state, and the stored head that the
 * revocation state may never fall behind.
 *
 * <p>The state directory stores the newest head, not the chain's entries, so a new process starts
 * with an empty revocation state and fills it with {@link #refreshRevocation} (the head and every
 * entry of the chain), refusing a head older than the stored one ({@link
 * ErrorCode#REVOCATION_HEAD_ROLLBACK}). Until then the stored head only tells how fresh the trust
 * was when last refreshed ({@link #isFresh}).
 *
 * <p>Security guarantees: the bundle changes only through {@link TrustBundleState#update} (signed by a
 * CA of the held bundle, sequence increasing); a head is accepted only when signed by a CA key of the
 * held bundle for its trust domain, not older than the one held or stored, with entries that extend
 * the chain held. Not thread-safe beyond what the sdk-trust states guarantee: one refresher at a time.
 */
public final class HeldTrust {
    private final TrustBundleState bundles;
    private final RevocationState revocation;
    private final FreshnessPolicy policy;
    private final Clock clock;
    private final Optional<VerifiedRevocationHead> stored;

    private HeldTrust(
            TrustBundle bundle, Optional<VerifiedRevocationHead> stored, FreshnessPolicy policy, Clock clock) {
        this.bundles = new TrustBundleState(bundle);
        this.revocation = RevocationState.builder(bundle.trustDomain(), bundle.keys())
                .policy(policy)
                .clock(clock)
                .build();
        this.policy = policy;
        this.clock = clock;
        this.stored = stored;
    }

    /**
     * The trust of a state: the held bundle, and the stored head verified under it.
     *
     * @param bundle the held bundle, trusted as given (it was accepted before it was stored)
     * @param storedHead the stored signed head, if any
     * @param policy the freshness bounds
     * @param clock what "now" is
     * @return the trust
     * @throws dev.cairn.errors.CairnException the head's verification codes ({@code spec/revocation.md}
     *     section 3) if the stored head does not verify under the bundle
     */
    public static HeldTrust of(TrustBundle bundle, Optional<Bytes> storedHead, FreshnessPolicy policy, Clock clock) {
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(clock, "clock");
        Optional<VerifiedRevocationHead> stored =
                storedHead.map(bytes -> verifier(bundle, policy, clock).verify(bytes.toByteArray()));
        return new HeldTrust(bundle, stored, policy, clock);
    }

    private static RevocationHeadVerifier verifier(TrustBundle bundle, FreshnessPolicy policy, Clock clock) {
        return RevocationHeadVerifier.builder()
                .trustedKeys(bundle.keys())
                .expectTrustDomain(bundle.trustDomain())
                .clock(clock)
                .maxClockSkew(policy.maxClockSkew())
                .build();
    }

    /**
     * The trust bundle held now.
     *
     * @return the bundle
     */
    public TrustBundle bundle() {
        return bundles.current();
    }

    /**
     * The revocation state: empty until the first {@link #refreshRevocation}.
     *
     * @return the state
     */
    public RevocationState revocation() {
        return revocation;
    }

    /**
     * Whether the revocation state holds a head fetched by this process (and so the entries).
     *
     * @return {@code true} after a successful {@link #refreshRevocation}
     */
    public boolean hasRevocationState() {
        return revocation.head().isPresent();
    }

    /**
     * The newest head held: the revocation state's, else the stored one.
     *
     * @return the head
     */
    public Optional<VerifiedRevocationHead> head() {
        return revocation.head().or(() -> stored);
    }

    /**
     * The signed bytes of {@link #head()}, as the state directory stores them.
     *
     * @return the bytes
     */
    public Optional<Bytes> headBytes() {
        return head().map(VerifiedRevocationHead::encoded);
    }

    /**
     * The sequence reported in heartbeats.
     *
     * @return the newest head's sequence, -1 for none
     */
    public long revocationSequence() {
        return head().map(h -> h.head().sequence()).orElse(-1L);
    }

    /**
     * Whether the newest head held is fresh for a tier now.
     *
     * @param tier the tier
     * @return {@code false} also when no head is held
     */
    public boolean isFresh(FreshnessTier tier) {
        return head().map(h -> Freshness.isFresh(h.head(), tier, clock.instant(), policy))
                .orElse(false);
    }

    /**
     * When to fetch a newer head for a tier.
     *
     * @param tier the tier
     * @return the instant, or now when no head is held
     */
    public Instant refreshAt(FreshnessTier tier) {
        return head().map(h -> Freshness.refreshAt(h.head(), tier, policy)).orElse(clock.instant());
    }

    /**
     * Checks a serial against the revocation state at a tier.
     *
     * @param serial the serial
     * @param tier the tier
     * @throws VerificationException {@link ErrorCode#CERT_REVOKED} or {@link ErrorCode#REVOCATION_HEAD_STALE}
     */
    public void checkNotRevoked(BigInteger serial, FreshnessTier tier) {
        revocation.checkNotRevoked(serial, tier);
    }

    /**
     * Fetches the newest head and the entries since the chain held, and moves the revocation state to
     * them.
     *
     * @param api the server
     * @return {@code true} if the head held changed
     * @throws dev.cairn.errors.CairnException the server's refusal, a transport failure, the head's
     *     verification codes, {@link ErrorCode#REVOCATION_HEAD_ROLLBACK} (older than the head held or
     *     stored), {@link ErrorCode#REVOCATION_CHAIN_BROKEN}; the state is then unchanged
     */
    public boolean refreshRevocation(NodeApi api) {
        byte[] signed = api.revocationHead().orThrow().toByteArray();
        RevocationHead head = verifier(bundle(), policy, clock).verify(signed).head();
        long floor = stored.map(h -> h.head().sequence()).orElse(-1L);
        if (head.sequence() < floor) {
            throw new VerificationException(
                    ErrorCode.REVOCATION_HEAD_ROLLBACK,
                    "the server's head has sequence " + head.sequence() + ", the stored one " + floor,
                    Map.of("expected", ">= " + floor, "found", Long.toString(head.sequence())),
                    null);
        }
        long before = revocation.head().map(h -> h.head().sequence()).orElse(-1L);
        long from = revocation.position().size();
        List<RevocationEntry> entries = new ArrayList<>();
        for (long at = from; at < head.size(); ) {
            long to = Math.min(head.size(), at + RevocationEntries.MAX_ENTRIES);
            entries.addAll(api.revocationEntries(at, to).orThrow());
            at = to;
        }
        revocation.update(signed, entries);
        return revocation.head().orElseThrow().head().sequence() != before;
    }

    /**
     * Fetches the signed trust bundle and replaces the held one if it is newer; the revocation state
     * then trusts the new bundle's CA keys.
     *
     * @param api the server
     * @return {@code true} if the bundle changed
     * @throws dev.cairn.errors.CairnException the server's refusal, a transport failure, {@link
     *     ErrorCode#BUNDLE_SIGNER_UNTRUSTED}, {@link ErrorCode#BUNDLE_ROLLBACK}, ...; nothing changes then
     */
    public boolean refreshBundle(NodeApi api) {
        long before = bundle().sequence();
        TrustBundle next = bundles.update(api.signedBundle().orThrow().toByteArray());
        if (next.sequence() == before) {
            return false;
        }
        revocation.replaceTrustedKeys(next.keys());
        return true;
    }
}
