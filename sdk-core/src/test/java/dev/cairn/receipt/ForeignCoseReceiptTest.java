package dev.cairn.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.bytes.Bytes;
import dev.cairn.bytes.Digest;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborArray;
import dev.cairn.cbor.CborBytes;
import dev.cairn.cbor.CborInt;
import dev.cairn.cbor.CborMap;
import dev.cairn.cbor.CborText;
import dev.cairn.cbor.CborValue;
import dev.cairn.checkpoint.LogId;
import dev.cairn.cose.CoseAlgorithm;
import dev.cairn.cose.CoseHeaders;
import dev.cairn.cose.CoseSign1;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.keys.KeySet;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.marker.SegmentMarkerStream;
import dev.cairn.mmr.Accumulator;
import dev.cairn.mmr.ConsistencyProof;
import dev.cairn.mmr.InclusionProof;
import dev.cairn.mmr.MemoryNodeStore;
import dev.cairn.mmr.Mmr;
import dev.cairn.mmr.MmrMath;
import dev.cairn.mmr.MmrVerifier;
import dev.cairn.mmr.file.FileNodeStore;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Receipts made the way another implementation of the MMR profile makes them, without Cairn's
 * issuer: a plain MMR of arbitrary leaves, a protected header of alg, a foreign kid (or none) and
 * vds only, the proof in vdp, and the signature over the Sig_structure of the detached payload.
 */
class ForeignCoseReceiptTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SigningKey key = SigningKey.generate(KeyType.ED25519, RANDOM);
    private final Mmr mmr = Mmr.open(new MemoryNodeStore());
    private final List<Digest> leaves = new ArrayList<>();
    private final Bytes foreignKid = Bytes.copyOf(random(16));
    private long size4;
    private long size7;

    @BeforeEach
    void grow() {
        for (int i = 0; i < 7; i++) {
            Digest leaf = Digest.of(random(32));
            leaves.add(leaf);
            mmr.append(leaf);
            if (i == 3) {
                size4 = mmr.size();
            }
        }
        size7 = mmr.size();
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** A COSE_Sign1 as another implementation signs it: no Cairn log id, its own kid or none. */
    static byte[] foreign(SigningKey signer, Bytes kid, CborMap protectedExtra, CborMap vdp, byte[] payload) {
        CborMap.Builder prot = CborMap.builder()
                .put(
                        CoseHeaders.ALG,
                        CborInt.of(CoseAlgorithm.forKeyType(signer.type()).id()))
                .put(CoseReceiptLabels.VDS, CborInt.of(CoseReceiptLabels.MMR_SHA256));
        if (kid != null) {
            prot.put(CoseHeaders.KID, new CborBytes(kid));
        }
        protectedExtra.entries().forEach(e -> prot.put(e.key(), e.value()));
        Bytes protectedHeader = Bytes.copyOf(Cbor.encode(prot.build()));
        byte[] toBeSigned = Cbor.encode(CborArray.of(
                CborText.of("Signature1"),
                new CborBytes(protectedHeader),
                new CborBytes(Bytes.empty()),
                CborBytes.of(payload)));
        CborMap unprotected = CborMap.builder().put(CoseReceiptLabels.VDP, vdp).build();
        return new CoseSign1(protectedHeader, unprotected, Optional.empty(), Bytes.copyOf(signer.sign(toBeSigned)))
                .encode();
    }

    private static CborMap vdp(long kind, byte[]... proofs) {
        List<CborValue> items = new ArrayList<>();
        for (byte[] proof : proofs) {
            items.add(CborBytes.of(proof));
        }
        return CborMap.builder().put(kind, new CborArray(items)).build();
    }

    private long index(int leaf) {
        return MmrMath.leafIndex(leaf);
    }

    private byte[] inclusion(SigningKey signer, Bytes kid, int leaf, CborMap extra) {
        InclusionProof proof = mmr.inclusionProof(index(leaf), size7);
        Digest peak = MmrVerifier.includedRoot(proof, leaves.get(leaf));
        return foreign(signer, kid, extra, vdp(CoseReceiptLabels.INCLUSION_PROOFS, proof.encode()), peak.toByteArray());
    }

    private byte[] inclusion(Bytes kid, int leaf) {
        return inclusion(key, kid, leaf, CborMap.empty());
    }

    private byte[] consistency(Bytes kid, long declaredSize2) {
        ConsistencyProof proof = mmr.consistencyProof(size4, size7);
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        mmr.accumulator(size7).peaks().forEach(p -> payload.writeBytes(p.toByteArray()));
        CborMap extra = CborMap.builder()
                .put(CoseReceiptLabels.TREE_SIZE_2, CborInt.of(declaredSize2))
                .build();
        return foreign(
                key, kid, extra, vdp(CoseReceiptLabels.CONSISTENCY_PROOFS, proof.encode()), payload.toByteArray());
    }

    private CoseReceiptVerifier cairnDefault() {
        return CoseReceiptVerifier.builder()
                .trustedKeys(KeySet.of(key.verificationKey()))
                .expectLogId(ReceiptLogTest.LOG)
                .build();
    }

    private CoseReceiptVerifier foreignVerifier(SigningKey signer) {
        return CoseReceiptVerifier.builder()
                .key(signer.verificationKey())
                .ignoreKid()
                .ignoreLogId()
                .build();
    }

    private CoseReceiptVerifier foreignVerifier() {
        return foreignVerifier(key);
    }

    @Test
    void theDefaultVerifierRefusesAForeignReceipt() {
        byte[] receipt = inclusion(foreignKid, 4);
        Digest leaf = leaves.get(4);
        assertEquals(ErrorCode.RECEIPT_MALFORMED, fails(() -> cairnDefault().verifyInclusion(receipt, leaf)));
        CoseReceiptVerifier byKid = CoseReceiptVerifier.builder()
                .trustedKeys(KeySet.of(key.verificationKey()))
                .ignoreLogId()
                .build();
        assertEquals(ErrorCode.SIGNATURE_KEY_UNTRUSTED, fails(() -> byKid.verifyInclusion(receipt, leaf)));
        CoseReceiptVerifier oneKeyWithKid = CoseReceiptVerifier.builder()
                .key(key.verificationKey())
                .ignoreLogId()
                .build();
        assertEquals(ErrorCode.COSE_KID_MISMATCH, fails(() -> oneKeyWithKid.verifyInclusion(receipt, leaf)));
    }

    @Test
    void theForeignOptionsAcceptAForeignReceiptOfInclusionWithAKidOrNone() {
        Accumulator accumulator = mmr.accumulator(size7);
        for (Bytes kid : Arrays.asList(foreignKid, null)) {
            for (int leaf = 0; leaf < leaves.size(); leaf++) {
                byte[] receipt = inclusion(kid, leaf);
                VerifiedInclusionReceipt plain = foreignVerifier().verifyInclusion(receipt, leaves.get(leaf));
                VerifiedInclusionReceipt anchored =
                        foreignVerifier().verifyInclusion(receipt, leaves.get(leaf), accumulator);
                assertEquals(index(leaf), plain.index());
                assertEquals(plain.peak(), anchored.peak());
                assertTrue(plain.logIdIfPresent().isEmpty());
                assertEquals(key.verificationKey(), plain.signer());
                assertThrows(IllegalStateException.class, plain::logId);
            }
        }
    }

    @Test
    void theForeignOptionsAcceptAForeignReceiptOfConsistency() {
        byte[] receipt = consistency(foreignKid, size7);
        VerifiedConsistencyReceipt verified = foreignVerifier().verifyConsistency(receipt, mmr.accumulator(size4));
        assertEquals(mmr.accumulator(size7), verified.to());
        assertTrue(verified.logIdIfPresent().isEmpty());
        assertEquals(
                ErrorCode.RECEIPT_MALFORMED,
                fails(() -> cairnDefault().verifyConsistency(receipt, mmr.accumulator(size4))));
        byte[] noKid = consistency(null, size7);
        assertEquals(
                mmr.accumulator(size7),
                foreignVerifier()
                        .verifyConsistency(noKid, mmr.accumulator(size4))
                        .to());
    }

    @Test
    void aTamperedForeignReceiptIsRefusedWithItsCode() {
        byte[] receipt = inclusion(foreignKid, 4);
        assertEquals(
                ErrorCode.COSE_BAD_SIGNATURE, fails(() -> foreignVerifier().verifyInclusion(receipt, leaves.get(5))));
        assertEquals(
                ErrorCode.MMR_PROOF_INVALID,
                fails(() -> foreignVerifier().verifyInclusion(receipt, leaves.get(5), mmr.accumulator(size7))));
        byte[] flipped = receipt.clone();
        flipped[flipped.length - 1] ^= 0x01;
        assertEquals(
                ErrorCode.COSE_BAD_SIGNATURE, fails(() -> foreignVerifier().verifyInclusion(flipped, leaves.get(4))));
        assertEquals(
                ErrorCode.RECEIPT_MALFORMED,
                fails(() -> foreignVerifier()
                        .verifyConsistency(consistency(foreignKid, size7 + 1), mmr.accumulator(size4))));
        assertEquals(
                ErrorCode.MMR_PROOF_MALFORMED,
                fails(() ->
                        foreignVerifier().verifyConsistency(consistency(foreignKid, size7), mmr.accumulator(size7))));
        CborMap nonTextLogId =
                CborMap.builder().put(CoseReceiptLabels.LOG_ID, CborInt.of(7)).build();
        byte[] badLogId = inclusion(key, foreignKid, 4, nonTextLogId);
        assertEquals(
                ErrorCode.RECEIPT_MALFORMED, fails(() -> foreignVerifier().verifyInclusion(badLogId, leaves.get(4))));
    }

    @Test
    void aForeignReceiptUnderAnotherKeyIsRefused() {
        byte[] receipt = inclusion(foreignKid, 2);
        SigningKey other = SigningKey.generate(KeyType.ED25519, RANDOM);
        assertEquals(
                ErrorCode.COSE_BAD_SIGNATURE,
                fails(() -> foreignVerifier(other).verifyInclusion(receipt, leaves.get(2))));
        SigningKey p256 = SigningKey.generate(KeyType.P256, RANDOM);
        assertEquals(
                ErrorCode.COSE_ALG_KEY_MISMATCH,
                fails(() -> foreignVerifier(p256).verifyInclusion(receipt, leaves.get(2))));
        byte[] signedByP256 = inclusion(p256, foreignKid, 2, CborMap.empty());
        assertEquals(
                index(2),
                foreignVerifier(p256)
                        .verifyInclusion(signedByP256, leaves.get(2))
                        .index());
        assertEquals(
                ErrorCode.COSE_ALG_NOT_ALLOWED,
                fails(() -> CoseReceiptVerifier.builder()
                        .key(p256.verificationKey())
                        .ignoreKid()
                        .ignoreLogId()
                        .allowAlgorithms(CoseAlgorithm.EDDSA)
                        .build()
                        .verifyInclusion(signedByP256, leaves.get(2))));
    }

    @Test
    void aLogIdTheForeignReceiptCarriesIsReportedUnchecked() {
        CborMap named = CborMap.builder()
                .put(CoseReceiptLabels.LOG_ID, CborText.of("elsewhere.example/log"))
                .build();
        byte[] receipt = inclusion(key, foreignKid, 3, named);
        VerifiedInclusionReceipt verified = foreignVerifier().verifyInclusion(receipt, leaves.get(3));
        assertEquals(
                new LogId("elsewhere.example/log"), verified.logIdIfPresent().orElseThrow());
        assertEquals(new LogId("elsewhere.example/log"), verified.logId());
        CborMap invalid = CborMap.builder()
                .put(CoseReceiptLabels.LOG_ID, CborText.of("no spaces allowed"))
                .build();
        byte[] invalidId = inclusion(key, foreignKid, 3, invalid);
        assertEquals(
                ErrorCode.RECEIPT_MALFORMED, fails(() -> foreignVerifier().verifyInclusion(invalidId, leaves.get(3))));
    }

    @Test
    void theBuilderWantsOneKeySourceAndOneLogIdRule() {
        assertThrows(
                IllegalStateException.class,
                () -> CoseReceiptVerifier.builder().key(key.verificationKey()).build());
        assertThrows(
                IllegalStateException.class,
                () -> CoseReceiptVerifier.builder()
                        .key(key.verificationKey())
                        .expectLogId(ReceiptLogTest.LOG)
                        .ignoreLogId()
                        .build());
        assertThrows(
                IllegalStateException.class,
                () -> CoseReceiptVerifier.builder().ignoreLogId().build());
        assertThrows(
                IllegalStateException.class,
                () -> CoseReceiptVerifier.builder()
                        .key(key.verificationKey())
                        .trustedKeys(KeySet.of(key.verificationKey()))
                        .ignoreLogId()
                        .build());
        assertThrows(
                IllegalStateException.class,
                () -> CoseReceiptVerifier.builder()
                        .trustedKeys(KeySet.of(key.verificationKey()))
                        .ignoreKid()
                        .ignoreLogId()
                        .build());
    }

    // --- Cairn's own receipts, both ways ---

    @TempDir
    Path dir;

    private ReceiptLog log;

    @AfterEach
    void close() {
        if (log != null) {
            log.close();
        }
    }

    @Test
    void cairnsOwnReceiptsVerifyBothWays() {
        log = ReceiptLog.open(
                ReceiptLogTest.LOG,
                SegmentMarkerStream.open(dir.resolve("markers"), ReceiptLogTest.CLOCK),
                FileNodeStore.open(dir.resolve("mmr.nodes")),
                key,
                ReceiptLogTest.CLOCK);
        List<IssuedStatement> issued = new ArrayList<>();
        SignedCheckpoint early = null;
        for (int i = 0; i < 6; i++) {
            issued.add(log.issue(ReceiptLogTest.action(i)));
            if (i == 2) {
                early = log.checkpoint(7);
            }
        }
        SignedCheckpoint late = log.checkpoint(7);
        byte[] inclusion = log.inclusionReceipt(issued.get(4), late).toByteArray();
        Digest leaf = issued.get(4).marker().hash();
        CoseReceiptVerifier oneKeyWithKid = CoseReceiptVerifier.builder()
                .key(key.verificationKey())
                .expectLogId(ReceiptLogTest.LOG)
                .build();
        for (CoseReceiptVerifier verifier : List.of(cairnDefault(), foreignVerifier(), oneKeyWithKid)) {
            VerifiedInclusionReceipt verified = verifier.verifyInclusion(inclusion, leaf);
            assertEquals(ReceiptLogTest.LOG, verified.logId());
            assertEquals(ReceiptLogTest.LOG, verified.logIdIfPresent().orElseThrow());
            assertEquals(MmrMath.leafIndex(4), verified.index());
        }
        byte[] consistency = log.consistencyReceipt(early, late).toByteArray();
        Accumulator from = early.checkpoint().accumulator();
        for (CoseReceiptVerifier verifier : List.of(cairnDefault(), foreignVerifier())) {
            VerifiedConsistencyReceipt verified = verifier.verifyConsistency(consistency, from);
            assertEquals(late.checkpoint().accumulator(), verified.to());
            assertEquals(ReceiptLogTest.LOG, verified.logIdIfPresent().orElseThrow());
        }
    }

    private static ErrorCode fails(Runnable action) {
        return assertThrows(CairnException.class, action::run).code();
    }
}
