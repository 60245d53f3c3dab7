package dev.cairn.receipt;

import dev.cairn.bytes.Digest;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborArray;
import dev.cairn.cbor.CborBytes;
import dev.cairn.cbor.CborInt;
import dev.cairn.cbor.CborLimits;
import dev.cairn.cbor.CborMap;
import dev.cairn.cbor.CborText;
import dev.cairn.cbor.CborValue;
import dev.cairn.checkpoint.LogId;
import dev.cairn.cose.CoseAlgorithm;
import dev.cairn.cose.CoseSign1;
import dev.cairn.cose.CoseVerifier;
import dev.cairn.cose.VerifiedSign1;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.errors.VerificationException;
import dev.cairn.keys.KeySet;
import dev.cairn.keys.VerificationKey;
import dev.cairn.mmr.Accumulator;
import dev.cairn.mmr.ConsistencyProof;
import dev.cairn.mmr.InclusionProof;
import dev.cairn.mmr.MmrVerifier;
import dev.cairn.mmr.VerifiedInclusion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies COSE Receipts of inclusion and of consistency in the MMR profile offline, with nothing but
 * trust anchors (see {@code spec/receipts.md}, section "COSE Receipts").
 *
 * <p>As the profile requires, the proof is processed first and the signature is then checked over the
 * payload the proof produces; a receipt never supplies its own payload. So a receipt whose proof does
 * not lead from the candidate leaf (or the trusted accumulator) to what the log signed fails with
 * {@link ErrorCode#COSE_BAD_SIGNATURE}. Every failure is a coded {@link
 * dev.cairn.errors.CairnException}; nothing is returned as a boolean. Thread-safe once built.
 *
 * <p>By default the verifier accepts exactly what Cairn's {@link CoseReceiptIssuer} makes: the
 * protected log id (label {@value CoseReceiptLabels#LOG_ID}) must be the expected one, and the
 * {@code kid} chooses a trusted key by its derived kid. Receipts of other implementations of the
 * profile carry neither; two named options accept them: {@link Builder#ignoreLogId()} (the log id is
 * then optional and unchecked) and {@link Builder#key(VerificationKey)} with {@link
 * Builder#ignoreKid()} (the one given key must have signed, whatever the kid). Everything else is
 * checked as for Cairn's receipts ({@code spec/receipts.md}, "Receipts of other implementations").
 */
public final class CoseReceiptVerifier {
    /** Most consistency proofs one receipt may chain. */
    public static final int MAX_CONSISTENCY_PROOFS = 16;

    private final CoseVerifier cose;
    /** The expected log, or {@code null} when the log id is ignored. */
    private final LogId logId;

    private CoseReceiptVerifier(Builder builder) {
        if (builder.ignoreLogId == (builder.logId != null)) {
            throw new IllegalStateException("set exactly one of expectLogId and ignoreLogId");
        }
        if ((builder.key == null) == (builder.keys == null)) {
            throw new IllegalStateException("set exactly one of trustedKeys and key");
        }
        if (builder.ignoreKid && builder.key == null) {
            throw new IllegalStateException(
                    "ignoreKid needs key(VerificationKey): with trustedKeys the kid chooses the key");
        }
        this.logId = builder.logId;
        CoseVerifier.Builder cose = CoseVerifier.builder().allowAlgorithms(builder.algorithms);
        if (builder.key != null) {
            cose.key(builder.key);
        } else {
            cose.trustedKeys(builder.keys);
        }
        if (builder.ignoreKid) {
            cose.ignoreKid();
        }
        this.cose = cose.build();
    }

    /**
     * Starts a verifier.
     *
     * @return a builder; the keys (trusted keys, or one key) and the log id (expected, or ignored) are
     *     required
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies a receipt of inclusion for a candidate leaf, as the profile defines it: the leaf's path
     * leads to a peak, and a trusted key of the log signed that peak.
     *
     * @param receipt the tagged COSE_Sign1 bytes
     * @param leaf the value claimed at the proof's index
     * @return the verified receipt
     */
    public VerifiedInclusionReceipt verifyInclusion(byte[] receipt, Digest leaf) {
        Objects.requireNonNull(leaf, "leaf");
        Inclusion inclusion = inclusionProof(receipt);
        Digest peak = MmrVerifier.includedRoot(inclusion.proof(), leaf);
        return inclusion(receipt, inclusion, leaf, peak);
    }

    /**
     * Verifies a receipt of inclusion and, in addition, that the peak it signs is the peak above the
     * leaf in a trusted accumulator (for example a verified checkpoint's). This fixes the path length
     * and binds the index even when the path is empty.
     *
     * @param receipt the tagged COSE_Sign1 bytes
     * @param leaf the value claimed at the proof's index
     * @param trusted the trusted accumulator
     * @return the verified receipt
     */
    public VerifiedInclusionReceipt verifyInclusion(byte[] receipt, Digest leaf, Accumulator trusted) {
        Objects.requireNonNull(leaf, "leaf");
        Objects.requireNonNull(trusted, "trusted");
        Inclusion inclusion = inclusionProof(receipt);
        VerifiedInclusion verified = MmrVerifier.verifyInclusion(inclusion.proof(), leaf, trusted);
        return inclusion(receipt, inclusion, leaf, trusted.peaks().get(verified.peakPosition()));
    }

    /**
     * Verifies a receipt of consistency from a trusted state: its proofs, applied in order from the
     * trusted accumulator, produce an accumulator of the protected {@code tree-size-2}, and a trusted
     * key of the log signed exactly that accumulator.
     *
     * @param receipt the tagged COSE_Sign1 bytes
     * @param trusted the accumulator the verifier already trusts (possibly the empty one, size 0)
     * @return the verified receipt, whose {@link VerifiedConsistencyReceipt#to()} may become the next
     *     trusted state
     */
    public VerifiedConsistencyReceipt verifyConsistency(byte[] receipt, Accumulator trusted) {
        Objects.requireNonNull(trusted, "trusted");
        Headers headers = headers(receipt, CoseReceiptLabels.CONSISTENCY_PROOFS, MAX_CONSISTENCY_PROOFS);
        CborValue declared = headers.protectedMap()
                .get(CoseReceiptLabels.TREE_SIZE_2)
                .orElseThrow(() -> malformed("no protected tree-size-2 (label " + CoseReceiptLabels.TREE_SIZE_2 + ")"));
        if (!(declared instanceof CborInt size2) || size2.value() < 0) {
            throw malformed("tree-size-2 must be an unsigned integer, got " + declared.toDiagnostic());
        }
        List<ConsistencyProof> proofs = new ArrayList<>(headers.proofs().size());
        headers.proofs().forEach(bytes -> proofs.add(ConsistencyProof.decode(bytes)));
        long last = proofs.get(proofs.size() - 1).size2();
        if (last != size2.value()) {
            throw new MalformedInputException(
                    ErrorCode.RECEIPT_MALFORMED,
                    "protected tree-size-2 " + size2.value() + " is not the last proof's " + last);
        }
        Accumulator state = trusted;
        for (ConsistencyProof proof : proofs) {
            state = MmrVerifier.consistentAccumulator(proof, state);
        }
        VerifiedSign1 signed = signature(receipt, CoseReceiptIssuer.concatenated(state));
        return new VerifiedConsistencyReceipt(headers.logId().orElse(null), trusted, state, signed.key());
    }

    /** An inclusion proof and the log id the receipt carries. */
    private record Inclusion(InclusionProof proof, Optional<LogId> logId) {}

    private Inclusion inclusionProof(byte[] receipt) {
        Headers headers = headers(receipt, CoseReceiptLabels.INCLUSION_PROOFS, 1);
        return new Inclusion(InclusionProof.decode(headers.proofs().get(0)), headers.logId());
    }

    private VerifiedInclusionReceipt inclusion(byte[] receipt, Inclusion inclusion, Digest leaf, Digest peak) {
        VerifiedSign1 signed = signature(receipt, peak.toByteArray());
        return new VerifiedInclusionReceipt(
                inclusion.logId().orElse(null), inclusion.proof().index(), leaf, peak, signed.key());
    }

    private VerifiedSign1 signature(byte[] receipt, byte[] payload) {
        return cose.verifyDetached(receipt, payload);
    }

    /**
     * The decoded protected header, the log id it carries (empty only when the log id is ignored)
     * and the encoded proofs of the one kind the caller wants.
     */
    private record Headers(CborMap protectedMap, Optional<LogId> logId, List<byte[]> proofs) {}

    private Headers headers(byte[] receipt, long kind, int maxProofs) {
        Objects.requireNonNull(receipt, "receipt");
        CoseSign1 message = CoseSign1.decode(receipt, CborLimits.DEFAULT);
        CborMap prot = protectedMap(message);
        CborValue vds = prot.get(CoseReceiptLabels.VDS).orElseThrow(() -> malformed("no protected vds (label 395)"));
        if (!vds.equals(CborInt.of(CoseReceiptLabels.MMR_SHA256))) {
            throw malformed("vds " + vds.toDiagnostic() + ": want " + CoseReceiptLabels.MMR_SHA256 + " (MMR_SHA256)");
        }
        Optional<LogId> carried = logId(prot);
        CborValue vdp = message.unprotectedHeader()
                .get(CoseReceiptLabels.VDP)
                .orElseThrow(() -> malformed("no unprotected vdp (label 396)"));
        if (!(vdp instanceof CborMap proofsByKind) || proofsByKind.size() != 1) {
            throw malformed("vdp must be a map of exactly one kind of proof");
        }
        CborValue list = proofsByKind.get(kind).orElseThrow(() -> malformed("vdp holds no proofs under " + kind));
        if (!(list instanceof CborArray array) || array.size() < 1 || array.size() > maxProofs) {
            throw malformed("vdp " + kind + ": want an array of 1 to " + maxProofs + " proofs");
        }
        List<byte[]> proofs = new ArrayList<>(array.size());
        for (CborValue item : array.items()) {
            if (!(item instanceof CborBytes bytes)) {
                throw malformed("vdp " + kind + ": each proof is a byte string (bstr .cbor)");
            }
            proofs.add(bytes.value().toByteArray());
        }
        return new Headers(prot, carried, proofs);
    }

    /**
     * Checks the protected log id: required and the expected one by default; with the log id
     * ignored, optional, but text and a valid log id when present.
     */
    private Optional<LogId> logId(CborMap prot) {
        Optional<CborValue> id = prot.get(CoseReceiptLabels.LOG_ID);
        if (id.isEmpty()) {
            if (logId == null) {
                return Optional.empty();
            }
            throw malformed("no protected log id (label " + CoseReceiptLabels.LOG_ID + ")");
        }
        if (!(id.get() instanceof CborText text)) {
            throw malformed("log id must be text, got " + id.get().toDiagnostic());
        }
        if (logId == null) {
            if (!LogId.isValid(text.value())) {
                throw malformed("log id must be 1-255 printable ASCII characters, got " + text.toDiagnostic());
            }
            return Optional.of(new LogId(text.value()));
        }
        if (!text.value().equals(logId.value())) {
            throw VerificationException.mismatch(ErrorCode.RECEIPT_LOG_MISMATCH, logId.value(), text.value());
        }
        return Optional.of(logId);
    }

    private static CborMap protectedMap(CoseSign1 message) {
        CborValue value;
        try {
            value = Cbor.decode(message.protectedHeader().toByteArray());
        } catch (MalformedInputException e) {
            throw new MalformedInputException(
                    ErrorCode.COSE_HEADER_INVALID, "protected header: " + e.getMessage(), -1, Map.of(), e);
        }
        if (!(value instanceof CborMap map)) {
            throw new MalformedInputException(ErrorCode.COSE_HEADER_INVALID, "protected header is not a map");
        }
        return map;
    }

    private static MalformedInputException malformed(String message) {
        return new MalformedInputException(ErrorCode.RECEIPT_MALFORMED, message);
    }

    /** Sets the rules. */
    public static final class Builder {
        private KeySet keys;
        private VerificationKey key;
        private boolean ignoreKid;
        private LogId logId;
        private boolean ignoreLogId;
        private CoseAlgorithm[] algorithms = CoseAlgorithm.values();

        private Builder() {}

        /**
         * The keys allowed to sign the log's receipts, chosen by the receipt's {@code kid}, which must
         * be the derived kid of one of them ({@link ErrorCode#SIGNATURE_KEY_UNTRUSTED} otherwise).
         * Exactly one of this and {@link #key(VerificationKey)} is required.
         *
         * @param keys the trust anchors
         * @return this builder
         */
        public Builder trustedKeys(KeySet keys) {
            this.keys = Objects.requireNonNull(keys);
            return this;
        }

        /**
         * The one key that must have signed the receipts. The receipt's {@code kid} must be its
         * derived kid ({@link ErrorCode#COSE_KID_MISMATCH} otherwise) unless {@link #ignoreKid()} is
         * called. Exactly one of this and {@link #trustedKeys(KeySet)} is required.
         *
         * @param key the log's verification key
         * @return this builder
         */
        public Builder key(VerificationKey key) {
            this.key = Objects.requireNonNull(key);
            return this;
        }

        /**
         * Accepts any {@code kid}, or none, for receipts of other implementations, which do not use
         * Cairn's derived kid: the signature is still checked against the {@link
         * #key(VerificationKey) one key}. Needs {@link #key(VerificationKey)}; with {@link
         * #trustedKeys(KeySet)} the kid chooses the key, so {@link #build()} refuses the pair.
         *
         * @return this builder
         */
        public Builder ignoreKid() {
            this.ignoreKid = true;
            return this;
        }

        /**
         * The log the receipts must speak for: the protected log id (label {@value
         * CoseReceiptLabels#LOG_ID}) must be present, text, and this log. Exactly one of this and
         * {@link #ignoreLogId()} is required.
         *
         * @param logId the expected log
         * @return this builder
         */
        public Builder expectLogId(LogId logId) {
            this.logId = Objects.requireNonNull(logId);
            return this;
        }

        /**
         * Does not require or compare Cairn's private log id, for receipts of other implementations,
         * which do not carry it. A log id that is present must still be text and a valid {@link
         * LogId} ({@link ErrorCode#RECEIPT_MALFORMED} otherwise), and is reported by {@link
         * VerifiedInclusionReceipt#logIdIfPresent()} and {@link
         * VerifiedConsistencyReceipt#logIdIfPresent()}, unchecked. Exactly one of this and {@link
         * #expectLogId(LogId)} is required.
         *
         * @return this builder
         */
        public Builder ignoreLogId() {
            this.ignoreLogId = true;
            return this;
        }

        /**
         * Restricts the signature algorithms; by default both Cairn algorithms are accepted.
         *
         * @param algorithms the allowed algorithms
         * @return this builder
         */
        public Builder allowAlgorithms(CoseAlgorithm... algorithms) {
            this.algorithms = algorithms.clone();
            return this;
        }

        /**
         * Builds the verifier.
         *
         * @return the verifier
         * @throws IllegalStateException unless exactly one of {@link #trustedKeys(KeySet)} and {@link
         *     #key(VerificationKey)} and exactly one of {@link #expectLogId(LogId)} and {@link
         *     #ignoreLogId()} were given, or if {@link #ignoreKid()} was given without {@link
         *     #key(VerificationKey)}
         */
        public CoseReceiptVerifier build() {
            return new CoseReceiptVerifier(this);
        }
    }
}
