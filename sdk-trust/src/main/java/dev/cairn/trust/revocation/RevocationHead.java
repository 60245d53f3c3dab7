package dev.cairn.trust.revocation;

import dev.cairn.bytes.Digest;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborBytes;
import dev.cairn.cbor.CborInt;
import dev.cairn.cbor.CborLimits;
import dev.cairn.cbor.CborMap;
import dev.cairn.cbor.CborText;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.trust.identity.TrustDomain;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The state of a trust domain's revocation chain as its issuer states it: the payload of a signed
 * revocation head ({@code spec/revocation.md}). Not trusted by itself: a {@link
 * RevocationHeadVerifier} turns signed bytes into a {@link VerifiedRevocationHead}.
 *
 * @param trustDomain the trust domain whose certificates the chain revokes
 * @param sequence the head's number: every head the issuer signs has a greater one than the last
 * @param size the number of entries in the chain
 * @param chainValue the chain value after the last entry (the genesis value when there are none)
 * @param issuedAt when the head was signed, whole milliseconds
 * @param nextUpdate when the issuer will have signed a newer head, after {@code issuedAt}
 */
public record RevocationHead(
        TrustDomain trustDomain, long sequence, long size, Digest chainValue, Instant issuedAt, Instant nextUpdate) {
    /** The protected content type of a signed revocation head. */
    public static final String CONTENT_TYPE = "application/vnd.cairn.revocation-head+cbor";

    /** Largest encoded head payload accepted, in bytes. */
    public static final int MAX_ENCODED_BYTES = 512;

    private static final CborLimits LIMITS = CborLimits.DEFAULT
            .withMaxInputBytes(MAX_ENCODED_BYTES)
            .withMaxDepth(1)
            .withMaxItems(13)
            .withMaxStringBytes(TrustDomain.MAX_LENGTH);

    private static final List<CborInt> KEYS =
            List.of(CborInt.of(1), CborInt.of(2), CborInt.of(3), CborInt.of(4), CborInt.of(5), CborInt.of(6));

    /**
     * Validates the components.
     *
     * @param trustDomain the trust domain
     * @param sequence not negative
     * @param size not negative; 0 only with the genesis value
     * @param chainValue the chain value
     * @param issuedAt whole milliseconds, not before 1970
     * @param nextUpdate whole milliseconds, after {@code issuedAt}
     * @throws IllegalArgumentException if a component is out of range
     */
    public RevocationHead {
        Objects.requireNonNull(trustDomain, "trustDomain");
        Objects.requireNonNull(chainValue, "chainValue");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(nextUpdate, "nextUpdate");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence " + sequence + " is negative");
        }
        if (size < 0 || (size == 0 && !chainValue.equals(ChainPosition.GENESIS_VALUE))) {
            throw new IllegalArgumentException("size must be >= 0, and an empty chain has the genesis value");
        }
        if (!Wire.isWireTime(issuedAt) || !Wire.isWireTime(nextUpdate) || !nextUpdate.isAfter(issuedAt)) {
            throw new IllegalArgumentException("want whole-millisecond times with nextUpdate after issuedAt");
        }
    }

    /**
     * A head for a chain position.
     *
     * @param trustDomain the trust domain
     * @param sequence the head's number
     * @param position the chain's size and value
     * @param issuedAt when it is signed
     * @param nextUpdate when a newer head will exist
     * @return the head
     */
    public static RevocationHead of(
            TrustDomain trustDomain, long sequence, ChainPosition position, Instant issuedAt, Instant nextUpdate) {
        return new RevocationHead(trustDomain, sequence, position.size(), position.value(), issuedAt, nextUpdate);
    }

    /**
     * The chain position the head commits to.
     *
     * @return its size and chain value
     */
    public ChainPosition position() {
        return new ChainPosition(size, chainValue);
    }

    /**
     * The head as a CBOR map: {@code {1: trust domain, 2: sequence, 3: size, 4: chain value, 5:
     * issued-at ms, 6: next-update ms}}.
     *
     * @return the canonical map
     */
    public CborMap toCbor() {
        return CborMap.builder()
                .put(1, CborText.of(trustDomain.name()))
                .put(2, CborInt.of(sequence))
                .put(3, CborInt.of(size))
                .put(4, new CborBytes(chainValue.bytes()))
                .put(5, Wire.time(issuedAt))
                .put(6, Wire.time(nextUpdate))
                .build();
    }

    /**
     * The canonical encoding: the payload a head signer signs.
     *
     * @return the encoded head
     */
    public byte[] encode() {
        return Cbor.encode(toCbor());
    }

    /**
     * Decodes a head payload strictly: canonical CBOR within {@link #MAX_ENCODED_BYTES}, a closed map
     * with exactly the six fields, each in range.
     *
     * @param encoded the payload bytes
     * @return the head
     * @throws MalformedInputException {@link ErrorCode#REVOCATION_MALFORMED} or {@code CBOR_*}
     */
    public static RevocationHead decode(byte[] encoded) {
        CborMap map = Wire.map(encoded, LIMITS, "a revocation head");
        map.requireOnlyKeys(KEYS);
        String name = map.requireText(1);
        long sequence = Wire.uint(map, 2, "sequence");
        long size = Wire.uint(map, 3, "size");
        Digest value = Wire.digest(map, 4, "chain value");
        Instant issuedAt = Wire.millis(map, 5, "issued-at");
        Instant nextUpdate = Wire.millis(map, 6, "next-update");
        TrustDomain trustDomain;
        try {
            trustDomain = new TrustDomain(name);
        } catch (MalformedInputException e) {
            throw Wire.malformed("trust domain: " + e.getMessage());
        }
        if (size == 0 && !value.equals(ChainPosition.GENESIS_VALUE)) {
            throw Wire.malformed("an empty chain must have the genesis value");
        }
        if (!nextUpdate.isAfter(issuedAt)) {
            throw Wire.malformed("next-update " + nextUpdate + " is not after issued-at " + issuedAt);
        }
        return new RevocationHead(trustDomain, sequence, size, value, issuedAt, nextUpdate);
    }
}
