package dev.cairn.mmr;

import dev.cairn.bytes.Digest;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborArray;
import dev.cairn.cbor.CborInt;
import dev.cairn.cbor.CborValue;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.mmr.internal.ProofCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A consistency proof of the MMR profile: that the accumulator of {@code size1} is committed by the
 * accumulator of {@code size2}. It holds one inclusion path per peak of {@code size1}, from that peak
 * to the peak of {@code size2} above it, and the peaks of {@code size2} that no path reaches (the
 * right peaks), highest first.
 *
 * <p>Wire form ({@code spec/mmr.md}): the canonical CBOR array {@code [tree-size-1: uint,
 * tree-size-2: uint, consistency-paths: [* [* bstr .size 32]], right-peaks: [* bstr .size 32]]}; a
 * COSE Receipt wraps these bytes in a byte string ({@code bstr .cbor}).
 *
 * @param size1 the earlier MMR size (tree-size-1), possibly 0
 * @param size2 the later MMR size (tree-size-2)
 * @param paths one path per peak of {@code size1}, highest peak first, each bottom up
 * @param rightPeaks the peaks of {@code size2} that complete its accumulator after the paths' roots
 */
public record ConsistencyProof(long size1, long size2, List<List<Digest>> paths, List<Digest> rightPeaks) {
    /**
     * Copies the lists and checks the bounds every proof has.
     *
     * @param size1 the earlier size, at least 0
     * @param size2 the later size, at least 0
     * @param paths at most 64 paths of at most 64 values each
     * @param rightPeaks at most 64 values
     * @throws MalformedInputException {@link ErrorCode#MMR_PROOF_MALFORMED} if out of bounds
     */
    public ConsistencyProof {
        Objects.requireNonNull(paths, "paths");
        Objects.requireNonNull(rightPeaks, "rightPeaks");
        if (size1 < 0 || size2 < 0) {
            throw ProofCodec.malformed("sizes " + size1 + ", " + size2 + ": want unsigned");
        }
        ProofCodec.checkEntries(paths.size(), "consistency paths");
        List<List<Digest>> copied = new ArrayList<>(paths.size());
        for (List<Digest> path : paths) {
            ProofCodec.checkEntries(path.size(), "consistency path");
            copied.add(List.copyOf(path));
        }
        paths = List.copyOf(copied);
        rightPeaks = List.copyOf(rightPeaks);
        ProofCodec.checkEntries(rightPeaks.size(), "right peaks");
    }

    /**
     * The CBOR value of the proof.
     *
     * @return {@code [size1, size2, [* [* bstr]], [* bstr]]}
     */
    public CborArray toCbor() {
        List<CborValue> encodedPaths = new ArrayList<>(paths.size());
        paths.forEach(p -> encodedPaths.add(ProofCodec.hashes(p)));
        return CborArray.of(
                CborInt.of(size1), CborInt.of(size2), new CborArray(encodedPaths), ProofCodec.hashes(rightPeaks));
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
     *     [uint, uint, [* [* bstr .size 32]], [* bstr .size 32]]} within the bounds
     */
    public static ConsistencyProof fromCbor(CborValue value) {
        CborArray array = ProofCodec.array(value, 4, "consistency proof");
        long size1 = ProofCodec.uint(array.get(0), "tree-size-1");
        long size2 = ProofCodec.uint(array.get(1), "tree-size-2");
        List<List<Digest>> paths = new ArrayList<>();
        for (CborValue path : ProofCodec.list(array.get(2), "consistency paths")) {
            paths.add(ProofCodec.hashes(path, "consistency path"));
        }
        return new ConsistencyProof(size1, size2, paths, ProofCodec.hashes(array.get(3), "right peaks"));
    }

    /**
     * Decodes a proof from its canonical CBOR bytes.
     *
     * @param encoded the bytes
     * @return the proof
     * @throws MalformedInputException a {@code CBOR_*} code if the bytes are not one canonical CBOR
     *     item, or {@link ErrorCode#MMR_PROOF_MALFORMED} if it is not a consistency proof
     */
    public static ConsistencyProof decode(byte[] encoded) {
        return fromCbor(Cbor.decode(encoded));
    }
}
