package dev.cairn.verifier;

import dev.cairn.checkpoint.LogId;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.VerificationException;
import dev.cairn.keys.KeySet;
import dev.cairn.keys.VerificationKey;
import dev.cairn.receipt.ReceiptVerifier;
import dev.cairn.receipt.VerifiedReceipt;
import dev.cairn.trust.revocation.FreshnessTier;
import dev.cairn.trust.tls.PeerIdentity;
import dev.cairn.trust.tls.PeerRole;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies full receipts ({@code spec/receipts.md}, "Full receipt") and, when the log signer's
 * certificate chain is given, that the signer is who the trust domain says.
 *
 * <p>Checks, in order, the first failure deciding the code:
 *
 * <ol>
 *   <li>sdk-core's {@link ReceiptVerifier}: the checkpoint's signature, log id and time; the
 *       statement's signature, log id, epoch, sequence and time; the marker's inclusion under the
 *       checkpoint. The trusted keys are the anchors' log keys or, when the anchors hold none, the
 *       key of the signer chain's leaf;
 *   <li>with a signer chain: the leaf chains to the anchors' trust bundle for {@link
 *       PeerRole#SERVER} (a log signer holds a SERVICE-profile certificate), names one identity of
 *       the trust domain, is valid now and not revoked under the anchors' revocation head at the
 *       configured tier ({@link CertificateChains});
 *   <li>with a signer chain: the leaf's key is exactly the key that signed the statement and the
 *       key that signed the checkpoint ({@link ErrorCode#SIGNATURE_KEY_UNTRUSTED} otherwise, details
 *       {@code signature}, {@code expected} and {@code found} kids).
 * </ol>
 *
 * <p>Thread-safe once built.
 */
public final class FullReceiptVerifier {
    private final TrustAnchors anchors;
    private final LogId logId;
    private final Long epoch;
    private final Duration maxSkew;
    private final FreshnessTier tier;
    private final ReceiptVerifier withAnchorKeys;
    private final CertificateChains signers;

    private FullReceiptVerifier(Builder builder) {
        if (!builder.epochSet) {
            throw new IllegalStateException("call expectEpoch(..) or ignoreEpoch()");
        }
        this.anchors = builder.anchors;
        this.logId = Objects.requireNonNull(builder.logId, "expectLogId is required");
        this.epoch = builder.epoch;
        this.maxSkew = builder.maxSkew;
        this.tier = builder.tier;
        this.withAnchorKeys = anchors.logKeys().map(this::receipts).orElse(null);
        this.signers = anchors.trustBundle().isEmpty()
                ? null
                : CertificateChains.builder(anchors)
                        .role(PeerRole.SERVER)
                        .tier(tier)
                        .build();
    }

    /**
     * Starts a verifier.
     *
     * @param anchors the trust anchors
     * @return a builder; the log id and an epoch decision are required
     */
    public static Builder builder(TrustAnchors anchors) {
        return new Builder(anchors);
    }

    /**
     * Verifies a receipt under the anchors' log keys.
     *
     * @param receipt the encoded full receipt
     * @return the verified receipt, without a signer identity
     * @throws IllegalStateException if the anchors hold no log keys
     * @throws dev.cairn.errors.CairnException the codes of {@link ReceiptVerifier}
     */
    public AuditedReceipt verify(byte[] receipt) {
        if (withAnchorKeys == null) {
            throw new IllegalStateException("no log keys in the trust anchors: give them, or a signer chain");
        }
        return new AuditedReceipt(withAnchorKeys.verify(receipt), Optional.empty());
    }

    /**
     * Verifies a receipt and the certificate chain of the key that signed it.
     *
     * @param receipt the encoded full receipt
     * @param signerChain the log signer's chain, leaf first
     * @return the verified receipt with the signer's identity
     * @throws IllegalStateException if the anchors hold no trust bundle
     * @throws dev.cairn.errors.CairnException the codes of {@link ReceiptVerifier} and {@link
     *     CertificateChains}, {@link ErrorCode#TLS_PEER_MISSING} for an empty chain, {@link
     *     ErrorCode#KEY_UNSUPPORTED} for a leaf key that is not Ed25519 or P-256, {@link
     *     ErrorCode#SIGNATURE_KEY_UNTRUSTED} if the leaf does not carry the signing key
     */
    public AuditedReceipt verify(byte[] receipt, List<X509Certificate> signerChain) {
        Objects.requireNonNull(receipt, "receipt");
        if (signers == null) {
            throw new IllegalStateException("checking a signer chain needs a trust bundle in the trust anchors");
        }
        if (signerChain.isEmpty()) {
            throw new VerificationException(ErrorCode.TLS_PEER_MISSING, "the signer chain holds no certificate");
        }
        VerificationKey leafKey = AnchorKeys.fromCertificate(signerChain.get(0));
        ReceiptVerifier verifier = withAnchorKeys != null ? withAnchorKeys : receipts(KeySet.of(leafKey));
        VerifiedReceipt verified = verifier.verify(receipt);
        PeerIdentity signer = signers.verify(signerChain);
        sameKey("statement", leafKey, verified.statementSigner());
        sameKey("checkpoint", leafKey, verified.checkpoint().signer());
        return new AuditedReceipt(verified, Optional.of(signer));
    }

    private ReceiptVerifier receipts(KeySet keys) {
        ReceiptVerifier.Builder builder = ReceiptVerifier.builder()
                .trustedKeys(keys)
                .expectLogId(logId)
                .clock(anchors.clock())
                .maxClockSkew(maxSkew);
        if (epoch == null) {
            builder.ignoreEpoch();
        } else {
            builder.expectEpoch(epoch);
        }
        return builder.build();
    }

    private static void sameKey(String signature, VerificationKey certified, VerificationKey signer) {
        if (!certified.equals(signer)) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("signature", signature);
            details.put("expected", certified.kid().toHex());
            details.put("found", signer.kid().toHex());
            throw new VerificationException(
                    ErrorCode.SIGNATURE_KEY_UNTRUSTED,
                    "the " + signature + " is signed by kid " + signer.kid().toHex()
                            + ", not by the signer certificate's key "
                            + certified.kid().toHex(),
                    details,
                    null);
        }
    }

    /** Sets the expectations. */
    public static final class Builder {
        private final TrustAnchors anchors;
        private LogId logId;
        private Long epoch;
        private boolean epochSet;
        private Duration maxSkew = Duration.ofMinutes(5);
        private FreshnessTier tier = FreshnessTier.SAFE;

        private Builder(TrustAnchors anchors) {
            this.anchors = Objects.requireNonNull(anchors, "anchors");
        }

        /**
         * The log the receipt must come from. Required.
         *
         * @param logId the log
         * @return this builder
         */
        public Builder expectLogId(LogId logId) {
            this.logId = Objects.requireNonNull(logId, "logId");
            return this;
        }

        /**
         * The epoch the statement must have been issued in. This or {@link #ignoreEpoch()} is required.
         *
         * @param epoch the epoch
         * @return this builder
         */
        public Builder expectEpoch(long epoch) {
            this.epoch = epoch;
            this.epochSet = true;
            return this;
        }

        /**
         * Accepts statements of any epoch. This or {@link #expectEpoch(long)} is required.
         *
         * @return this builder
         */
        public Builder ignoreEpoch() {
            this.epoch = null;
            this.epochSet = true;
            return this;
        }

        /**
         * How far in the future a checkpoint's time may lie; five minutes unless set.
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
         * The freshness tier the revocation head must be fresh enough for when a signer chain is
         * checked; {@link FreshnessTier#SAFE} unless set.
         *
         * @param tier the tier
         * @return this builder
         */
        public Builder tier(FreshnessTier tier) {
            this.tier = Objects.requireNonNull(tier, "tier");
            return this;
        }

        /**
         * Builds the verifier.
         *
         * @return the verifier
         * @throws IllegalStateException if the log id or the epoch decision is missing
         */
        public FullReceiptVerifier build() {
            return new FullReceiptVerifier(this);
        }
    }
}
