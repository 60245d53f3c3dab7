package dev.cairn.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cairn.bytes.Bytes;
import dev.cairn.checkpoint.VerifiedCheckpoint;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.mmr.ConsistencyProof;
import dev.cairn.receipt.SignedCheckpoint;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointChainVerifierTest {
    @TempDir
    Path dir;

    private LogFixture log;
    private final List<SignedCheckpoint> checkpoints = new ArrayList<>();
    private CheckpointChainVerifier verifier;

    @BeforeEach
    void log() {
        log = new LogFixture(dir);
        for (int statements : new int[] {1, 0, 6, 1}) {
            log.issue(statements);
            checkpoints.add(log.checkpoint());
        }
        verifier = CheckpointChainVerifier.builder(TrustAnchors.builder()
                        .logKey(log.key.verificationKey())
                        .clock(Clock.fixed(log.clock.instant(), ZoneOffset.UTC))
                        .build())
                .expectLogId(LogFixture.LOG)
                .build();
    }

    @AfterEach
    void close() {
        log.close();
    }

    private CheckpointLink link(int i, boolean proof) {
        Optional<ConsistencyProof> fromPrevious =
                proof ? Optional.of(log.consistency(checkpoints.get(i - 1), checkpoints.get(i))) : Optional.empty();
        return new CheckpointLink(checkpoints.get(i).signed(), fromPrevious);
    }

    @Test
    void aChainOfGrowingAndIdleCheckpointsVerifies() {
        List<VerifiedCheckpoint> seen = new ArrayList<>();
        VerifiedCheckpointChain chain =
                verifier.verifyChain(List.of(link(0, false), link(1, false), link(2, true), link(3, true)), seen::add);
        assertEquals(4, chain.checkpoints().size());
        assertEquals(seen, chain.checkpoints());
        assertEquals(checkpoints.get(3).checkpoint(), chain.last().checkpoint());
        assertEquals(checkpoints.get(0).checkpoint(), chain.first().checkpoint());
    }

    @Test
    void aFailureNamesTheCheckpointThatFailed() {
        CairnException e = assertThrows(
                CairnException.class,
                () -> verifier.verifyChain(List.of(link(0, false), link(1, false), link(2, false))));
        assertEquals(ErrorCode.MMR_PROOF_MALFORMED, e.code());
        assertEquals("2", e.details().get("checkpoint"));
        byte[] signed = checkpoints.get(1).signed().toByteArray();
        signed[signed.length - 1] ^= 1;
        CairnException bad = assertThrows(
                CairnException.class,
                () -> verifier.verifyChain(
                        List.of(link(0, false), new CheckpointLink(Bytes.copyOf(signed), Optional.empty()))));
        assertEquals(ErrorCode.COSE_BAD_SIGNATURE, bad.code());
        assertEquals("1", bad.details().get("checkpoint"));
    }

    @Test
    void aChainStartsWithOneCheckpointWithoutAProof() {
        assertThrows(IllegalArgumentException.class, () -> verifier.verifyChain(List.of()));
        assertThrows(IllegalArgumentException.class, () -> verifier.verifyChain(List.of(link(2, true))));
    }

    @Test
    void stepsCanBeVerifiedOneByOne() {
        VerifiedCheckpoint first = verifier.verify(checkpoints.get(2).signed().toByteArray());
        VerifiedCheckpoint next = verifier.verifyNext(
                first,
                checkpoints.get(3).signed().toByteArray(),
                Optional.of(log.consistency(checkpoints.get(2), checkpoints.get(3))));
        assertEquals(checkpoints.get(3).checkpoint(), next.checkpoint());
        CairnException backwards =
                assertThrows(CairnException.class, () -> verifier.verifyConsistent(next, first, Optional.empty()));
        assertEquals(ErrorCode.RECEIPT_TIME_INVALID, backwards.code());
    }
}
