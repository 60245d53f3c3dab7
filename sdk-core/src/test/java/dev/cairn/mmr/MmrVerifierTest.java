package dev.cairn.mmr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import dev.cairn.bytes.Digest;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.errors.VerificationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Acceptance of every honest proof, and the code of every rejection. */
class MmrVerifierTest {
    private static final List<Digest> LEAVES = MmrFixtures.leaves(42, 40);
    private static final Mmr MMR = MmrFixtures.build(LEAVES);

    @Test
    void everyNodeVerifiesInEverySizeThatHoldsIt() {
        int checked = 0;
        for (long size : MmrFixtures.validSizes(MMR.size())) {
            Accumulator acc = MMR.accumulator(size);
            for (long i = 0; i < size; i++) {
                VerifiedInclusion v = MmrVerifier.verifyInclusion(MMR.inclusionProof(i, size), MMR.node(i), acc);
                assertEquals(i, v.index());
                assertEquals(MmrMath.peakOf(i, size), v.peakPosition());
                assertEquals(acc, v.accumulator());
                assertEquals(MmrMath.height(i) == 0, v.isLeaf());
                checked++;
            }
        }
        assertEquals(1538, checked);
    }

    @Test
    void everyPrefixIsConsistentWithEveryLaterSize() {
        List<Long> sizes = MmrFixtures.validSizes(MMR.size());
        for (long size2 : sizes) {
            for (long size1 : sizes) {
                if (size1 < size2) {
                    VerifiedConsistency v = MmrVerifier.verifyConsistency(
                            MMR.consistencyProof(size1, size2), MMR.accumulator(size1), MMR.accumulator(size2));
                    assertEquals(size1, v.from().size());
                    assertEquals(size2, v.to().size());
                }
            }
        }
    }

    @Test
    void inclusionRejectionsCarryTheirCodes() {
        long size = 63;
        Accumulator acc = MMR.accumulator(size);
        long leaf = MmrMath.leafIndex(9);
        InclusionProof proof = MMR.inclusionProof(leaf, size);
        Digest value = MMR.node(leaf);
        List<Digest> path = proof.path();
        assertEquals(5, path.size());

        expect(
                ErrorCode.MMR_SIZE_INVALID,
                () -> MmrVerifier.verifyInclusion(new InclusionProof(size, path), value, acc));
        expect(
                ErrorCode.MMR_PROOF_MALFORMED,
                () -> MmrVerifier.verifyInclusion(new InclusionProof(leaf, path.subList(0, 4)), value, acc));
        List<Digest> longer = new ArrayList<>(path);
        longer.add(path.get(0));
        expect(
                ErrorCode.MMR_PROOF_MALFORMED,
                () -> MmrVerifier.verifyInclusion(new InclusionProof(leaf, longer), value, acc));
        List<Digest> swapped = new ArrayList<>(path);
        Collections.swap(swapped, 1, 2);
        expect(
                ErrorCode.MMR_PROOF_INVALID,
                () -> MmrVerifier.verifyInclusion(new InclusionProof(leaf, swapped), value, acc));
        long sibling = MmrMath.leafIndex(8);
        expect(
                ErrorCode.MMR_PROOF_INVALID,
                () -> MmrVerifier.verifyInclusion(new InclusionProof(sibling, path), value, acc));
        expect(ErrorCode.MMR_PROOF_INVALID, () -> MmrVerifier.verifyInclusion(proof, MmrFixtures.flip(value, 0), acc));
        VerificationException e = assertThrows(
                VerificationException.class,
                () -> MmrVerifier.verifyInclusion(proof, MmrFixtures.flip(value, 255), acc));
        assertEquals(acc.peaks().get(0).toHex(), e.details().get("expected"));
        assertEquals(List.of("expected", "found"), List.copyOf(e.details().keySet()));
    }

