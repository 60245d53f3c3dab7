package dev.cairn.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cairn.bytes.Digest;
import dev.cairn.cbor.Cbor;
import dev.cairn.cbor.CborArray;
import dev.cairn.cbor.CborInt;
import dev.cairn.cbor.CborMap;
import dev.cairn.cbor.CborText;
import dev.cairn.cose.CoseSigner;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.hash.DomainHash;
import dev.cairn.hash.HashDomain;
import dev.cairn.keys.KeySet;
import dev.cairn.keys.KeyType;
import dev.cairn.keys.SigningKey;
import dev.cairn.mmr.Accumulator;
import dev.cairn.mmr.MemoryNodeStore;
import dev.cairn.mmr.Mmr;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
    static final LogId LOG = new LogId("test.example/audit");
    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final SigningKey key = SigningKey.generate(KeyType.ED25519, new SecureRandom());
    private final SigningKey other = SigningKey.generate(KeyType.ED25519, new SecureRandom());

    static Accumulator accumulator(int leaves) {
        Mmr mmr = Mmr.open(new MemoryNodeStore());
        for (int i = 0; i < leaves; i++) {
            mmr.append(DomainHash.of(HashDomain.MARKER, new byte[] {(byte) i}));
        }
        return mmr.accumulator();
    }

    private CheckpointVerifier verifier() {
        return CheckpointVerifier.builder()
                .trustedKeys(KeySet.of(key.verificationKey()))
                .expectLogId(LOG)
                .clock(CLOCK)
                .maxClockSkew(Duration.ofSeconds(30))
                .build();
    }

    private static CairnException fails(Runnable action) {
        return assertThrows(CairnException.class, action::run);
    }

    @Test
    void payloadRoundTripsThroughCanonicalCbor() {
        for (int leaves : new int[] {0, 1, 2, 3, 7, 11}) {
            Checkpoint checkpoint = new Checkpoint(LOG, accumulator(leaves), 3, NOW);
            byte[] encoded = Cbor.encode(checkpoint.toCbor());
            assertEquals(checkpoint, Checkpoint.fromCbor((CborMap) Cbor.decode(encoded)));
        }
    }

    @Test
    void signedCheckpointVerifies() {
        Checkpoint checkpoint = new Checkpoint(LOG, accumulator(5), 2, NOW);
        VerifiedCheckpoint verified = verifier().verify(new CheckpointSigner(key).sign(checkpoint));
        assertEquals(checkpoint, verified.checkpoint());
        assertEquals(key.verificationKey(), verified.signer());
    }

    @Test
    void rejectionsCarryTheirCodes() {
        Checkpoint checkpoint = new Checkpoint(LOG, accumulator(5), 2, NOW);
        byte[] byStranger = new CheckpointSigner(other).sign(checkpoint);
        assertEquals(
                ErrorCode.SIGNATURE_KEY_UNTRUSTED,
                fails(() -> verifier().verify(byStranger)).code());

        byte[] otherLog =
                new CheckpointSigner(key).sign(new Checkpoint(new LogId("other/log"), accumulator(5), 2, NOW));
        assertEquals(
                ErrorCode.RECEIPT_LOG_MISMATCH,
                fails(() -> verifier().verify(otherLog)).code());

        byte[] future = new CheckpointSigner(key).sign(new Checkpoint(LOG, accumulator(5), 2, NOW.plusSeconds(31)));
        assertEquals(
                ErrorCode.RECEIPT_TIME_INVALID,
                fails(() -> verifier().verify(future)).code());

        byte[] untyped = CoseSigner.builder(key)
                .build()
                .sign(Cbor.encode(checkpoint.toCbor()))
                .encode();
        assertEquals(
                ErrorCode.COSE_CONTENT_TYPE_MISMATCH,
                fails(() -> verifier().verify(untyped)).code());

        byte[] flipped = new CheckpointSigner(key).sign(checkpoint);
        flipped[flipped.length - 1] ^= 1;
        assertEquals(
                ErrorCode.COSE_BAD_SIGNATURE,
                fails(() -> verifier().verify(flipped)).code());
    }

    @Test
    void malformedPayloadsAreRejected() {
        CborMap good = new Checkpoint(LOG, accumulator(3), 1, NOW).toCbor();
        CborMap extra = CborMap.builder()
                .put(1, CborText.of(LOG.value()))
                .put(2, good.require(CborInt.of(2)))
                .put(3, good.require(CborInt.of(3)))
                .put(4, CborInt.of(1))
                .put(5, CborInt.of(NOW.toEpochMilli()))
                .put(6, CborInt.of(0))
                .build();
        assertEquals(
                ErrorCode.CBOR_UNKNOWN_FIELD,
                fails(() -> Checkpoint.fromCbor(extra)).code());
        CborMap wrongPeaks = CborMap.builder()
                .put(1, CborText.of(LOG.value()))
                .put(2, CborInt.of(4))
                .put(3, CborArray.of())
                .put(4, CborInt.of(1))
                .put(5, CborInt.of(NOW.toEpochMilli()))
                .build();
        assertEquals(
                ErrorCode.MMR_SIZE_INVALID,
                fails(() -> Checkpoint.fromCbor(wrongPeaks)).code());
        CborMap negativeEpoch = CborMap.builder()
                .put(1, CborText.of(LOG.value()))
                .put(2, CborInt.of(0))
                .put(3, CborArray.of())
                .put(4, CborInt.of(-1))
                .put(5, CborInt.of(NOW.toEpochMilli()))
                .build();
        assertEquals(
                ErrorCode.RECEIPT_MALFORMED,
                fails(() -> Checkpoint.fromCbor(negativeEpoch)).code());
    }

    @Test
    void publicationIsAtomicAndMonotonic(@TempDir Path dir) throws Exception {
        CheckpointFile file = new CheckpointFile(dir);
        assertTrue(file.latest().isEmpty());
        CheckpointSigner signer = new CheckpointSigner(key);
        Checkpoint first = new Checkpoint(LOG, accumulator(3), 1, NOW);
        Checkpoint second = new Checkpoint(LOG, accumulator(9), 1, NOW.plusSeconds(1));
        byte[] firstSigned = signer.sign(first);
        byte[] secondSigned = signer.sign(second);
        file.publish(first, firstSigned);
        file.publish(second, secondSigned);
        assertArrayEquals(secondSigned, file.latest().orElseThrow());
        assertEquals(second, verifier().verify(file.latest().orElseThrow()).checkpoint());
        assertThrows(IllegalArgumentException.class, () -> file.publish(first, firstSigned));
        assertArrayEquals(secondSigned, file.latest().orElseThrow());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
        assertFalse(Files.exists(dir.resolve(CheckpointFile.NAME + ".tmp")));
    }

    @Test
    void checkpointsRejectImpossibleValues() {
        Accumulator acc = accumulator(2);
        assertThrows(IllegalArgumentException.class, () -> new Checkpoint(LOG, acc, -1, NOW));
        assertThrows(IllegalArgumentException.class, () -> new Checkpoint(LOG, acc, 0, NOW.plusNanos(1)));
        assertThrows(IllegalArgumentException.class, () -> new LogId("has space"));
        assertThrows(IllegalArgumentException.class, () -> new LogId(""));
        Digest anything = DomainHash.of(HashDomain.MARKER, new byte[0]);
        assertEquals(
                ErrorCode.MMR_SIZE_INVALID,
                fails(() -> new Accumulator(2, java.util.List.of(anything))).code());
    }
}
