package dev.cairn.marker;

import dev.cairn.bytes.Bytes;
import dev.cairn.bytes.Digest;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborArray;
import dev.cairn.cbor.CborBytes;
import dev.cairn.cbor.CborInt;
import dev.cairn.cbor.CborText;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.hash.DomainHash;
import dev.cairn.hash.HashDomain;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One control event in a marker stream: its dense sequence number, time, kind, the digest of its
 * payload, the hash of the marker before it, and its own hash (see {@code spec/marker-stream.md}).
 *
 * <p>{@code hash = DomainHash("cairn/marker/v1", Cbor.encode([seq, time_ms, kind, payload_digest,
 * prev_hash]))}. The constructor recomputes the hash and refuses a marker whose stated hash is not the
 * hash of its fields, so holding a {@code Marker} means its hash is right. Whether it links to its
 * predecessor is a property of the stream; {@link ChainVerifier} checks it.
 *
 * @param seq the sequence number, from 0, dense along the stream
 * @param timeMillis milliseconds since 1970-01-01T00:00:00Z, non-negative
 * @param kind 1 to 64 printable ASCII characters (0x20-0x7e)
 * @param payloadDigest the digest of the event's payload
 * @param prevHash the hash of marker {@code seq - 1}, or {@link #GENESIS_PREV_HASH} for marker 0
 * @param hash this marker's hash
 */
public record Marker(long seq, long timeMillis, String kind, Digest payloadDigest, Digest prevHash, Digest hash) {
    /** The previous hash of marker 0: 32 zero bytes. */
    public static final Digest GENESIS_PREV_HASH = new Digest(Bytes.copyOf(new byte[Digest.LENGTH]));

    /** The longest kind, in ASCII characters. */
    public static final int MAX_KIND_LENGTH = 64;

    /**
     * Validates every field and checks that {@code hash} is the hash of the others.
     *
     * @param seq the sequence number, from 0
     * @param timeMillis milliseconds since the Unix epoch, non-negative
     * @param kind 1 to 64 printable ASCII characters
     * @param payloadDigest the digest of the event's payload
     * @param prevHash the hash of the previous marker, or {@link #GENESIS_PREV_HASH}
     * @param hash this marker's hash
     * @throws MalformedInputException {@link ErrorCode#MARKER_KIND_INVALID} for a bad kind, {@link
     *     ErrorCode#MARKER_MALFORMED} for a negative sequence or time, a non-zero previous hash at
     *     sequence 0, or a hash that is not the hash of the other fields
     */
    public Marker {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(payloadDigest, "payloadDigest");
        Objects.requireNonNull(prevHash, "prevHash");
        Objects.requireNonNull(hash, "hash");
        checkFields(seq, timeMillis, kind, prevHash);
        Digest computed = computeHash(seq, timeMillis, kind, payloadDigest, prevHash);
        if (!computed.equals(hash)) {
            throw new MalformedInputException(
                    ErrorCode.MARKER_MALFORMED,
                    "marker " + seq + " hash: got " + hash + ", want " + computed,
                    -1,
                    Map.of("seq", Long.toString(seq), "expected", computed.toHex(), "found", hash.toHex()),
                    null);
        }
    }

    /**
     * Builds a marker and computes its hash.
     *
     * @param seq the sequence number, from 0
     * @param timeMillis milliseconds since the Unix epoch, non-negative
     * @param kind 1 to 64 printable ASCII characters
     * @param payloadDigest the digest of the event's payload
     * @param prevHash the hash of the previous marker, or {@link #GENESIS_PREV_HASH} at sequence 0
     * @return the marker
     * @throws MalformedInputException {@link ErrorCode#MARKER_KIND_INVALID} or {@link
     *     ErrorCode#MARKER_MALFORMED} as the constructor
     */
    public static Marker of(long seq, long timeMillis, String kind, Digest payloadDigest, Digest prevHash) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(payloadDigest, "payloadDigest");
        Objects.requireNonNull(prevHash, "prevHash");
        checkFields(seq, timeMillis, kind, prevHash);
        return new Marker(
                seq,
                timeMillis,
                kind,
                payloadDigest,
                prevHash,
                computeHash(seq, timeMillis, kind, payloadDigest, prevHash));
    }

    /**
     * Checks a marker kind: 1 to 64 characters, each printable ASCII (0x20 to 0x7e).
     *
     * @param kind the kind to check
     * @return {@code kind}, unchanged
     * @throws MalformedInputException {@link ErrorCode#MARKER_KIND_INVALID}
     */
    public static String checkKind(String kind) {
        Objects.requireNonNull(kind, "kind");
        if (kind.isEmpty() || kind.length() > MAX_KIND_LENGTH) {
            throw new MalformedInputException(
                    ErrorCode.MARKER_KIND_INVALID, "kind length: got " + kind.length() + ", want 1-" + MAX_KIND_LENGTH);
        }
        for (int i = 0; i < kind.length(); i++) {
            char c = kind.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new MalformedInputException(
                        ErrorCode.MARKER_KIND_INVALID,
                        "kind character " + i + ": got U+" + String.format("%04X", (int) c) + ", want 0x20-0x7e");
            }
        }
        return kind;
    }

    /**
     * The canonical CBOR encoding of the hashed content, {@code [seq, time_ms, kind, payload_digest,
     * prev_hash]}.
     *
     * @return the bytes the hash is computed over (without the domain tag)
     */
    public Bytes content() {
        return Bytes.copyOf(encodeContent(seq, timeMillis, kind, payloadDigest, prevHash));
    }

    /**
     * The marker's time as an instant.
     *
     * @return {@code timeMillis} as an {@link Instant}
     */
    public Instant time() {
        return Instant.ofEpochMilli(timeMillis);
    }

    private static void checkFields(long seq, long timeMillis, String kind, Digest prevHash) {
        if (seq < 0) {
            throw new MalformedInputException(ErrorCode.MARKER_MALFORMED, "seq: got " + seq + ", want >= 0");
        }
        if (timeMillis < 0) {
            throw new MalformedInputException(ErrorCode.MARKER_MALFORMED, "time: got " + timeMillis + ", want >= 0");
        }
        checkKind(kind);
        if (seq == 0 && !prevHash.equals(GENESIS_PREV_HASH)) {
            throw new MalformedInputException(
                    ErrorCode.MARKER_MALFORMED, "marker 0 prev_hash: got " + prevHash + ", want 32 zero bytes");
        }
    }

    private static Digest computeHash(long seq, long timeMillis, String kind, Digest payloadDigest, Digest prevHash) {
        return DomainHash.of(HashDomain.MARKER, encodeContent(seq, timeMillis, kind, payloadDigest, prevHash));
    }

    private static byte[] encodeContent(long seq, long timeMillis, String kind, Digest payloadDigest, Digest prevHash) {
        return Cbor.encode(CborArray.of(
                CborInt.of(seq),
                CborInt.of(timeMillis),
                CborText.of(kind),
                new CborBytes(payloadDigest.bytes()),
                new CborBytes(prevHash.bytes())));
    }
}
