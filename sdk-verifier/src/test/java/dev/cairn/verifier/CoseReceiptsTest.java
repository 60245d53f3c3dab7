package dev.cairn.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.bytes.Bytes;
import dev.cairn.bytes.Digest;
import dev.cairn.checkpoint.VerifiedCheckpoint;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.mmr.InclusionProof;
import dev.cairn.mmr.MmrMath;
import dev.cairn.receipt.SignedCheckpoint;
import dev.cairn.receipt.VerifiedConsistencyReceipt;
import dev.cairn.receipt.VerifiedInclusionReceipt;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
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

    private CoseReceipts foreign(TrustAnchors trusted) {
        return CoseReceipts.builder(trusted).ignoreLogId().ignoreKid().build();
    }

    private byte[] foreignInclusion(Bytes kid, int statement) {
        InclusionProof proof = log.mirror()
                .inclusionProof(MmrMath.leafIndex(statement), late.checkpoint().size());
        return ForeignReceipts.inclusion(
                log.key, kid, proof, log.issued.get(statement).marker().hash());
    }

    /**
     * A receipt as another implementation of the MMR profile makes it: alg, its own kid (or none) and
     * vds protected, the proof in vdp, no Cairn log id. The default facade refuses it, as Cairn's
     * receipts are checked; ignoreLogId and ignoreKid accept it under the one log key.
     */
    @Test
    void foreignReceiptsAreRefusedByDefaultAndAcceptedWithTheForeignOptions() {
        Digest leaf = log.issued.get(4).marker().hash();
        byte[] foreign = foreignInclusion(ForeignReceipts.randomKid(), 4);
        assertEquals(ErrorCode.RECEIPT_MALFORMED, fails(() -> receipts().verifyInclusion(foreign, leaf)));
        CoseReceipts byKid = CoseReceipts.builder(anchors).ignoreLogId().build();
        assertEquals(ErrorCode.SIGNATURE_KEY_UNTRUSTED, fails(() -> byKid.verifyInclusion(foreign, leaf)));
        VerifiedInclusionReceipt verified = foreign(anchors).verifyInclusion(foreign, leaf, verified(late));
        assertEquals(MmrMath.leafIndex(4), verified.index());
        assertTrue(verified.logIdIfPresent().isEmpty());
        assertEquals(log.key.verificationKey(), verified.signer());
        byte[] noKid = foreignInclusion(null, 4);
        assertEquals(
                MmrMath.leafIndex(4),
                foreign(anchors).verifyInclusion(noKid, leaf).index());
        byte[] consistency = ForeignReceipts.consistency(
                log.key,
                ForeignReceipts.randomKid(),
                log.consistency(early, late),
                late.checkpoint().accumulator());
        assertEquals(
                ErrorCode.RECEIPT_MALFORMED, fails(() -> receipts().verifyConsistency(consistency, verified(early))));
        VerifiedConsistencyReceipt extended = foreign(anchors).verifyConsistency(consistency, verified(early));
        assertEquals(late.checkpoint().accumulator(), extended.to());
        assertTrue(extended.logIdIfPresent().isEmpty());
    }

    @Test
    void aTamperedForeignReceiptOrAnotherKeyIsRefused() {
        Digest leaf = log.issued.get(4).marker().hash();
        byte[] foreign = foreignInclusion(ForeignReceipts.randomKid(), 4);
        Digest other = log.issued.get(3).marker().hash();
        assertEquals(ErrorCode.COSE_BAD_SIGNATURE, fails(() -> foreign(anchors).verifyInclusion(foreign, other)));
        assertEquals(
                ErrorCode.MMR_PROOF_INVALID,
                fails(() -> foreign(anchors).verifyInclusion(foreign, other, verified(late))));
        byte[] flipped = foreign.clone();
        flipped[flipped.length - 1] ^= 0x01;
        assertEquals(ErrorCode.COSE_BAD_SIGNATURE, fails(() -> foreign(anchors).verifyInclusion(flipped, leaf)));
        TrustAnchors stranger = TrustAnchors.builder()
                .logKey(SigningKey.generate(KeyType.ED25519, new SecureRandom()).verificationKey())
                .build();
        assertEquals(ErrorCode.COSE_BAD_SIGNATURE, fails(() -> foreign(stranger).verifyInclusion(foreign, leaf)));
        byte[] consistency = ForeignReceipts.consistency(
                log.key, null, log.consistency(early, late), late.checkpoint().accumulator());
        assertEquals(
                ErrorCode.MMR_PROOF_MALFORMED,
                fails(() -> foreign(anchors).verifyConsistency(consistency, verified(late))));
    }

    @Test
    void cairnsOwnReceiptsVerifyBothWays() {
        Digest leaf = log.issued.get(5).marker().hash();
        byte[] inclusion = log.inclusionReceipt(5, late);
        byte[] consistency = log.consistencyReceipt(early, late);
        for (CoseReceipts verifier : List.of(receipts(), foreign(anchors))) {
            VerifiedInclusionReceipt verified = verifier.verifyInclusion(inclusion, leaf, verified(late));
            assertEquals(LogFixture.LOG, verified.logId());
            assertEquals(LogFixture.LOG, verified.logIdIfPresent().orElseThrow());
            assertEquals(
                    late.checkpoint().accumulator(),
                    verifier.verifyConsistency(consistency, verified(early)).to());
        }
    }

    @Test
    void theForeignOptionsWantOneLogKeyAndNoExpectedLogId() {
        TrustAnchors two = TrustAnchors.builder()
                .logKey(log.key.verificationKey())
                .logKey(SigningKey.generate(KeyType.ED25519, new SecureRandom()).verificationKey())
                .build();
        assertThrows(IllegalStateException.class, () -> foreign(two));
        assertThrows(
                IllegalStateException.class,
                () -> CoseReceipts.builder(anchors)
                        .expectLogId(LogFixture.LOG)
                        .ignoreLogId()
                        .build());
        assertThrows(
                NullPointerException.class, () -> CoseReceipts.builder(anchors).build());
    }

    private static ErrorCode fails(Runnable action) {
        return assertThrows(CairnException.class, action::run).code();
    }
}
