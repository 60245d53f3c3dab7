package dev.cairn.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.bytes.Bytes;
import dev.cairn.bytes.Digest;
import dev.cairn.checkpoint.LogId;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.hash.DomainHash;
import dev.cairn.hash.HashDomain;
import dev.cairn.keys.KeySet;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.marker.SegmentMarkerStream;
import dev.cairn.mmr.file.FileNodeStore;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiptLogTest {
    static final LogId LOG = new LogId("test.example/audit");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
    static final Digest POLICY = DomainHash.of(HashDomain.STATEMENT, new byte[] {1});

    private final SigningKey key = SigningKey.generate(KeyType.ED25519, new SecureRandom());

    static Action action(int i) {
        return new Action(
                "node.enroll",
                "cairn://test.example/operator/alice",
                "cairn://test.example/cluster/c1/node/n-" + i,
                7,
                POLICY,
                DomainHash.of(HashDomain.STATEMENT, new byte[] {(byte) i, 2}),
                Statement.OK);
    }

    private ReceiptVerifier verifier() {
        return ReceiptVerifier.builder()
                .trustedKeys(KeySet.of(key.verificationKey()))
                .expectLogId(LOG)
                .expectEpoch(7)
                .clock(CLOCK)
                .build();
    }

    private static ReceiptLog open(Path dir, SigningKey key) {
        SegmentMarkerStream stream = SegmentMarkerStream.open(dir.resolve("markers"), CLOCK);
        return ReceiptLog.open(LOG, stream, FileNodeStore.open(dir.resolve("mmr.nodes")), key, CLOCK);
    }

    @Test
    void everyIssuedStatementHasAReceiptThatVerifies(@TempDir Path dir) {
        try (ReceiptLog log = open(dir, key)) {
            issueAndVerify(log);
        }
    }

    private void issueAndVerify(ReceiptLog log) {
        List<IssuedStatement> issued = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            issued.add(log.issue(action(i)));
        }
        SignedCheckpoint checkpoint = log.checkpoint(7);
        for (IssuedStatement statement : issued) {
            byte[] receipt = log.receipt(statement, checkpoint).encode();
            VerifiedReceipt verified = verifier().verify(receipt);
            assertEquals(statement.statement(), verified.statement());
            assertEquals(statement.marker(), verified.marker());
        }
    }

    @Test
    void aMarkerThatLandsOutsideIssueIsIntegratedBeforeTheNextStatement(@TempDir Path dir) {
        SegmentMarkerStream stream = SegmentMarkerStream.open(dir.resolve("markers"), CLOCK);
        try (ReceiptLog log = ReceiptLog.open(LOG, stream, FileNodeStore.open(dir.resolve("mmr.nodes")), key, CLOCK)) {
            log.issue(action(0));
            // As an append that timed out in issue() and became durable afterwards would.
            stream.append("node.enroll", POLICY);
            IssuedStatement next = log.issue(action(2));
            assertEquals(2, next.marker().seq());
            SignedCheckpoint checkpoint = log.checkpoint(7);
            assertEquals(
                    next.marker(),
                    verifier().verify(log.receipt(next, checkpoint).encode()).marker());
        }
    }

    @Test
    void aReopenedLogRebuildsItsMmrFromTheStream(@TempDir Path dir) {
        ReceiptLog first = open(dir, key);
        IssuedStatement early = first.issue(action(0));
        first.issue(action(1));
        first.close();
        // Lose the MMR entirely: it is derived state.
        dir.resolve("mmr.nodes").toFile().delete();
        try (ReceiptLog reopened = open(dir, key)) {
            checkRebuilt(reopened, early);
        }
    }

    private void checkRebuilt(ReceiptLog reopened, IssuedStatement early) {
        IssuedStatement late = reopened.issue(action(2));
        assertEquals(2, late.marker().seq());
        SignedCheckpoint checkpoint = reopened.checkpoint(7);
        assertEquals(
                early.statement(),
                verifier().verify(reopened.receipt(early, checkpoint)).statement());
        assertEquals(
                late.statement(),
                verifier().verify(reopened.receipt(late, checkpoint)).statement());
    }

    @Test
    void tamperedReceiptsAreRejectedWithTheirCodes(@TempDir Path dir) {
        try (ReceiptLog log = open(dir, key)) {
            tamperAndCheck(log);
        }
    }

    private void tamperAndCheck(ReceiptLog log) {
        IssuedStatement a = log.issue(action(0));
        IssuedStatement b = log.issue(action(1));
        log.issue(action(2));
        SignedCheckpoint checkpoint = log.checkpoint(7);
        FullReceipt good = log.receipt(b, checkpoint);

        FullReceipt swappedProof = new FullReceipt(
                good.statement(), good.marker(), log.receipt(a, checkpoint).proof(), good.checkpoint());
        assertEquals(
                ErrorCode.RECEIPT_NOT_INCLUDED,
                fails(() -> verifier().verify(swappedProof)).code());

        byte[] statementBytes = good.statement().toByteArray();
        statementBytes[statementBytes.length - 1] ^= 1;
        assertEquals(
                ErrorCode.COSE_BAD_SIGNATURE,
                fails(() -> verifier()
                                .verify(new FullReceipt(
                                        Bytes.copyOf(statementBytes),
                                        markerFor(good, statementBytes),
                                        good.proof(),
                                        good.checkpoint())))
                        .code());

        ReceiptVerifier otherEpoch = ReceiptVerifier.builder()
                .trustedKeys(KeySet.of(key.verificationKey()))
                .expectLogId(LOG)
                .expectEpoch(8)
                .clock(CLOCK)
                .build();
        assertEquals(
                ErrorCode.RECEIPT_EPOCH_MISMATCH,
                fails(() -> otherEpoch.verify(good)).code());

        SigningKey stranger = SigningKey.generate(KeyType.ED25519, new SecureRandom());
        ReceiptVerifier strangers = ReceiptVerifier.builder()
                .trustedKeys(KeySet.of(stranger.verificationKey()))
                .expectLogId(LOG)
                .ignoreEpoch()
                .clock(CLOCK)
                .build();
        assertEquals(
                ErrorCode.SIGNATURE_KEY_UNTRUSTED,
                fails(() -> strangers.verify(good)).code());

        byte[] encoded = good.encode();
        encoded[encoded.length - 1] ^= 1;
        assertEquals(
                ErrorCode.COSE_BAD_SIGNATURE,
                fails(() -> verifier().verify(encoded)).code());
    }

    @Test
    void everySingleBitFlipOfAReceiptIsRejected(@TempDir Path dir) {
        try (ReceiptLog log = open(dir, key)) {
            flipEveryBit(log);
        }
    }

    private void flipEveryBit(ReceiptLog log) {
        log.issue(action(0));
        IssuedStatement b = log.issue(action(1));
        SignedCheckpoint checkpoint = log.checkpoint(7);
        byte[] encoded = log.receipt(b, checkpoint).encode();
        ReceiptVerifier verifier = verifier();
        for (int bit = 0; bit < encoded.length * 8; bit++) {
            byte[] copy = encoded.clone();
            copy[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThrows(CairnException.class, () -> verifier.verify(copy), "bit " + bit);
        }
    }

    private static dev.cairn.marker.Marker markerFor(FullReceipt good, byte[] statementBytes) {
        var m = good.marker();
        return dev.cairn.marker.Marker.of(
                m.seq(),
                m.timeMillis(),
                m.kind(),
                FullReceipt.statementDigest(Bytes.copyOf(statementBytes)),
                m.prevHash());
    }

    private static CairnException fails(Runnable action) {
        return assertThrows(CairnException.class, action::run);
    }
}
