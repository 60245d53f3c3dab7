package dev.cairn.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.bytes.Digest;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborArray;
import dev.cairn.cbor.CborBytes;
import dev.cairn.cbor.CborInt;
import dev.cairn.cbor.CborLimits;
import dev.cairn.cbor.CborMap;
import dev.cairn.cbor.CborValue;
import dev.cairn.checkpoint.LogId;
import dev.cairn.cose.CoseSign1;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.keys.KeySet;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.marker.SegmentMarkerStream;
import dev.cairn.mmr.Accumulator;
import dev.cairn.mmr.InclusionProof;
import dev.cairn.mmr.MmrMath;
import dev.cairn.mmr.file.FileNodeStore;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoseReceiptTest {
    private final SigningKey key = SigningKey.generate(KeyType.ED25519, new SecureRandom());
    private final List<IssuedStatement> issued = new ArrayList<>();
    private final List<SignedCheckpoint> checkpoints = new ArrayList<>();
    private ReceiptLog log;

    @TempDir
    Path dir;

    /** A log of 13 statements with checkpoints at 0, 3, 8 and 13 statements. */
    @BeforeEach
    void issue() {
        SegmentMarkerStream stream = SegmentMarkerStream.open(dir.resolve("markers"), ReceiptLogTest.CLOCK);
        log = ReceiptLog.open(
                ReceiptLogTest.LOG, stream, FileNodeStore.open(dir.resolve("mmr.nodes")), key, ReceiptLogTest.CLOCK);
        checkpoints.add(log.checkpoint(7));
        for (int i = 0; i < 13; i++) {
            issued.add(log.issue(ReceiptLogTest.action(i)));
            if (i == 2 || i == 7 || i == 12) {
                checkpoints.add(log.checkpoint(7));
            }
        }
    }

    @AfterEach
    void close() {
        log.close();
    }

    private CoseReceiptVerifier verifier() {
        return CoseReceiptVerifier.builder()
                .trustedKeys(KeySet.of(key.verificationKey()))
                .expectLogId(ReceiptLogTest.LOG)
                .build();
    }

    private Accumulator accumulator(int checkpoint) {
        return checkpoints.get(checkpoint).checkpoint().accumulator();
    }

    @Test
    void everyStatementHasAnInclusionReceiptThatVerifies() {
        Accumulator last = accumulator(3);
        for (IssuedStatement statement : issued) {
            byte[] receipt = log.inclusionReceipt(statement, checkpoints.get(3)).toByteArray();
            Digest leaf = statement.marker().hash();
            VerifiedInclusionReceipt plain = verifier().verifyInclusion(receipt, leaf);
            VerifiedInclusionReceipt anchored = verifier().verifyInclusion(receipt, leaf, last);
            long index = MmrMath.leafIndex(statement.marker().seq());
            assertEquals(index, plain.index());
            assertEquals(plain.peak(), anchored.peak());
            assertEquals(last.peaks().get(MmrMath.peakOf(index, last.size())), plain.peak());
        }
    }

    @Test
    void theReceiptFollowsTheProfilesHeaders() {
        byte[] receipt = log.inclusionReceipt(issued.get(4), checkpoints.get(3)).toByteArray();
        CoseSign1 message = CoseSign1.decode(receipt, CborLimits.DEFAULT);
        CborMap prot = (CborMap) Cbor.decode(message.protectedHeader().toByteArray());
        assertEquals(CborInt.of(3), prot.get(CoseReceiptLabels.VDS).orElseThrow());
        assertEquals(true, message.payload().isEmpty());
        CborMap vdp =
                (CborMap) message.unprotectedHeader().get(CoseReceiptLabels.VDP).orElseThrow();
        CborValue proofs = vdp.get(CoseReceiptLabels.INCLUSION_PROOFS).orElseThrow();
        InclusionProof proof = InclusionProof.decode(
                ((CborBytes) ((CborArray) proofs).get(0)).value().toByteArray());
        assertEquals(MmrMath.leafIndex(4), proof.index());
    }

    @Test
    void anotherLeafDoesNotVerify() {
        byte[] receipt = log.inclusionReceipt(issued.get(4), checkpoints.get(3)).toByteArray();
        Digest other = issued.get(5).marker().hash();
        assertEquals(
                ErrorCode.COSE_BAD_SIGNATURE,
                fails(() -> verifier().verifyInclusion(receipt, other)).code());
        assertEquals(
                ErrorCode.MMR_PROOF_INVALID,
                fails(() -> verifier().verifyInclusion(receipt, other, accumulator(3)))
                        .code());
    }

    @Test
    void consistencyReceiptsChainFromTheEmptyLogToTheLatest() {
        Accumulator trusted = accumulator(0);
        assertEquals(0, trusted.size());
        for (int next = 1; next < checkpoints.size(); next++) {
            byte[] receipt = log.consistencyReceipt(checkpoints.get(next - 1), checkpoints.get(next))
                    .toByteArray();
            VerifiedConsistencyReceipt verified = verifier().verifyConsistency(receipt, trusted);
            assertEquals(accumulator(next), verified.to());
            trusted = verified.to();
        }
        byte[] skipping =
                log.consistencyReceipt(checkpoints.get(1), checkpoints.get(3)).toByteArray();
        assertEquals(
                accumulator(3),
                verifier().verifyConsistency(skipping, accumulator(1)).to());
    }

    @Test
    void consistencyFromAnotherStateIsRejected() {
        byte[] receipt =
                log.consistencyReceipt(checkpoints.get(1), checkpoints.get(2)).toByteArray();
        assertEquals(
                ErrorCode.MMR_PROOF_MALFORMED,
                fails(() -> verifier().verifyConsistency(receipt, accumulator(0)))
                        .code());
        // Both forged peaks climb to one peak of the later size, and their paths disagree.
        Accumulator forged = new Accumulator(
                accumulator(1).size(),
                List.of(issued.get(12).marker().hash(), issued.get(11).marker().hash()));
        assertEquals(
                ErrorCode.MMR_PROOF_INVALID,
                fails(() -> verifier().verifyConsistency(receipt, forged)).code());
        // From the empty log there are no paths; the right peaks are the whole later accumulator.
        byte[] fromEmpty =
                log.consistencyReceipt(checkpoints.get(0), checkpoints.get(1)).toByteArray();
        assertEquals(
                accumulator(1),
                verifier().verifyConsistency(fromEmpty, accumulator(0)).to());
        // From 8 leaves (one peak, kept as it is) to 13: a forged peak yields an accumulator the log never signed.
        byte[] eightToThirteen =
                log.consistencyReceipt(checkpoints.get(2), checkpoints.get(3)).toByteArray();
        Accumulator forgedPeak = new Accumulator(
                accumulator(2).size(), List.of(issued.get(0).marker().hash()));
        assertEquals(
                ErrorCode.COSE_BAD_SIGNATURE,
                fails(() -> verifier().verifyConsistency(eightToThirteen, forgedPeak))
                        .code());
    }

    @Test
    void wrongLogKeyOrKindIsRejected() {
        byte[] receipt = log.inclusionReceipt(issued.get(1), checkpoints.get(3)).toByteArray();
        Digest leaf = issued.get(1).marker().hash();
        CoseReceiptVerifier otherLog = CoseReceiptVerifier.builder()
                .trustedKeys(KeySet.of(key.verificationKey()))
                .expectLogId(new LogId("other.example/audit"))
                .build();
        assertEquals(
                ErrorCode.RECEIPT_LOG_MISMATCH,
                fails(() -> otherLog.verifyInclusion(receipt, leaf)).code());
        CoseReceiptVerifier strangers = CoseReceiptVerifier.builder()
                .trustedKeys(KeySet.of(
                        SigningKey.generate(KeyType.ED25519, new SecureRandom()).verificationKey()))
                .expectLogId(ReceiptLogTest.LOG)
                .build();
        assertEquals(
                ErrorCode.SIGNATURE_KEY_UNTRUSTED,
                fails(() -> strangers.verifyInclusion(receipt, leaf)).code());
        byte[] checkpoint = checkpoints.get(3).signed().toByteArray();
        assertEquals(
                ErrorCode.RECEIPT_MALFORMED,
                fails(() -> verifier().verifyInclusion(checkpoint, leaf)).code());
        byte[] consistency =
                log.consistencyReceipt(checkpoints.get(1), checkpoints.get(2)).toByteArray();
        assertEquals(
                ErrorCode.RECEIPT_MALFORMED,
                fails(() -> verifier().verifyInclusion(consistency, leaf)).code());
        assertEquals(
                ErrorCode.RECEIPT_MALFORMED,
                fails(() -> verifier().verifyConsistency(receipt, accumulator(3)))
                        .code());
    }

    @Test
    void everyBitFlipOfAReceiptIsRejected() {
        Digest leaf = issued.get(4).marker().hash();
        byte[] inclusion =
                log.inclusionReceipt(issued.get(4), checkpoints.get(3)).toByteArray();
        byte[] consistency =
                log.consistencyReceipt(checkpoints.get(1), checkpoints.get(3)).toByteArray();
        CoseReceiptVerifier verifier = verifier();
        for (int bit = 0; bit < inclusion.length * 8; bit++) {
            byte[] copy = flipped(inclusion, bit);
            assertThrows(CairnException.class, () -> verifier.verifyInclusion(copy, leaf), "inclusion bit " + bit);
            assertThrows(
                    CairnException.class,
                    () -> verifier.verifyInclusion(copy, leaf, accumulator(3)),
                    "anchored inclusion bit " + bit);
        }
        for (int bit = 0; bit < consistency.length * 8; bit++) {
            byte[] copy = flipped(consistency, bit);
            assertThrows(
                    CairnException.class,
                    () -> verifier.verifyConsistency(copy, accumulator(1)),
                    "consistency bit " + bit);
        }
    }

    private static byte[] flipped(byte[] bytes, int bit) {
        byte[] copy = bytes.clone();
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }

    private static CairnException fails(Runnable action) {
        return assertThrows(CairnException.class, action::run);
    }
}