    @Test
    void consistencyRejectionsCarryTheirCodes() {
        // 15 leaves (peaks of heights 3, 2, 1, 0) to 37 leaves (heights 5, 2, 0): all four origin
        // peaks climb to the first target peak, the other two target peaks are right peaks.
        Accumulator from = MMR.accumulator(26);
        Accumulator to = MMR.accumulator(71);
        ConsistencyProof proof = MMR.consistencyProof(26, 71);
        assertEquals(4, proof.paths().size());
        assertEquals(2, proof.rightPeaks().size());
        List<List<Digest>> paths = proof.paths();
        List<Digest> right = proof.rightPeaks();

        expect(ErrorCode.MMR_PROOF_MALFORMED, () -> MmrVerifier.verifyConsistency(proof, MMR.accumulator(25), to));
        expect(ErrorCode.MMR_PROOF_MALFORMED, () -> MmrVerifier.verifyConsistency(proof, from, MMR.accumulator(78)));
        expect(
                ErrorCode.MMR_PROOF_MALFORMED,
                () -> MmrVerifier.verifyConsistency(
                        new ConsistencyProof(26, 71, paths.subList(0, 3), right), from, to));
        expect(
                ErrorCode.MMR_PROOF_MALFORMED,
                () -> MmrVerifier.verifyConsistency(
                        new ConsistencyProof(26, 71, paths, right.subList(0, 1)), from, to));
        expect(
                ErrorCode.MMR_PROOF_MALFORMED,
                () -> MmrVerifier.verifyConsistency(
                        new ConsistencyProof(
                                26,
                                71,
                                replace(
                                        paths,
                                        3,
                                        paths.get(3).subList(1, paths.get(3).size())),
                                right),
                        from,
                        to));
        expect(
                ErrorCode.MMR_PROOF_INVALID,
                () -> MmrVerifier.verifyConsistency(
                        new ConsistencyProof(26, 71, paths, List.of(right.get(0), MmrFixtures.flip(right.get(1), 3))),
                        from,
                        to));
        List<Digest> swapped = new ArrayList<>(paths.get(0));
        Collections.swap(swapped, 0, 1);
        expect(
                ErrorCode.MMR_PROOF_INVALID,
                () -> MmrVerifier.verifyConsistency(
                        new ConsistencyProof(26, 71, replace(paths, 0, swapped), right), from, to));
        // The second origin peak climbs to the same target peak as the first: a wrong path there
        // disagrees with the first path's root.
        List<Digest> bad = new ArrayList<>(paths.get(1));
        bad.set(0, MmrFixtures.flip(bad.get(0), 9));
        expect(
                ErrorCode.MMR_PROOF_INVALID,
                () -> MmrVerifier.verifyConsistency(
                        new ConsistencyProof(26, 71, replace(paths, 1, bad), right), from, to));
        expect(
                ErrorCode.MMR_PROOF_MALFORMED,
                () -> MmrVerifier.verifyConsistency(new ConsistencyProof(71, 71, List.of(), List.of()), to, to));
        expect(
                ErrorCode.MMR_PROOF_MALFORMED,
                () -> MmrVerifier.verifyConsistency(new ConsistencyProof(71, 26, paths, right), to, from));
        expect(ErrorCode.MMR_PROOF_MALFORMED, () -> MMR.consistencyProof(26, 26));
        expect(ErrorCode.MMR_SIZE_INVALID, () -> MMR.consistencyProof(27, 71));
        expect(ErrorCode.MMR_SIZE_INVALID, () -> MMR.consistencyProof(26, MMR.size() + 1));
    }

    @Test
    void theEmptyTreeIsConsistentWithEverything() {
        ConsistencyProof proof = MMR.consistencyProof(0, MMR.size());
        assertEquals(List.of(), proof.paths());
        assertEquals(MMR.accumulator().peaks(), proof.rightPeaks());
        MmrVerifier.verifyConsistency(proof, Accumulator.empty(), MMR.accumulator());
    }

