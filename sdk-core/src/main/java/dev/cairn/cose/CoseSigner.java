package dev.cairn.cose;

import dev.cairn.bytes.Bytes;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborArray;
import dev.cairn.cbor.CborBytes;
import dev.cairn.cbor.CborInt;
import dev.cairn.cbor.CborMap;
import dev.cairn.cbor.CborText;
import dev.cairn.cbor.CborValue;
import dev.cairn.cose.internal.SigStructure;
import dev.cairn.keys.SigningKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Signs payloads as COSE_Sign1 messages (RFC 9052 section 4) with one {@link SigningKey}.
 *
 * <p>The protected header always carries {@code alg} and the key's derived {@code kid}, plus any
 * parameters given to the builder; it is encoded canonically, so the same inputs always produce the
 * same bytes (both algorithms sign deterministically). Thread-safe once built.
 */
public final class CoseSigner {
    private final SigningKey key;
    private final CoseAlgorithm algorithm;
    private final Bytes protectedHeader;
    private final CborMap unprotectedHeader;

    private CoseSigner(Builder builder) {
        this.key = builder.key;
        this.algorithm = CoseAlgorithm.forKeyType(key.type());
        CborMap.Builder prot = CborMap.builder()
                .put(CoseHeaders.ALG, CborInt.of(algorithm.id()))
                .put(CoseHeaders.KID, new CborBytes(key.verificationKey().kid()));
        builder.protectedParams.forEach(prot::put);
        if (!builder.critical.isEmpty()) {
            prot.put(CoseHeaders.CRIT, new CborArray(builder.critical));
        }
        this.protectedHeader = Bytes.copyOf(Cbor.encode(prot.build()));
        CborMap.Builder unprot = CborMap.builder();
        builder.unprotectedParams.forEach(unprot::put);
        this.unprotectedHeader = unprot.build();
    }

    /**
     * Starts a signer for a key.
     *
     * @param key the signing key; its type fixes the algorithm (EdDSA or ES256)
     * @return a builder
     */
    public static Builder builder(SigningKey key) {
        return new Builder(key);
    }

    /**
     * The algorithm this signer uses.
     *
     * @return the algorithm
     */
    public CoseAlgorithm algorithm() {
        return algorithm;
    }

    /**
     * Signs a payload and attaches it.
     *
     * @param payload the content
     * @return the message
     */
    public CoseSign1 sign(byte[] payload) {
        return sign(payload, new byte[0], true);
    }

    /**
     * Signs a payload with external additional data and attaches the payload.
     *
     * @param payload the content
     * @param externalAad data the signature covers but the message does not carry
     * @return the message
     */
    public CoseSign1 sign(byte[] payload, byte[] externalAad) {
        return sign(payload, externalAad, true);
    }

    /**
     * Signs a payload that travels separately (the message carries {@code nil}).
     *
     * @param payload the content
     * @return the message
     */
    public CoseSign1 signDetached(byte[] payload) {
        return sign(payload, new byte[0], false);
    }

    /**
     * Signs a separately travelling payload with external additional data.
     *
     * @param payload the content
     * @param externalAad data the signature covers but the message does not carry
     * @return the message
     */
    public CoseSign1 signDetached(byte[] payload, byte[] externalAad) {
        return sign(payload, externalAad, false);
    }

    private CoseSign1 sign(byte[] payload, byte[] externalAad, boolean attached) {
        Bytes content = Bytes.copyOf(payload);
        byte[] toBeSigned = SigStructure.toBeSigned(protectedHeader, Bytes.copyOf(externalAad), content);
        Bytes signature = Bytes.copyOf(key.sign(toBeSigned));
        return new CoseSign1(
                protectedHeader, unprotectedHeader, attached ? Optional.of(content) : Optional.empty(), signature);
    }

    /** Collects header parameters; {@code alg} and {@code kid} are set by the signer itself. */
    public static final class Builder {
        private final SigningKey key;
        private final Map<CborValue, CborValue> protectedParams = new LinkedHashMap<>();
        private final Map<CborValue, CborValue> unprotectedParams = new LinkedHashMap<>();
        private final List<CborValue> critical = new ArrayList<>();

        private Builder(SigningKey key) {
            this.key = Objects.requireNonNull(key, "key");
        }

        /**
         * Adds a protected header parameter.
         *
         * @param label an integer label other than alg (1), crit (2) and kid (4)
         * @param value the value
         * @return this builder
         */
        public Builder protectedParam(long label, CborValue value) {
            checkLabel(label);
            protectedParams.put(CborInt.of(label), value);
            return this;
        }

        /**
         * Adds an unprotected header parameter.
         *
         * @param label an integer label other than alg (1), crit (2) and kid (4)
         * @param value the value
         * @return this builder
         */
        public Builder unprotectedParam(long label, CborValue value) {
            checkLabel(label);
            unprotectedParams.put(CborInt.of(label), value);
            return this;
        }

        /**
         * Sets the protected content type to a media type.
         *
         * @param mediaType for example {@code application/cbor}
         * @return this builder
         */
        public Builder contentType(String mediaType) {
            return protectedParam(CoseHeaders.CONTENT_TYPE, CborText.of(mediaType));
        }

        /**
         * Marks a protected parameter critical: verifiers that do not understand it must reject.
         *
         * @param label a label already added with {@link #protectedParam(long, CborValue)}
         * @return this builder
         */
        public Builder critical(long label) {
            if (!protectedParams.containsKey(CborInt.of(label))) {
                throw new IllegalArgumentException("crit may list protected labels only: " + label);
            }
            critical.add(CborInt.of(label));
            return this;
        }

        private void checkLabel(long label) {
            if (label == CoseHeaders.ALG || label == CoseHeaders.CRIT || label == CoseHeaders.KID) {
                throw new IllegalArgumentException("label " + label + " is set by the signer");
            }
            if (protectedParams.containsKey(CborInt.of(label)) || unprotectedParams.containsKey(CborInt.of(label))) {
                throw new IllegalArgumentException("label " + label + " already set");
            }
        }

        /**
         * Builds the signer.
         *
         * @return the signer
         */
        public CoseSigner build() {
            return new CoseSigner(this);
        }
    }
}
