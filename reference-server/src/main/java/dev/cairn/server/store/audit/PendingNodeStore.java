package dev.cairn.server.store.audit;

import dev.cairn.bytes.Digest;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.InternalException;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.mmr.NodeStore;
import dev.cairn.server.store.SqlErrors;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The writer's node store: the committed nodes are in {@code audit_mmr_nodes}, the nodes appended
 * since are held here until the batch's transaction inserts them ({@link #pending()}) and commits
 * ({@link #commit()}) or fails ({@link #discard()}). {@link dev.cairn.mmr.Mmr} keeps its peaks in
 * memory and never reads while appending; it reads committed nodes only when opened (the peaks,
 * prefetched by {@link #reset}) and for checks, through the batch's connection.
 *
 * <p>Durability comes from the transaction, so {@link #sync()} only checks that nothing is pending.
 * Not thread-safe: the writer thread owns it.
 */
final class PendingNodeStore implements NodeStore {
    private final List<Digest> pending = new ArrayList<>();
    private Map<Long, Digest> known = Map.of();
    private long committed;
    private Connection connection;

    /** Starts over at a committed size, knowing some committed nodes (the peaks) already. */
    void reset(long committedSize, Map<Long, Digest> knownNodes) {
        this.committed = committedSize;
        this.known = Map.copyOf(knownNodes);
        pending.clear();
    }

    /** The connection committed nodes are read through; the batch's, while it runs. */
    void use(Connection c) {
        this.connection = c;
    }

    /** The index of the first pending node. */
    long committedSize() {
        return committed;
    }

    /** The nodes appended since the last commit, from {@link #committedSize()} on. */
    List<Digest> pending() {
        return List.copyOf(pending);
    }

    /** The batch committed: its nodes are in the table now. */
    void commit() {
        committed += pending.size();
        pending.clear();
        known = Map.of();
    }

    /** The batch failed: forget its nodes. The MMR over this store must be opened again. */
    void discard() {
        pending.clear();
    }

    @Override
    public long append(Digest node) {
        pending.add(Objects.requireNonNull(node, "node"));
        return committed + pending.size() - 1;
    }

    @Override
    public Digest get(long index) {
        if (index < 0 || index >= size()) {
            throw new MalformedInputException(
                    ErrorCode.MMR_SIZE_INVALID, "node " + index + " outside a store of " + size() + " nodes");
        }
        if (index >= committed) {
            return pending.get((int) (index - committed));
        }
        Digest node = known.get(index);
        if (node != null) {
            return node;
        }
        try {
            return NodeTable.require(connection, index);
        } catch (SQLException e) {
            throw SqlErrors.rolledBack("reading MMR node " + index, e);
        }
    }

    @Override
    public long size() {
        return committed + pending.size();
    }

    @Override
    public void sync() {
        if (!pending.isEmpty()) {
            throw new InternalException(
                    ErrorCode.INTERNAL_BUG,
                    pending.size() + " MMR nodes pending: only a transaction makes them durable",
                    null);
        }
    }

    @Override
    public void close() {
        pending.clear();
    }
}
