package dev.cairn.cose;

import dev.cairn.bytes.Bytes;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborArray;
import dev.cairn.cbor.CborBytes;
import dev.cairn.cbor.CborInt;
import dev.cairn.cbor.CborLimits;
import dev.cairn.cbor.CborMap;
import dev.cairn.cbor.CborText;
import dev.cairn.cbor.CborValue;
import dev.cairn.cose.internal.SigStructure;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.errors.VerificationException;
import dev.cairn.keys.KeySet;
import dev.cairn.keys.VerificationKey;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies COSE_Sign1 messages (RFC 9052 section 4) under explicit rules.
 *
 * <p>Every check is on unless the builder turns it off by name: the algorithm must be in the
 * protected header and in the allow-list, and match the key's type; {@code crit} labels must be
 * understood; a label may not appear in both headers; the protected header must be a canonical map;
 * the {@code kid} must be the key's derived kid unless {@link Builder#ignoreKid()} is called; with
 * {@link Builder#trustedKeys} the kid chooses the key; with {@link Builder#expectContentType} the
 * protected content type must match. The order of the checks is normative (spec/cose.md).
 *
 * <p>Security guarantees: a returned {@link VerifiedSign1} means the signature verified over the
 * protected header, the external data and the payload. The unprotected header is not covered.
 * Verification either returns that value or throws a {@link dev.cairn.errors.CairnException} with a
 * {@code COSE_*} or {@code CBOR_*} code; it never returns a boolean. Thread-safe once built.
 */
public final class CoseVerifier {
    private static final CborInt ALG = CborInt.of(CoseHeaders.ALG);
    private static final CborInt CRIT = CborInt.of(CoseHeaders.CRIT);
    private static final CborInt CONTENT_TYPE = CborInt.of(CoseHeaders.CONTENT_TYPE);
    private static final CborInt KID = CborInt.of(CoseHeaders.KID);

    private final VerificationKey key;
    private final KeySet trustedKeys;
    private final String contentType;
    private final Set<CoseAlgorithm> allowed;
    private final Set<CborValue> understoodCritical;
    private final boolean checkKid;
    private final CborLimits limits;

    private CoseVerifier(Builder builder) {
        if ((builder.key == null) == (builder.trustedKeys == null)) {
            throw new IllegalStateException("set exactly one of key and trustedKeys");
        }
        this.key = builder.key;
        this.trustedKeys = builder.trustedKeys;
        this.contentType = builder.contentType;
        if (builder.allowed.isEmpty()) {
            throw new IllegalStateException("allowAlgorithms must name at least one algorithm");
        }
        this.allowed = EnumSet.copyOf(builder.allowed);
        this.understoodCritical = Set.copyOf(builder.understoodCritical);
        this.checkKid = builder.checkKid;
        this.limits = builder.limits;
    }

    /**
     * Starts a verifier.
     *
     * @return a builder with every check on
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies a message with an attached payload.
     *
     * @param encoded the tagged COSE_Sign1 bytes
     * @return the verified message
     */
    public VerifiedSign1 verify(byte[] encoded) {
        return verify(encoded, null, new byte[0]);
    }

    /**
     * Verifies a message with an attached payload and external additional data.
     *
     * @param encoded the tagged COSE_Sign1 bytes
     * @param externalAad the external data the signer bound
     * @return the verified message
     */
    public VerifiedSign1 verify(byte[] encoded, byte[] externalAad) {
        return verify(encoded, null, externalAad);
    }

    /**
     * Verifies a message whose payload travels separately.
     *
     * @param encoded the tagged COSE_Sign1 bytes, with a {@code nil} payload
     * @param detachedPayload the payload
     * @return the verified message
     */
    public VerifiedSign1 verifyDetached(byte[] encoded, byte[] detachedPayload) {
        return verify(encoded, Objects.requireNonNull(detachedPayload), new byte[0]);
    }

    /**
     * Verifies a message whose payload travels separately, with external additional data.
     *
     * @param encoded the tagged COSE_Sign1 bytes, with a {@code nil} payload
     * @param detachedPayload the payload
     * @param externalAad the external data the signer bound
     * @return the verified message
     */
    public VerifiedSign1 verifyDetached(byte[] encoded, byte[] detachedPayload, byte[] externalAad) {
        return verify(encoded, Objects.requireNonNull(detachedPayload), externalAad);
    }

    private VerifiedSign1 verify(byte[] encoded, byte[] detachedPayload, byte[] externalAad) {
        CoseSign1 message = CoseSign1.decode(encoded, limits);
        CborMap prot = decodeProtected(message.protectedHeader());
        CborMap unprot = message.unprotectedHeader();
        for (CborMap.Entry entry : unprot.entries()) {
            if (prot.get(entry.key()).isPresent()) {
                throw new MalformedInputException(
                        ErrorCode.COSE_HEADER_DUPLICATE, "label " + entry.key().toDiagnostic() + " in both headers");
            }
        }
        checkCrit(prot, unprot);
        checkTypes(prot);
        checkTypes(unprot);
        CoseAlgorithm algorithm = algorithm(prot, unprot);
        Optional<Bytes> kid = prot.get(KID).or(() -> unprot.get(KID)).map(k -> ((CborBytes) k).value());
        VerificationKey signer = key != null ? key : trusted(kid);
        if (algorithm.keyType() != signer.type()) {
            throw VerificationException.mismatch(
                    ErrorCode.COSE_ALG_KEY_MISMATCH,
                    algorithm.keyType().name(),
                    signer.type().name());
        }
        if (checkKid && (kid.isEmpty() || !kid.get().equals(signer.kid()))) {
            throw VerificationException.mismatch(
                    ErrorCode.COSE_KID_MISMATCH,
                    signer.kid().toHex(),
                    kid.map(Bytes::toHex).orElse("no kid"));
        }
        if (contentType != null && !prot.get(CONTENT_TYPE).equals(Optional.of(CborText.of(contentType)))) {
            throw VerificationException.mismatch(
                    ErrorCode.COSE_CONTENT_TYPE_MISMATCH,
                    contentType,
                    prot.get(CONTENT_TYPE).map(CborValue::toDiagnostic).orElse("no protected content type"));
        }
        Bytes payload = payload(message, detachedPayload);
        byte[] toBeSigned = SigStructure.toBeSigned(message.protectedHeader(), Bytes.copyOf(externalAad), payload);
        try {
            signer.verify(toBeSigned, message.signature().toByteArray());
        } catch (VerificationException e) {
            throw new VerificationException(
                    ErrorCode.COSE_BAD_SIGNATURE, algorithm + " signature does not verify", Map.of(), e);
        }
        return new VerifiedSign1(message, algorithm, signer, prot, payload);
    }

    private VerificationKey trusted(Optional<Bytes> kid) {
        return trustedKeys
                .find(kid.orElseThrow(() -> new VerificationException(
                        ErrorCode.SIGNATURE_KEY_UNTRUSTED, "no kid, so no trusted key can be chosen")))
                .orElseThrow(() -> VerificationException.mismatch(
                        ErrorCode.SIGNATURE_KEY_UNTRUSTED,
                        "a kid of a trusted key",
                        kid.get().toHex()));
    }

    private CborMap decodeProtected(Bytes serialized) {
        if (serialized.length() == 0) {
            throw new MalformedInputException(ErrorCode.COSE_ALG_MISSING, "protected header is empty");
        }
        CborValue value;
        try {
            value = Cbor.decode(serialized.toByteArray(), limits);
        } catch (MalformedInputException e) {
            throw new MalformedInputException(
                    ErrorCode.COSE_HEADER_INVALID, "protected header: " + e.getMessage(), -1, Map.of(), e);
        }
        if (!(value instanceof CborMap map)) {
            throw new MalformedInputException(ErrorCode.COSE_HEADER_INVALID, "protected header is not a map");
        }
        return map;
    }

    private void checkCrit(CborMap prot, CborMap unprot) {
        if (unprot.get(CRIT).isPresent()) {
            throw new MalformedInputException(ErrorCode.COSE_CRIT_INVALID, "crit must be protected");
        }
        Optional<CborValue> crit = prot.get(CRIT);
        if (crit.isEmpty()) {
            return;
        }
        if (!(crit.get() instanceof CborArray labels) || labels.size() == 0) {
            throw new MalformedInputException(ErrorCode.COSE_CRIT_INVALID, "crit must be a non-empty array");
        }
        for (CborValue label : labels.items()) {
            if (!(label instanceof CborInt || label instanceof CborText)
                    || prot.get(label).isEmpty()) {
                throw new MalformedInputException(
                        ErrorCode.COSE_CRIT_INVALID, "crit label " + label.toDiagnostic() + " not in protected header");
            }
            if (!understoodCritical.contains(label)) {
                throw new VerificationException(
                        ErrorCode.COSE_UNKNOWN_CRITICAL, "critical label " + label.toDiagnostic() + " not understood");
            }
        }
    }

    private static void checkTypes(CborMap header) {
        header.get(KID).ifPresent(kid -> {
            if (!(kid instanceof CborBytes)) {
                throw new MalformedInputException(ErrorCode.COSE_HEADER_INVALID, "kid must be a byte string");
            }
        });
        header.get(CONTENT_TYPE).ifPresent(ct -> {
            if (!(ct instanceof CborText || (ct instanceof CborInt i && i.value() >= 0 && i.value() <= 65535))) {
                throw new MalformedInputException(ErrorCode.COSE_HEADER_INVALID, "content type must be text or uint16");
            }
        });
    }

    private CoseAlgorithm algorithm(CborMap prot, CborMap unprot) {
        Optional<CborValue> alg = prot.get(ALG);
        if (alg.isEmpty()) {
            throw new MalformedInputException(
                    ErrorCode.COSE_ALG_MISSING,
                    unprot.get(ALG).isPresent() ? "alg is unprotected; want it protected" : "no alg");
        }
        if (!(alg.get() instanceof CborInt || alg.get() instanceof CborText)) {
            throw new MalformedInputException(ErrorCode.COSE_HEADER_INVALID, "alg must be an integer or text");
        }
        Optional<CoseAlgorithm> known =
                alg.get() instanceof CborInt id ? CoseAlgorithm.fromId(id.value()) : Optional.empty();
        if (known.isEmpty() || !allowed.contains(known.get())) {
            throw VerificationException.mismatch(
                    ErrorCode.COSE_ALG_NOT_ALLOWED,
                    allowed.toString(),
                    alg.get().toDiagnostic());
        }
        return known.get();
    }

    private static Bytes payload(CoseSign1 message, byte[] detachedPayload) {
        if (detachedPayload == null) {
            return message.payload()
                    .orElseThrow(() -> new MalformedInputException(
                            ErrorCode.COSE_PAYLOAD_MISMATCH, "payload is detached; supply it"));
        }
        if (message.payload().isPresent()) {
            throw new MalformedInputException(
                    ErrorCode.COSE_PAYLOAD_MISMATCH, "payload is attached; want a detached (nil) payload");
        }
        return Bytes.copyOf(detachedPayload);
    }

    /** Sets the rules; every check is on by default. */
    public static final class Builder {
        private VerificationKey key;
        private KeySet trustedKeys;
        private String contentType;
        private final Set<CoseAlgorithm> allowed = EnumSet.noneOf(CoseAlgorithm.class);
        private final Set<CborValue> understoodCritical = new HashSet<>();
        private boolean checkKid = true;
        private CborLimits limits = CborLimits.DEFAULT;

        private Builder() {
            CoseHeaders.UNDERSTOOD.forEach(label -> understoodCritical.add(CborInt.of(label)));
        }

        /**
         * Sets the one key that must have made the signature. Exactly one of this and {@link
         * #trustedKeys(KeySet)} is required.
         *
         * @param key the verification key
         * @return this builder
         */
        public Builder key(VerificationKey key) {
            this.key = Objects.requireNonNull(key);
            return this;
        }

        /**
         * Accepts signatures from any of a set of trusted keys, chosen by the message's {@code kid}:
         * a message without a kid, or with the kid of no trusted key, is rejected with {@link
         * ErrorCode#SIGNATURE_KEY_UNTRUSTED}. Exactly one of this and {@link #key(VerificationKey)}
         * is required.
         *
         * @param keys the trust anchors
         * @return this builder
         */
        public Builder trustedKeys(KeySet keys) {
            this.trustedKeys = Objects.requireNonNull(keys);
            return this;
        }

        /**
         * Requires the protected content type (label 3) to be this text, so that a message signed as
         * one kind of object is never accepted as another ({@link
         * ErrorCode#COSE_CONTENT_TYPE_MISMATCH}). Unchecked unless set.
         *
         * @param mediaType the media type the message must declare
         * @return this builder
         */
        public Builder expectContentType(String mediaType) {
            this.contentType = Objects.requireNonNull(mediaType);
            return this;
        }

        /**
         * Adds algorithms to the allow-list. Required: at least one.
         *
         * @param algorithms the algorithms accepted
         * @return this builder
         */
        public Builder allowAlgorithms(CoseAlgorithm... algorithms) {
            allowed.addAll(Set.of(algorithms));
            return this;
        }

        /**
         * Declares that the caller processes a header parameter, so that it may appear in {@code crit}.
         *
         * @param label the parameter's label
         * @return this builder
         */
        public Builder understandCritical(long label) {
            understoodCritical.add(CborInt.of(label));
            return this;
        }

        /**
         * Skips the {@code kid} check, for messages from signers that do not use Cairn's derived kid.
         * The signature is still checked against the configured key.
         *
         * @return this builder
         */
        public Builder ignoreKid() {
            this.checkKid = false;
            return this;
        }

        /**
         * Sets the CBOR bounds for the message and its protected header.
         *
         * @param limits the bounds; tags are rejected inside the message whatever they allow
         * @return this builder
         */
        public Builder limits(CborLimits limits) {
            this.limits = limits.withAllowedTags(Set.of());
            return this;
        }

        /**
         * Builds the verifier.
         *
         * @return the verifier
         * @throws IllegalStateException unless exactly one key source and at least one algorithm were given
         */
        public CoseVerifier build() {
            return new CoseVerifier(this);
        }
    }
}
