package dev.cairn.trust.revocation;

import dev.cairn.bytes.Bytes;
import dev.cairn.trust.identity.TrustDomain;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The issuer's publication step ({@code spec/revocation.md}): reads one position of a {@link
 * RevocationChain} and signs, from that same position, the next revocation head and the matching
 * X.509 CRL. Heads are published periodically even when no entry was added, so that relying parties
 * can show their revocation data is fresh, and right after each revocation.
 *
 * <p>Sequences start after the {@code lastSequence} given at creation and grow by one per
 * publication. The caller MUST persist a publication's sequence before distributing its head, and
 * pass the last persisted sequence when it creates the publisher again (after a restart): a
 * relying party refuses a different head with a sequence it has already seen. Thread-safe.
 */
public final class RevocationPublisher {
    /** The default time from a head's issued-at to its next-update. */
    public static final Duration DEFAULT_HEAD_VALIDITY = Duration.ofHours(1);

    /** The longest time from a head's issued-at to its next-update. */
    public static final Duration MAX_HEAD_VALIDITY = Duration.ofDays(366);

    private final TrustDomain trustDomain;
    private final RevocationChain chain;
    private final RevocationHeadSigner headSigner;
    private final RevocationCrlSigner crlSigner;
    private final Clock clock;
    private final Duration validity;
    private long lastSequence;

    /**
     * What one publication produced: the head, its signed form and the CRL of the same chain position.
     *
     * @param head the head
     * @param signedHead the head as a tagged COSE_Sign1
     * @param crl the CRL with CRL number = the head's sequence
     */
    public record Publication(RevocationHead head, Bytes signedHead, RevocationCrl crl) {
        /**
         * Validates the components.
         *
         * @param head the head
         * @param signedHead the signed head
         * @param crl the CRL
         */
        public Publication {
            Objects.requireNonNull(head, "head");
            Objects.requireNonNull(signedHead, "signedHead");
            Objects.requireNonNull(crl, "crl");
        }
    }

    /**
     * Creates a publisher.
     *
     * @param trustDomain the trust domain the heads are for
     * @param chain the revocation chain
     * @param headSigner signs heads with the issuing intermediate's key
     * @param crlSigner signs CRLs with the same key
     * @param clock the source of issued-at
     * @param validity from issued-at to next-update: from one second to {@link #MAX_HEAD_VALIDITY}
     * @param lastSequence the last sequence published before, or -1 when none was
     * @return the publisher
     * @throws IllegalArgumentException if the validity or the last sequence is out of range
     */
    public static RevocationPublisher create(
            TrustDomain trustDomain,
            RevocationChain chain,
            RevocationHeadSigner headSigner,
            RevocationCrlSigner crlSigner,
            Clock clock,
            Duration validity,
            long lastSequence) {
        if (validity.compareTo(Duration.ofSeconds(1)) < 0
                || validity.compareTo(MAX_HEAD_VALIDITY) > 0
                || lastSequence < -1
                || lastSequence == Long.MAX_VALUE) {
            throw new IllegalArgumentException("want 1 s <= validity <= 366 days and -1 <= lastSequence < 2^63 - 1");
        }
        return new RevocationPublisher(trustDomain, chain, headSigner, crlSigner, clock, validity, lastSequence);
    }

    private RevocationPublisher(
            TrustDomain trustDomain,
            RevocationChain chain,
            RevocationHeadSigner headSigner,
            RevocationCrlSigner crlSigner,
            Clock clock,
            Duration validity,
            long lastSequence) {
        this.trustDomain = Objects.requireNonNull(trustDomain, "trustDomain");
        this.chain = Objects.requireNonNull(chain, "chain");
        this.headSigner = Objects.requireNonNull(headSigner, "headSigner");
        this.crlSigner = Objects.requireNonNull(crlSigner, "crlSigner");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.validity = validity;
        this.lastSequence = lastSequence;
    }

    /**
     * Publishes the next head and CRL for the chain as it is now.
     *
     * @return the publication
     * @throws IllegalStateException if the sequence space is exhausted
     */
    public synchronized Publication publish() {
        if (lastSequence == Long.MAX_VALUE) {
            throw new IllegalStateException("no sequence left");
        }
        ChainPosition position = chain.position();
        Instant issuedAt = Instant.ofEpochMilli(Math.max(0, clock.millis()));
        RevocationHead head =
                RevocationHead.of(trustDomain, lastSequence + 1, position, issuedAt, issuedAt.plus(validity));
        Bytes signed = Bytes.copyOf(headSigner.sign(head));
        RevocationCrl crl = crlSigner.sign(head, chain.entries(0, position.size()));
        lastSequence = head.sequence();
        return new Publication(head, signed, crl);
    }

    /**
     * The sequence of the last head published, or given at creation.
     *
     * @return the sequence, or -1 when none was published
     */
    public synchronized long lastSequence() {
        return lastSequence;
    }
}
