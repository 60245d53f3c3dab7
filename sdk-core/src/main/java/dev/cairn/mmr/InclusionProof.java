package dev.cairn.mmr;

import dev.cairn.bytes.Digest;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborArray;
import dev.cairn.cbor.CborInt;
import dev.cairn.cbor.CborValue;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.mmr.internal.ProofCodec;
import java.util.List;
import java.util.Objects;

/**
 * An inclusion proof of the MMR profile: a node index and the sibling values leading from that node
 * to one peak of the accumulator, bottom up. It carries no size: the same proof holds in every later
 * MMR until the peak it leads to is buried, and the verifier supplies the accumulator.
 *
 * <p>Wire form ({@code spec/mmr.md}): the canonical CBOR array {@code [index: uint, path: [* bstr
 * .size 32]]}; a COSE Receipt wraps these bytes in a byte string ({@code bstr .cbor}).
 *
 * @param index the zero-based index of the node proven, usually a leaf
 * @param path the sibling values, bottom up; empty when the node is itself a peak
 */
public record InclusionProof(long index, List<Digest> path) {
    /**
     * Copies the path and checks the bounds every proof has.
     *
     * @param index the node index, at least 0
     * @param path the sibling values, at most 64
     * @throws MalformedInputException {@link ErrorCode#MMR_PROOF_MALFORMED} if out of bounds
     */
    public InclusionProof {
        Objects.requireNonNull(path, "path");
        path = List.copyOf(path);
        if (index < 0) {
            throw ProofCodec.malformed("index " + index + " is negative");
        }
        ProofCodec.checkEntries(path.size(), "inclusion path");
    }

    /**
     * The CBOR value of the proof.
     *
     * @return {@code [index, [* bstr]]}
     */
    public CborArray toCbor() {
        return CborArray.of(CborInt.of(index), ProofCodec.hashes(path));
    }

    /**
     * Encodes the proof canonically.
     *
     * @return the CBOR bytes, the content of the receipt's {@code bstr .cbor}
     */
    public byte[] encode() {
        return Cbor.encode(toCbor());
    }

    /**
     * Reads a proof from a decoded CBOR value.
     *
     * @param value the value
     * @return the proof
     * @throws MalformedInputException {@link ErrorCode#MMR_PROOF_MALFORMED} if the value is not {@code
     *     [uint, [* bstr .size 32]]} with at most 64 path entries
     */
    public static InclusionProof fromCbor(CborValue value) {
        CborArray array = ProofCodec.array(value, 2, "inclusion proof");
        return new InclusionProof(
                ProofCodec.uint(array.get(0), "index"), ProofCodec.hashes(array.get(1), "inclusion path"));
    }

    /**
     * Decodes a proof from its canonical CBOR bytes.
     *
     * @param encoded the bytes
     * @return the proof
     * @throws MalformedInputException a {@code CBOR_*} code if the bytes are not one canonical CBOR
     *     item, or {@link ErrorCode#MMR_PROOF_MALFORMED} if it is not an inclusion proof
     */
    public static InclusionProof decode(byte[] encoded) {
        return fromCbor(Cbor.decode(encoded));
    }
}
