package dev.cairn.mmr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.cairn.bytes.ByteGens;
import dev.cairn.bytes.Digest;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborArray;
import dev.cairn.cbor.CborBytes;
import dev.cairn.cbor.CborInt;
import dev.cairn.cbor.CborText;
import dev.cairn.cbor.CborValue;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.ErrorFamily;
import dev.cairn.errors.MalformedInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The CBOR forms of proofs: exact bytes, round trips, strict rejection, and hostile input. */
class ProofCodecTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final Mmr MMR = MmrFixtures.build(MmrFixtures.leaves(5, 40));
    private static final Digest H = MmrFixtures.sha256Of(0);

    @Test
    void inclusionProofIsIndexThenPath() {
        InclusionProof proof = new InclusionProof(7, List.of(H));
        assertEquals("82078158" + "20" + H.toHex(), HEX.formatHex(proof.encode()));
        assertEquals("8200" + "80", HEX.formatHex(new InclusionProof(0, List.of()).encode()));
        assertEquals(proof, InclusionProof.decode(proof.encode()));
    }

    @Test
    void consistencyProofIsSizesPathsAndRightPeaks() {
        ConsistencyProof proof = new ConsistencyProof(1, 4, List.of(List.of(H)), List.of(H));
        assertEquals("840104" + "81815820" + H.toHex() + "815820" + H.toHex(), HEX.formatHex(proof.encode()));
        assertEquals(proof, ConsistencyProof.decode(proof.encode()));
        assertEquals("8400018080", HEX.formatHex(new ConsistencyProof(0, 1, List.of(), List.of()).encode()));
    }

    @Test
    void everyProofOfATreeRoundTrips() {
        for (long size : MmrFixtures.validSizes(MMR.size())) {
            for (long i = 0; i < size; i++) {
                InclusionProof proof = MMR.inclusionProof(i, size);
                assertEquals(proof, InclusionProof.decode(proof.encode()));
                assertEquals(proof, InclusionProof.fromCbor(proof.toCbor()));
            }
            for (long from : MmrFixtures.validSizes(size - 1)) {
                ConsistencyProof proof = MMR.consistencyProof(from, size);
                assertEquals(proof, ConsistencyProof.decode(proof.encode()));
            }
        }
    }

    @Test
    void wrongShapesAreMalformedProofs() {
        CborBytes h = new CborBytes(H.bytes());
        CborArray path = CborArray.of(h);
        List<CborValue> inclusions = List.of(
                CborInt.of(1),
                CborArray.of(CborInt.of(1)),
                CborArray.of(CborInt.of(1), path, path),
                CborArray.of(CborInt.of(-1), path),
                CborArray.of(h, path),
                CborArray.of(CborInt.of(1), h),
                CborArray.of(CborInt.of(1), CborArray.of(CborBytes.of(new byte[31]))),
                CborArray.of(CborInt.of(1), CborArray.of(CborBytes.of(new byte[33]))),
                CborArray.of(CborInt.of(1), CborArray.of(CborText.of("x"))),
                CborArray.of(CborInt.of(1), new CborArray(Collections.nCopies(65, h))));
        for (CborValue value : inclusions) {
            expect(ErrorCode.MMR_PROOF_MALFORMED, () -> InclusionProof.decode(Cbor.encode(value)));
        }
        List<CborValue> consistencies = List.of(
                CborArray.of(CborInt.of(1), CborInt.of(3), CborArray.of(path)),
                CborArray.of(CborInt.of(-1), CborInt.of(3), CborArray.of(path), path),
                CborArray.of(CborInt.of(1), CborInt.of(-3), CborArray.of(path), path),
                CborArray.of(CborInt.of(1), CborInt.of(3), path, path),
                CborArray.of(CborInt.of(1), CborInt.of(3), CborArray.of(path), CborArray.of(path)),
                CborArray.of(CborInt.of(1), CborInt.of(3), new CborArray(Collections.nCopies(65, path)), path));
        for (CborValue value : consistencies) {
            expect(ErrorCode.MMR_PROOF_MALFORMED, () -> ConsistencyProof.decode(Cbor.encode(value)));
        }
        expect(ErrorCode.MMR_PROOF_MALFORMED, () -> new InclusionProof(-1, List.of()));
        expect(ErrorCode.MMR_PROOF_MALFORMED, () -> new ConsistencyProof(0, -1, List.of(), List.of()));
    }

    @Test
    void nonCanonicalBytesAreCborErrors() {
        byte[] valid = new InclusionProof(7, List.of(H)).encode();
        byte[] trailing = new byte[valid.length + 1];
        System.arraycopy(valid, 0, trailing, 0, valid.length);
        expect(ErrorCode.CBOR_TRAILING_BYTES, () -> InclusionProof.decode(trailing));
        expect(ErrorCode.CBOR_NON_CANONICAL, () -> InclusionProof.decode(HEX.parseHex("82180780")));
        expect(ErrorCode.CBOR_INT_OUT_OF_RANGE, () -> InclusionProof.decode(HEX.parseHex("821b800000000000000080")));
        expect(ErrorCode.CBOR_TRUNCATED, () -> ConsistencyProof.decode(HEX.parseHex("840104")));
        expect(ErrorCode.CBOR_INDEFINITE_LENGTH, () -> ConsistencyProof.decode(HEX.parseHex("9f0104ff")));
    }

    @Test
    void arbitraryBytesGiveAProofOrAMalformedInput() {
        checkHostile(ByteGens.bytes(0, 200), InclusionProof::decode, InclusionProof::encode);
        checkHostile(ByteGens.bytes(0, 200), ConsistencyProof::decode, ConsistencyProof::encode);
    }

    @Test
    void mutatedProofsGiveAProofOrAMalformedInput() {
        byte[] inclusion = MMR.inclusionProof(MmrMath.leafIndex(17), MMR.size()).encode();
        byte[] consistency = MMR.consistencyProof(26, MMR.size()).encode();
        checkHostile(mutations(inclusion), InclusionProof::decode, InclusionProof::encode);
        checkHostile(mutations(consistency), ConsistencyProof::decode, ConsistencyProof::encode);
    }

    private static <T> void checkHostile(
            org.quicktheories.core.Gen<byte[]> inputs, Function<byte[], T> decode, Function<T, byte[]> encode) {
        AtomicInteger rejected = new AtomicInteger();
        qt().withExamples(3000).forAll(inputs).checkAssert(input -> {
            T proof;
            try {
                proof = decode.apply(input);
            } catch (MalformedInputException e) {
                rejected.incrementAndGet();
                assertEquals(ErrorFamily.MALFORMED_INPUT, e.code().family());
                assertTrue(
                        e.code() == ErrorCode.MMR_PROOF_MALFORMED
                                || e.code().name().startsWith("CBOR_"),
                        e.code().name());
                return;
            }
            assertArrayEquals(input, encode.apply(proof), "a decoded proof re-encodes to its input");
        });
        assertTrue(rejected.get() > 100, "rejected " + rejected);
    }

    /** A valid encoding with one to three random bytes replaced, inserted or removed. */
    private static org.quicktheories.core.Gen<byte[]> mutations(byte[] valid) {
        return integers()
                .between(0, valid.length - 1)
                .zip(integers().between(0, 255), integers().between(0, 2), (at, value, kind) -> {
                    List<Byte> bytes = new ArrayList<>();
                    for (byte b : valid) {
                        bytes.add(b);
                    }
                    switch (kind) {
                        case 0 -> bytes.set(at, (byte) (int) value);
                        case 1 -> bytes.add(at, (byte) (int) value);
                        default -> bytes.remove((int) at);
                    }
                    byte[] out = new byte[bytes.size()];
                    for (int i = 0; i < out.length; i++) {
                        out[i] = bytes.get(i);
                    }
                    return out;
                })
                .describedAs(ByteGens::hex);
    }

    private static void expect(ErrorCode code, Executable call) {
        assertEquals(code, assertThrows(MalformedInputException.class, call).code());
    }
}
