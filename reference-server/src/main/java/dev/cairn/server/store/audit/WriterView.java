package dev.cairn.server.store.audit;

import dev.cairn.bytes.Digest;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.marker.Marker;
import dev.cairn.mmr.Mmr;
import dev.cairn.mmr.MmrMath;
import dev.cairn.server.store.marker.LogHead;
import dev.cairn.server.store.marker.MarkerTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The writer's in-memory view of the log: the committed head it last saw and the MMR's peaks, over a
 * {@link PendingNodeStore}. Each batch starts by {@link #prepare}: under the head lock, if the head
 * is not the one the view knows (another replica or writer moved it, or a batch failed) the view is
 * reloaded from the tables, and markers the MMR lacks are integrated from {@code audit_markers},
 * checking their chain. The view never holds more than the peaks and the batch's pending nodes. Used
 * by one thread at a time.
 */
final class WriterView {
    private static final int PAGE = 4096;

    private final PendingNodeStore nodes = new PendingNodeStore();
    private Mmr mmr;
    private LogHead known;
    private boolean valid;
    private volatile long reloads;

    /**
     * Brings the view up to the locked head and integrates at most {@code maxLag} markers the MMR
     * lacks, as pending nodes.
     *
     * @param c the transaction that holds the head lock
     * @param locked the head it read
     * @param maxLag the most markers to integrate in this transaction
     * @return the locked head with the MMR size after integration (including pending nodes)
     */
    LogHead prepare(Connection c, LogHead locked, long maxLag) throws SQLException {
        nodes.use(c);
        if (!valid || !locked.equals(known)) {
            reload(c, locked);
        }
        integrate(c, locked, maxLag);
        return locked.withMmrSize(mmr.size());
    }

    private void reload(Connection c, LogHead locked) throws SQLException {
        reloads++;
        valid = false;
        long size = locked.mmrSize();
        nodes.reset(size, NodeTable.load(c, MmrMath.peaks(size)));
        mmr = Mmr.open(nodes);
        long leaves = mmr.leafCount();
        if (leaves > 0) {
            Digest leaf = mmr.node(MmrMath.leafIndex(leaves - 1));
            Digest marker = leaves == locked.markerCount()
                    ? locked.headHash()
                    : requireMarker(c, leaves - 1).hash();
            if (!leaf.equals(marker)) {
                throw inconsistent("MMR leaf " + (leaves - 1) + " is " + leaf + ", the marker hash " + marker);
            }
        } else if (locked.markerCount() == 0 && !locked.headHash().equals(Marker.GENESIS_PREV_HASH)) {
            throw inconsistent("an empty log with head hash " + locked.headHash());
        }
        known = locked;
        valid = true;
    }

    private void integrate(Connection c, LogHead locked, long maxLag) throws SQLException {
        long from = mmr.leafCount();
        long to = locked.markerCount() - from <= maxLag ? locked.markerCount() : from + maxLag;
        if (from >= to) {
            return;
        }
        Digest prev = from == 0 ? Marker.GENESIS_PREV_HASH : mmr.node(MmrMath.leafIndex(from - 1));
        for (long page = from; page < to; page += PAGE) {
            long end = Math.min(to, page + PAGE);
            List<Marker> markers = MarkerTable.range(c, page, end);
            if (markers.size() != end - page) {
                throw inconsistent("markers [" + page + ", " + end + ") below the head " + locked.markerCount()
                        + ": found " + markers.size());
            }
            for (Marker m : markers) {
                if (!m.prevHash().equals(prev)) {
                    throw inconsistent("marker " + m.seq() + " prev_hash is " + m.prevHash() + ", want " + prev);
                }
                mmr.append(m.hash());
                prev = m.hash();
            }
        }
        if (to == locked.markerCount() && !prev.equals(locked.headHash())) {
            throw inconsistent("head hash is " + locked.headHash() + ", marker " + (to - 1) + " hash " + prev);
        }
    }

    /** Integrates a marker of the batch: its leaf and the interior nodes it completes become pending. */
    void append(Marker marker) {
        if (mmr.leafCount() != marker.seq()) {
            throw new InternalException(
                    ErrorCode.INTERNAL_BUG,
                    "marker " + marker.seq() + " integrated into an MMR of " + mmr.leafCount() + " leaves",
                    null);
        }
        mmr.append(marker.hash());
    }

    /** The MMR size including pending nodes. */
    long mmrSize() {
        return mmr.size();
    }

    /** The index of the first pending node. */
    long pendingFrom() {
        return nodes.committedSize();
    }

    /** The pending nodes, from {@link #pendingFrom()} on. */
    List<Digest> pending() {
        return nodes.pending();
    }

    /** The batch's transaction committed with this head. */
    void committed(LogHead head) {
        nodes.commit();
        known = head;
    }

    /** The batch's transaction failed: the next {@link #prepare} reloads. */
    void invalidate() {
        nodes.discard();
        valid = false;
    }

    /** How often the view was reloaded. */
    long reloads() {
        return reloads;
    }

    private static Marker requireMarker(Connection c, long seq) throws SQLException {
        return MarkerTable.get(c, seq).orElseThrow(() -> inconsistent("marker " + seq + " is missing"));
    }

    private static InternalException inconsistent(String message) {
        return new InternalException(ErrorCode.STORE_INCONSISTENT, message, null);
    }
}
