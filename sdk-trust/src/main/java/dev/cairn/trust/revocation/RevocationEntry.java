package dev.cairn.trust.revocation;

import dev.cairn.bytes.Bytes;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborInt;
import dev.cairn.cbor.CborLimits;
import dev.cairn.cbor.CborMap;
import dev.cairn.cbor.CborValue;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One revocation: the entry at position {@code index} of a revocation chain ({@code
 * spec/revocation.md}). Its canonical CBOR encoding, {@link #encoded()}, is what the chain hashes.
 *
 * @param index the entry's position in the chain, from 0
 * @param serial the revoked certificate's serial number: positive, at most 20 DER octets
 * @param reason why it was revoked
 * @param revokedAt when the issuer recorded the revocation, whole milliseconds, not before 1970
 */
public record RevocationEntry(long index, BigInteger serial, RevocationReason reason, Instant revokedAt) {
    /** Largest serial accepted, in bits: RFC 5280 allows at most 20 octets of DER INTEGER. */
    public static final int MAX_SERIAL_BITS = 159;

    /** Largest encoded entry accepted by {@link #decode(byte[])}, in bytes. */
    public static final int MAX_ENCODED_BYTES = 128;

    static final CborLimits LIMITS = CborLimits.DEFAULT
            .withMaxInputBytes(MAX_ENCODED_BYTES)
            .withMaxDepth(1)
            .withMaxItems(9)
            .withMaxStringBytes(64);

    private static final List<CborInt> KEYS = List.of(CborInt.of(1), CborInt.of(2), CborInt.of(3), CborInt.of(4));

    /**
     * Validates the components.
     *
     * @param index the position, not negative
     * @param serial positive, at most {@link #MAX_SERIAL_BITS} bits
     * @param reason the reason
     * @param revokedAt whole milliseconds, not before 1970
     * @throws IllegalArgumentException if a component is out of range
     */
    public RevocationEntry {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(revokedAt, "revokedAt");
        if (index < 0) {
            throw new IllegalArgumentException("index " + index + " is negative");
        }
        if (serial.signum() <= 0 || serial.bitLength() > MAX_SERIAL_BITS) {
            throw new IllegalArgumentException("serial must be positive and at most 20 DER octets");
        }
        if (!Wire.isWireTime(revokedAt)) {
            throw new IllegalArgumentException("revokedAt must be whole milliseconds after 1970: " + revokedAt);
        }
    }

    /**
     * The entry as a CBOR map: {@code {1: index, 2: serial, 3: reason code, 4: revoked-at ms}}.
     *
     * @return the canonical map
     */
    public CborMap toCbor() {
        return CborMap.builder()
                .put(1, CborInt.of(index))
                .put(2, Wire.serial(serial))
                .put(3, CborInt.of(reason.code()))
                .put(4, Wire.time(revokedAt))
                .build();
    }

    /**
     * The canonical encoding: the bytes the chain link hashes.
     *
     * @return the encoded entry
     */
    public Bytes encoded() {
        return Bytes.copyOf(Cbor.encode(toCbor()));
    }

    /**
     * Decodes one encoded entry strictly: canonical CBOR within {@link #MAX_ENCODED_BYTES}, a closed
     * map with exactly the four fields.
     *
     * @param encoded the bytes
     * @return the entry
     * @throws MalformedInputException {@link ErrorCode#REVOCATION_MALFORMED} or {@code CBOR_*}
     */
    public static RevocationEntry decode(byte[] encoded) {
        return fromCbor(Cbor.decode(encoded, LIMITS));
    }

    /**
     * Reads an entry from a decoded CBOR value strictly.
     *
     * @param value the decoded value
     * @return the entry
     * @throws MalformedInputException {@link ErrorCode#REVOCATION_MALFORMED} or {@code CBOR_*}
     */
    public static RevocationEntry fromCbor(CborValue value) {
        CborMap map = Wire.map(value, "a revocation entry");
        map.requireOnlyKeys(KEYS);
        long index = Wire.uint(map, 1, "index");
        BigInteger serial = Wire.serial(map, 2);
        long code = map.requireInt(3);
        RevocationReason reason = RevocationReason.fromCode(code)
                .orElseThrow(() -> Wire.malformed("reason code " + code + " is not one spec/revocation.md allows"));
        Instant revokedAt = Wire.millis(map, 4, "revoked-at");
        return new RevocationEntry(index, serial, reason, revokedAt);
    }
}
