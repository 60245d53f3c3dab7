package dev.cairn.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.bytes.Bytes;
import dev.cairn.bytes.Digest;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborArray;
import dev.cairn.cbor.CborBytes;
import dev.cairn.cbor.CborInt;
import dev.cairn.cbor.CborMap;
import dev.cairn.cbor.CborText;
import dev.cairn.checkpoint.VerifiedCheckpoint;
import dev.cairn.cose.CoseSign1;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.mmr.InclusionProof;
import dev.cairn.mmr.MmrMath;
import dev.cairn.mmr.MmrVerifier;
import dev.cairn.receipt.CoseReceiptLabels;
import dev.cairn.receipt.SignedCheckpoint;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoseReceiptsTest {
    @TempDir
    Path dir;

    private LogFixture log;
    private SignedCheckpoint early;
    private SignedCheckpoint late;
    private TrustAnchors anchors;

    @BeforeEach
    void log() {
        log = new LogFixture(dir);
        log.issue(3);
        early = log.checkpoint();
        log.issue(4);
        late = log.checkpoint();
        anchors = TrustAnchors.builder()
                .logKey(log.key.verificationKey())
                .clock(Clock.fixed(log.clock.instant(), ZoneOffset.UTC))
                .build();
    }

    @AfterEach
    void close() {
        log.close();
    }

    private CoseReceipts receipts() {
        return CoseReceipts.builder(anchors).expectLogId(LogFixture.LOG).build();
    }

    private VerifiedCheckpoint verified(SignedCheckpoint checkpoint) {
        return CheckpointChainVerifier.builder(anchors)
                .expectLogId(LogFixture.LOG)
                .build()
                .verify(checkpoint.signed().toByteArray());
    }

    @Test
    void receiptsVerifyAgainstVerifiedCheckpoints() {
        Digest leaf = log.issued.get(5).marker().hash();
        assertEquals(
                MmrMath.leafIndex(5),
                receipts()
                        .verifyInclusion(log.inclusionReceipt(5, late), leaf, verified(late))
                        .index());
        assertEquals(
                late.checkpoint().accumulator(),
                receipts()
                        .verifyConsistency(log.consistencyReceipt(early, late), verified(early))
                        .to());
        assertEquals(
                MmrMath.leafIndex(2),
                MmrProofs.verifyInclusion(
                                log.mirror()
                                        .inclusionProof(
                                                MmrMath.leafIndex(2),
                                                late.checkpoint().size()),
                                log.issued.get(2).marker().hash(),
                                verified(late))
                        .index());
        assertEquals(
                late.checkpoint().accumulator(),
                MmrProofs.verifyConsistency(log.consistency(early, late), verified(early), verified(late))
                        .to());
    }

    /**
     * A receipt as another implementation of the MMR profile makes it: alg, kid and vds protected, the
     * proof in vdp, no Cairn log id. sdk-core's CoseReceiptVerifier, the engine, requires Cairn's
     * private log-id label, so such a receipt is refused today; this pins that limitation.
     */
    @Test
    void foreignReceiptsWithoutCairnsLogIdAreRefusedBySdkCore() {
        long index = MmrMath.leafIndex(4);
        InclusionProof proof =
                log.mirror().inclusionProof(index, late.checkpoint().size());
        Digest leaf = log.issued.get(4).marker().hash();
        Digest peak = MmrVerifier.includedRoot(proof, leaf);
        byte[] protectedHeader = Cbor.encode(CborMap.builder()
                .put(1, CborInt.of(-8))
                .put(4, new CborBytes(log.key.verificationKey().kid()))
                .put(CoseReceiptLabels.VDS, CborInt.of(CoseReceiptLabels.MMR_SHA256))
                .build());
        byte[] toBeSigned = Cbor.encode(CborArray.of(
                CborText.of("Signature1"),
                new CborBytes(Bytes.copyOf(protectedHeader)),
                new CborBytes(Bytes.empty()),
                new CborBytes(peak.bytes())));
        CborMap unprotectedHeader = CborMap.builder()
                .put(
                        CoseReceiptLabels.VDP,
                        CborMap.builder()
                                .put(
                                        CoseReceiptLabels.INCLUSION_PROOFS,
                                        CborArray.of(new CborBytes(Bytes.copyOf(proof.encode()))))
                                .build())
                .build();
        byte[] foreign = new CoseSign1(
                        Bytes.copyOf(protectedHeader),
                        unprotectedHeader,
                        Optional.empty(),
                        Bytes.copyOf(log.key.sign(toBeSigned)))
                .encode();
        CairnException e = assertThrows(CairnException.class, () -> receipts().verifyInclusion(foreign, leaf));
        assertEquals(ErrorCode.RECEIPT_MALFORMED, e.code());
    }
}