    /** Every single-bit change of a proof, of the leaf, or of the peak it leads to is rejected. */
    @Test
    void everySingleBitMutationOfAnInclusionIsRejected() {
        long size = MMR.size();
        Accumulator acc = MMR.accumulator();
        for (long leaf : new long[] {0, MmrMath.leafIndex(13), MmrMath.leafIndex(39), size - 2}) {
            InclusionProof proof = MMR.inclusionProof(leaf, size);
            Digest value = MMR.node(leaf);
            byte[] encoded = proof.encode();
            for (int bit = 0; bit < encoded.length * 8; bit++) {
                byte[] mutated = encoded.clone();
                mutated[bit / 8] ^= (byte) (1 << (bit % 8));
                rejected(() -> MmrVerifier.verifyInclusion(InclusionProof.decode(mutated), value, acc));
            }
            int position = MmrMath.peakOf(leaf, size);
            for (int bit = 0; bit < 256; bit++) {
                Digest flipped = MmrFixtures.flip(value, bit);
                rejected(() -> MmrVerifier.verifyInclusion(proof, flipped, acc));
                List<Digest> peaks = new ArrayList<>(acc.peaks());
                peaks.set(position, MmrFixtures.flip(peaks.get(position), bit));
                Accumulator other = new Accumulator(size, peaks);
                rejected(() -> MmrVerifier.verifyInclusion(proof, value, other));
            }
        }
    }

    /** Every single-bit change of a consistency proof, or of either accumulator, is rejected. */
    @Test
    void everySingleBitMutationOfAConsistencyIsRejected() {
        long[][] pairs = {{0, 10}, {4, 63}, {26, 71}, {38, 78}, {70, 78}};
        for (long[] pair : pairs) {
            Accumulator from = MMR.accumulator(pair[0]);
            Accumulator to = MMR.accumulator(pair[1]);
            ConsistencyProof proof = MMR.consistencyProof(pair[0], pair[1]);
            byte[] encoded = proof.encode();
            for (int bit = 0; bit < encoded.length * 8; bit++) {
                byte[] mutated = encoded.clone();
                mutated[bit / 8] ^= (byte) (1 << (bit % 8));
                rejected(() -> MmrVerifier.verifyConsistency(ConsistencyProof.decode(mutated), from, to));
            }
            for (int bit = 0; bit < 256; bit++) {
                for (int k = 0; k < from.peaks().size(); k++) {
                    Accumulator other = new Accumulator(from.size(), flipped(from.peaks(), k, bit));
                    rejected(() -> MmrVerifier.verifyConsistency(proof, other, to));
                }
                for (int k = 0; k < to.peaks().size(); k++) {
                    Accumulator other = new Accumulator(to.size(), flipped(to.peaks(), k, bit));
                    rejected(() -> MmrVerifier.verifyConsistency(proof, from, other));
                }
            }
            for (int bit = 0; bit < 63; bit++) {
                long mask = 1L << bit;
                rejected(() ->
                        MmrVerifier.verifyConsistency(proof, new Accumulator(from.size() ^ mask, from.peaks()), to));
                rejected(() ->
                        MmrVerifier.verifyConsistency(proof, from, new Accumulator(to.size() ^ mask, to.peaks())));
            }
        }
    }

    private static List<Digest> flipped(List<Digest> peaks, int k, int bit) {
        List<Digest> out = new ArrayList<>(peaks);
        out.set(k, MmrFixtures.flip(out.get(k), bit));
        return out;
    }

    private static List<List<Digest>> replace(List<List<Digest>> paths, int k, List<Digest> path) {
        List<List<Digest>> out = new ArrayList<>(paths);
        out.set(k, path);
        return out;
    }

    private static void rejected(Executable call) {
        try {
            call.execute();
        } catch (CairnException e) {
            assertFalse(e.code().retryable());
            return;
        } catch (Throwable t) {
            fail("escaped: " + t, t);
        }
        fail("a mutated input was accepted");
    }

    private static void expect(ErrorCode code, Executable call) {
        CairnException e = assertThrows(CairnException.class, call);
        assertEquals(code, e.code(), e.getMessage());
        if (code == ErrorCode.MMR_PROOF_INVALID) {
            assertEquals(VerificationException.class, e.getClass());
        } else {
            assertEquals(MalformedInputException.class, e.getClass());
        }
    }
}
