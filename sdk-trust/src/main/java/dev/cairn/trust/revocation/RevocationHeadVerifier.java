package dev.cairn.trust.revocation;

import dev.cairn.bytes.Bytes;
import dev.cairn.cbor.CborLimits;
import dev.cairn.cose.CoseAlgorithm;
import dev.cairn.cose.CoseVerifier;
import dev.cairn.cose.VerifiedSign1;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.VerificationException;
import dev.cairn.keys.KeySet;
import dev.cairn.trust.identity.TrustDomain;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Verifies signed revocation heads against the trust domain's CA keys ({@code spec/revocation.md}).
 *
 * <p>Checks, in order: the COSE_Sign1 under the trusted keys (chosen by kid) with the revocation head
 * content type; the payload's strict decoding; the expected trust domain ({@link
 * ErrorCode#SIGNATURE_KEY_UNTRUSTED}: the keys are trusted for that domain only); an issue time no
 * later than now plus the allowed clock skew ({@link ErrorCode#REVOCATION_HEAD_STALE}: a head from
 * the future cannot show how fresh it is). It does not judge freshness or order; {@link
 * RevocationState} does. Returns a {@link VerifiedRevocationHead} or throws a coded {@link
 * dev.cairn.errors.CairnException}. Thread-safe once built.
 */
public final class RevocationHeadVerifier {
    /** The clock skew allowed by default: a head may be issued up to this far in the future. */
    public static final Duration DEFAULT_MAX_CLOCK_SKEW = Duration.ofSeconds(60);

    /** Largest signed head accepted, in bytes. */
    public static final int MAX_SIGNED_BYTES = 2048;

    private final CoseVerifier cose;
    private final TrustDomain trustDomain;
    private final Clock clock;
    private final Duration maxSkew;

    private RevocationHeadVerifier(Builder builder) {
        this.trustDomain = Objects.requireNonNull(builder.trustDomain, "expectTrustDomain is required");
        this.cose = CoseVerifier.builder()
                .trustedKeys(Objects.requireNonNull(builder.keys, "trustedKeys is required"))
                .allowAlgorithms(builder.algorithms)
                .expectContentType(RevocationHead.CONTENT_TYPE)
                .limits(CborLimits.DEFAULT.withMaxInputBytes(MAX_SIGNED_BYTES).withMaxDepth(4))
                .build();
        this.clock = builder.clock;
        this.maxSkew = builder.maxSkew;
    }

    /**
     * Starts a verifier.
     *
     * @return a builder; trusted keys and the trust domain are required
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies a signed head.
     *
     * @param encoded the tagged COSE_Sign1 bytes
     * @return the verified head
     * @throws dev.cairn.errors.CairnException {@code COSE_*}, {@code CBOR_*}, {@link
     *     ErrorCode#SIGNATURE_KEY_UNTRUSTED}, {@link ErrorCode#REVOCATION_MALFORMED} or {@link
     *     ErrorCode#REVOCATION_HEAD_STALE}
     */
    public VerifiedRevocationHead verify(byte[] encoded) {
        VerifiedSign1 signed = cose.verify(encoded);
        RevocationHead head = RevocationHead.decode(signed.payload().toByteArray());
        if (!head.trustDomain().equals(trustDomain)) {
            throw VerificationException.mismatch(
                    ErrorCode.SIGNATURE_KEY_UNTRUSTED,
                    "a head for trust domain " + trustDomain,
                    "a head for trust domain " + head.trustDomain());
        }
        Instant now = clock.instant();
        if (Duration.between(now, head.issuedAt()).compareTo(maxSkew) > 0) {
            throw VerificationException.mismatch(
                    ErrorCode.REVOCATION_HEAD_STALE,
                    "issued at or before " + maxSkew + " after now (" + now + ")",
                    "issued at " + head.issuedAt());
        }
        return new VerifiedRevocationHead(head, signed.key(), Bytes.copyOf(encoded));
    }

    /** Sets the rules. */
    public static final class Builder {
        private KeySet keys;
        private TrustDomain trustDomain;
        private CoseAlgorithm[] algorithms = CoseAlgorithm.values();
        private Clock clock = Clock.systemUTC();
        private Duration maxSkew = DEFAULT_MAX_CLOCK_SKEW;

        private Builder() {}

        /**
         * The CA keys allowed to sign heads, derived by the caller from the trust bundle. Required.
         *
         * @param keys the trust anchors
         * @return this builder
         */
        public Builder trustedKeys(KeySet keys) {
            this.keys = Objects.requireNonNull(keys);
            return this;
        }

        /**
         * The trust domain the head must be for. Required.
         *
         * @param trustDomain the expected trust domain
         * @return this builder
         */
        public Builder expectTrustDomain(TrustDomain trustDomain) {
            this.trustDomain = Objects.requireNonNull(trustDomain);
            return this;
        }

        /**
         * Restricts the signature algorithms; by default both Cairn algorithms are accepted.
         *
         * @param algorithms the allowed algorithms, at least one
         * @return this builder
         */
        public Builder allowAlgorithms(CoseAlgorithm... algorithms) {
            this.algorithms = algorithms.clone();
            return this;
        }

        /**
         * The clock that says what "now" is; the system UTC clock by default.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /**
         * How far in the future a head's issue time may lie; {@link #DEFAULT_MAX_CLOCK_SKEW} by default.
         *
         * @param skew the allowed skew, not negative
         * @return this builder
         */
        public Builder maxClockSkew(Duration skew) {
            if (skew.isNegative()) {
                throw new IllegalArgumentException("skew must not be negative");
            }
            this.maxSkew = skew;
            return this;
        }

        /**
         * Builds the verifier.
         *
         * @return the verifier
         */
        public RevocationHeadVerifier build() {
            return new RevocationHeadVerifier(this);
        }
    }
}
