package dev.cairn.server.store.audit;

import dev.cairn.checkpoint.Checkpoint;
import dev.cairn.checkpoint.LogId;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.mmr.Accumulator;
import dev.cairn.mmr.MmrMath;
import dev.cairn.server.store.Database;
import dev.cairn.server.store.marker.LogHead;
import dev.cairn.server.store.marker.MarkerTable;
import java.util.Optional;

/**
 * What {@link AuditLog#open} does before it takes mutations ({@code spec/server-storage.md},
 * "Recovery"): claim the database for the log id; if the stored MMR nodes are not exactly the ones
 * the head's MMR size implies, delete them and rebuild the MMR from the marker stream (it is derived
 * state); integrate markers the MMR lacks, a bounded chunk per transaction; check that the newest
 * checkpoint is of this log, not ahead of it, and has the accumulator the MMR has at its size.
 */
final class Recovery {
    private final Database db;
    private final LogId logId;
    private final WriterView view;

    Recovery(Database db, LogId logId, WriterView view) {
        this.db = db;
        this.logId = logId;
        this.view = view;
    }

    AuditRecovery run(long chunk) {
        boolean rebuilt = db.inTransaction(c -> {
            LogHead head = MarkerTable.lockHead(c);
            HeadTable.claim(c, logId);
            if (NodeTable.count(c) == head.mmrSize()) {
                return false;
            }
            NodeTable.deleteFrom(c, 0);
            MarkerTable.updateHead(c, head.withMmrSize(0));
            return true;
        });
        long integrated = 0;
        LogHead head;
        do {
            long[] before = new long[1];
            try {
                head = db.inTransaction(c -> {
                    LogHead locked = MarkerTable.lockHead(c);
                    before[0] = MmrMath.leafCount(locked.mmrSize());
                    LogHead next = view.prepare(c, locked, chunk);
                    NodeTable.insert(c, view.pendingFrom(), view.pending());
                    if (!next.equals(locked)) {
                        MarkerTable.updateHead(c, next);
                    }
                    return next;
                });
            } catch (RuntimeException e) {
                view.invalidate();
                throw e;
            }
            view.committed(head);
            integrated += MmrMath.leafCount(head.mmrSize()) - before[0];
        } while (MmrMath.leafCount(head.mmrSize()) < head.markerCount());
        checkNewestCheckpoint();
        return new AuditRecovery(head.markerCount(), integrated, rebuilt);
    }

    private void checkNewestCheckpoint() {
        db.read(c -> {
            Optional<CheckpointTable.Row> latest = CheckpointTable.latest(c);
            if (latest.isEmpty()) {
                return null;
            }
            Checkpoint cp = latest.get().signed().checkpoint();
            long size = MarkerTable.readHead(c).mmrSize();
            if (!cp.logId().equals(logId)) {
                throw inconsistent("checkpoint " + latest.get().id() + " is of log " + cp.logId());
            }
            if (cp.size() > size) {
                throw inconsistent("checkpoint of MMR size " + cp.size() + " is ahead of the log's " + size);
            }
            Accumulator stored = StoredProofs.accumulator(c, cp.size());
            if (!stored.equals(cp.accumulator())) {
                throw inconsistent("checkpoint of MMR size " + cp.size() + " has other peaks than the MMR");
            }
            return null;
        });
    }

    private static InternalException inconsistent(String message) {
        return new InternalException(ErrorCode.STORE_INCONSISTENT, message, null);
    }
}
