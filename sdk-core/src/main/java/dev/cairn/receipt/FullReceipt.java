package dev.cairn.receipt;

import dev.cairn.bytes.Bytes;
import dev.cairn.bytes.Digest;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborArray;
import dev.cairn.cbor.CborBytes;
import dev.cairn.cbor.CborInt;
import dev.cairn.cbor.CborMap;
import dev.cairn.cbor.CborText;
import dev.cairn.cbor.CborValue;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.hash.DomainHash;
import dev.cairn.hash.HashDomain;
import dev.cairn.marker.Marker;
import dev.cairn.mmr.InclusionProof;
import java.util.List;
import java.util.Objects;

/**
 * A statement with the evidence that it is in the log: the marker it was appended as, the MMR
 * inclusion proof of that marker's hash, and a signed checkpoint whose accumulator the proof leads
 * to (see {@code spec/receipts.md}). Not trusted by itself: {@link ReceiptVerifier} checks it.
 *
 * @param statement the signed statement, an encoded COSE_Sign1
 * @param marker the marker the statement was appended as
 * @param proof the inclusion proof of the marker's hash
 * @param checkpoint the signed checkpoint, an encoded COSE_Sign1
 */
public record FullReceipt(Bytes statement, Marker marker, InclusionProof proof, Bytes checkpoint) {
    private static final List<CborInt> KEYS = List.of(CborInt.of(1), CborInt.of(2), CborInt.of(3), CborInt.of(4));

    /**
     * Checks the components, including that the marker's payload digest is the statement's.
     *
     * @param statement the signed statement
     * @param marker the marker
     * @param proof the inclusion proof
     * @param checkpoint the signed checkpoint
     * @throws IllegalArgumentException if the marker does not carry the statement's digest
     */
    public FullReceipt {
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(marker, "marker");
        Objects.requireNonNull(proof, "proof");
        Objects.requireNonNull(checkpoint, "checkpoint");
        if (!marker.payloadDigest().equals(statementDigest(statement))) {
            throw new IllegalArgumentException("the marker's payload digest is not the statement's");
        }
    }

    /**
     * The payload digest of the marker a signed statement is appended as.
     *
     * @param signedStatement the encoded COSE_Sign1 statement
     * @return {@code DomainHash("cairn/statement/v1", signedStatement)}
     */
    public static Digest statementDigest(Bytes signedStatement) {
        return DomainHash.of(HashDomain.STATEMENT, signedStatement);
    }

    /**
     * Encodes the receipt.
     *
     * @return the canonical CBOR bytes
     */
    public byte[] encode() {
        CborArray markerFields = CborArray.of(
                CborInt.of(marker.seq()),
                CborInt.of(marker.timeMillis()),
                CborText.of(marker.kind()),
                new CborBytes(marker.prevHash().bytes()));
        return Cbor.encode(CborMap.builder()
                .put(1, new CborBytes(statement))
                .put(2, markerFields)
                .put(3, proof.toCbor())
                .put(4, new CborBytes(checkpoint))
                .build());
    }

    /**
     * Decodes a receipt strictly; the marker's payload digest and hash are recomputed.
     *
     * @param encoded the receipt bytes
     * @return the receipt
     * @throws MalformedInputException {@code CBOR_*}, {@link ErrorCode#RECEIPT_MALFORMED}, {@code
     *     MARKER_*} or {@code MMR_*} codes for malformed parts
     */
    public static FullReceipt decode(byte[] encoded) {
        if (!(Cbor.decode(encoded) instanceof CborMap map)) {
            throw new MalformedInputException(ErrorCode.RECEIPT_MALFORMED, "a full receipt is a map");
        }
        map.requireOnlyKeys(KEYS);
        Bytes statement = map.requireBytes(1);
        CborArray fields = map.require(CborInt.of(2), CborArray.class);
        if (fields.size() != 4
                || !(fields.get(0) instanceof CborInt seq)
                || !(fields.get(1) instanceof CborInt time)
                || !(fields.get(2) instanceof CborText kind)
                || !(fields.get(3) instanceof CborBytes prev)
                || prev.value().length() != Digest.LENGTH) {
            throw new MalformedInputException(
                    ErrorCode.RECEIPT_MALFORMED, "marker must be [seq, time, kind, 32-byte previous hash]");
        }
        Marker marker = Marker.of(
                seq.value(), time.value(), kind.value(), statementDigest(statement), new Digest(prev.value()));
        CborValue proof = map.require(CborInt.of(3));
        return new FullReceipt(statement, marker, InclusionProof.fromCbor(proof), map.requireBytes(4));
    }
}
