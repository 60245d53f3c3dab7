package dev.cairn.server.store.audit;

import dev.cairn.bytes.Bytes;
import dev.cairn.checkpoint.Checkpoint;
import dev.cairn.checkpoint.CheckpointSigner;
import dev.cairn.checkpoint.LogId;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.mmr.Accumulator;
import dev.cairn.receipt.SignedCheckpoint;
import dev.cairn.server.store.Database;
import dev.cairn.server.store.marker.LogHead;
import dev.cairn.server.store.marker.MarkerTable;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Signs and stores checkpoints of the committed, integrated log ({@code spec/server-storage.md},
 * "Checkpoints"). Each runs in a transaction that holds the head lock, so a checkpoint is never ahead
 * of the committed log, checkpoint numbers follow publication order, and size and time never
 * decrease from one to the next, also across replicas. Thread-safe.
 */
final class CheckpointPublisher {
    private final Database db;
    private final LogId logId;
    private final CheckpointSigner signer;
    private final Clock clock;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    CheckpointPublisher(Database db, AuditLogConfig config) {
        this.db = db;
        this.logId = config.logId();
        this.signer = new CheckpointSigner(config.key());
        this.clock = config.clock();
    }

    /**
     * Publishes a checkpoint of the integrated size, unless the newest one already says the same.
     *
     * @param epoch the epoch to state, not negative
     * @param onlyIfGrown publish only if the size grew since the newest checkpoint (the schedule);
     *     otherwise also for a new epoch at the same size (on demand)
     * @return the checkpoint published or found, empty when the log is empty and none exists
     */
    Optional<SignedCheckpoint> publish(long epoch, boolean onlyIfGrown) {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch: got " + epoch + ", want >= 0");
        }
        boolean[] signedNew = new boolean[1];
        Optional<SignedCheckpoint> result = db.inTransaction(c -> {
            LogHead head = MarkerTable.lockHead(c);
            Optional<CheckpointTable.Row> last = CheckpointTable.latest(c);
            long size = head.mmrSize();
            long minTime = head.headTimeMillis();
            if (last.isPresent()) {
                CheckpointTable.Row l = last.get();
                if (l.mmrSize() > size) {
                    throw new InternalException(
                            ErrorCode.STORE_INCONSISTENT,
                            "checkpoint " + l.id() + " of MMR size " + l.mmrSize() + " is ahead of the log's " + size,
                            null);
                }
                Checkpoint lc = l.signed().checkpoint();
                if (l.mmrSize() == size && (onlyIfGrown || lc.epoch() == epoch)) {
                    return Optional.of(l.signed());
                }
                minTime = Math.max(minTime, lc.time().toEpochMilli());
            } else if (onlyIfGrown && size == 0) {
                return Optional.<SignedCheckpoint>empty();
            }
            Accumulator accumulator = StoredProofs.accumulator(c, size);
            Instant time = Instant.ofEpochMilli(Math.max(Math.max(clock.millis(), minTime), 0));
            Checkpoint checkpoint = new Checkpoint(logId, accumulator, epoch, time);
            SignedCheckpoint signed = new SignedCheckpoint(checkpoint, Bytes.copyOf(signer.sign(checkpoint)));
            CheckpointTable.insert(c, last.map(r -> r.id() + 1).orElse(0L), signed);
            signedNew[0] = true;
            return Optional.of(signed);
        });
        if (signedNew[0]) {
            published.incrementAndGet();
        }
        return result;
    }

    /** A scheduled publication: only when the log grew; failures are counted, never thrown. */
    void publishScheduled(long epoch) {
        try {
            publish(epoch, true);
        } catch (RuntimeException e) {
            failures.incrementAndGet();
        }
    }

    long published() {
        return published.get();
    }

    long failures() {
        return failures.get();
    }
}
