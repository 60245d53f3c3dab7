package dev.cairn.mmr;

import dev.cairn.bytes.Digest;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.errors.VerificationException;
import dev.cairn.mmr.internal.IncludedRoot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Verifies MMR inclusion and consistency proofs against accumulators the caller trusts ({@code
 * spec/mmr.md}, following draft-bryce-cose-receipts-mmr-profile's {@code included_root} and {@code
 * consistent_roots}).
 *
 * <p>Security guarantees: a returned {@link VerifiedInclusion} means the value leads, through a path
 * of exactly the length the index and size imply, to the accumulator's peak above that index; a
 * returned {@link VerifiedConsistency} means every peak of the earlier accumulator leads to the later
 * accumulator's peaks, and the rest of the later accumulator is the proof's right peaks. Both rest on
 * SHA-256 and on the accumulators being authentic (for example from a verified checkpoint); this
 * class does not check signatures. A proof of the wrong shape raises {@link MalformedInputException}
 * ({@link ErrorCode#MMR_PROOF_MALFORMED}, or {@link ErrorCode#MMR_SIZE_INVALID} for an index outside
 * the tree); a well-formed proof that does not lead to the accumulator raises {@link
 * VerificationException} ({@link ErrorCode#MMR_PROOF_INVALID}) with the expected and found values.
 * Nothing is ever returned as a boolean. Stateless and thread-safe.
 */
public final class MmrVerifier {
    private MmrVerifier() {}

    /**
     * Verifies that a value is the node at the proof's index in the MMR the accumulator describes.
     *
     * @param proof the inclusion proof
     * @param leaf the value claimed at {@code proof.index()}, usually a leaf (a marker hash)
     * @param accumulator the trusted accumulator
     * @return the verified inclusion
     * @throws MalformedInputException {@link ErrorCode#MMR_SIZE_INVALID} if the index is not below the
     *     accumulator's size; {@link ErrorCode#MMR_PROOF_MALFORMED} if the path length is not the one the
     *     index and size imply
     * @throws VerificationException {@link ErrorCode#MMR_PROOF_INVALID} if the path does not lead to the
     *     peak
     */
    public static VerifiedInclusion verifyInclusion(InclusionProof proof, Digest leaf, Accumulator accumulator) {
        Objects.requireNonNull(proof, "proof");
        Objects.requireNonNull(leaf, "leaf");
        Objects.requireNonNull(accumulator, "accumulator");
        long index = proof.index();
        if (index >= accumulator.size()) {
            throw new MalformedInputException(
                    ErrorCode.MMR_SIZE_INVALID,
                    "node index " + index + " outside an MMR of size " + accumulator.size());
        }
        long[] peaks = MmrMath.peaks(accumulator.size());
        int position = 0;
        while (peaks[position] < index) {
            position++;
        }
        int height = MmrMath.height(index);
        checkLength(proof.path().size(), MmrMath.height(peaks[position]) - height, "inclusion path");
        Digest root = IncludedRoot.of(index, height, leaf, proof.path(), peaks[position]);
        Digest peak = accumulator.peaks().get(position);
        if (!root.equals(peak)) {
            throw VerificationException.mismatch(ErrorCode.MMR_PROOF_INVALID, peak.toHex(), root.toHex());
        }
        return new VerifiedInclusion(index, leaf, accumulator, position);
    }

    /**
     * Computes the node a value's inclusion path leads to, knowing nothing of the MMR's size: the
     * draft's {@code included_root}. A COSE Receipt of inclusion signs this value; a verifier that
     * holds a trusted accumulator uses {@link #verifyInclusion} instead, which also fixes the path
     * length.
     *
     * @param proof the inclusion proof
     * @param leaf the value claimed at {@code proof.index()}
     * @return the value the path leads to, {@code leaf} itself when the path is empty
     * @throws MalformedInputException {@link ErrorCode#MMR_SIZE_INVALID} if the index is out of range;
     *     {@link ErrorCode#MMR_PROOF_MALFORMED} if the path climbs above the highest possible peak
     */
    public static Digest includedRoot(InclusionProof proof, Digest leaf) {
        Objects.requireNonNull(proof, "proof");
        Objects.requireNonNull(leaf, "leaf");
        return IncludedRoot.of(proof.index(), leaf, proof.path());
    }

    /**
     * Verifies that the later accumulator extends the earlier one by appends only.
     *
     * @param proof the consistency proof
     * @param from the trusted earlier accumulator; its size must be the proof's {@code size1}
     * @param to the later accumulator; its size must be the proof's {@code size2}, and larger
     * @return the verified consistency
     * @throws MalformedInputException {@link ErrorCode#MMR_PROOF_MALFORMED} if the proof's sizes are not
     *     the accumulators' or not increasing, or the number or lengths of its paths, or the number of
     *     right peaks, are not the ones the sizes imply
     * @throws VerificationException {@link ErrorCode#MMR_PROOF_INVALID} if two paths to one peak disagree
     *     or the proven accumulator is not {@code to}
     */
    public static VerifiedConsistency verifyConsistency(ConsistencyProof proof, Accumulator from, Accumulator to) {
        Objects.requireNonNull(proof, "proof");
        Objects.requireNonNull(to, "to");
        checkSize("tree-size-2", to.size(), proof.size2());
        Accumulator proven = consistentAccumulator(proof, from);
        for (int j = 0; j < to.peaks().size(); j++) {
            Digest want = to.peaks().get(j);
            Digest got = proven.peaks().get(j);
            if (!got.equals(want)) {
                throw VerificationException.mismatch(ErrorCode.MMR_PROOF_INVALID, want.toHex(), got.toHex());
            }
        }
        return new VerifiedConsistency(from, to);
    }

    /**
     * Computes the accumulator of {@code size2} that a consistency proof proves from a trusted earlier
     * accumulator: the roots its paths lead to, followed by its right peaks (the draft's {@code
     * consistent_roots}). This is how a COSE Receipt of consistency is verified, where the later
     * accumulator is not known in advance but is the signed payload.
     *
     * @param proof the consistency proof
     * @param from the trusted earlier accumulator; its size must be the proof's {@code size1}
     * @return the later accumulator, of size {@code size2}
     * @throws MalformedInputException {@link ErrorCode#MMR_PROOF_MALFORMED} if the sizes are not {@code
     *     from}'s and a larger valid size, or the number or lengths of the paths, or the number of right
     *     peaks, are not the ones the sizes imply; {@link ErrorCode#MMR_SIZE_INVALID} if {@code size2} is
     *     not a valid MMR size
     * @throws VerificationException {@link ErrorCode#MMR_PROOF_INVALID} if two paths to one peak disagree
     */
    public static Accumulator consistentAccumulator(ConsistencyProof proof, Accumulator from) {
        Objects.requireNonNull(proof, "proof");
        Objects.requireNonNull(from, "from");
        checkSize("tree-size-1", from.size(), proof.size1());
        if (from.size() >= proof.size2()) {
            throw malformed(
                    "sizes must increase: " + from.size() + " -> " + proof.size2(),
                    "size below " + proof.size2(),
                    Long.toString(from.size()));
        }
        long[] fromPeaks = MmrMath.peaks(from.size());
        long[] toPeaks = MmrMath.peaks(proof.size2());
        checkLength(proof.paths().size(), fromPeaks.length, "consistency paths");
        List<Digest> roots = new ArrayList<>(toPeaks.length);
        int lastPosition = -1;
        int position = 0;
        for (int k = 0; k < fromPeaks.length; k++) {
            List<Digest> path = proof.paths().get(k);
            while (toPeaks[position] < fromPeaks[k]) {
                position++;
            }
            int height = MmrMath.height(fromPeaks[k]);
            checkLength(path.size(), MmrMath.height(toPeaks[position]) - height, "consistency path " + k);
            Digest root = IncludedRoot.of(fromPeaks[k], height, from.peaks().get(k), path, toPeaks[position]);
            if (position != lastPosition) {
                roots.add(root);
                lastPosition = position;
            } else if (!root.equals(roots.get(roots.size() - 1))) {
                throw VerificationException.mismatch(
                        ErrorCode.MMR_PROOF_INVALID, roots.get(roots.size() - 1).toHex(), root.toHex());
            }
        }
        checkLength(proof.rightPeaks().size(), toPeaks.length - roots.size(), "right peaks");
        roots.addAll(proof.rightPeaks());
        return new Accumulator(proof.size2(), roots);
    }

    private static void checkSize(String field, long want, long got) {
        if (want != got) {
            throw malformed(field + ": got " + got + ", want " + want, Long.toString(want), Long.toString(got));
        }
    }

    private static void checkLength(int got, int want, String what) {
        if (got != want) {
            throw malformed(
                    what + ": got " + got + " entries, want " + want, Integer.toString(want), Integer.toString(got));
        }
    }

    private static MalformedInputException malformed(String message, String expected, String found) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("expected", expected);
        details.put("found", found);
        return new MalformedInputException(ErrorCode.MMR_PROOF_MALFORMED, message, -1, details, null);
    }
}
