package dev.cairn.server.store.audit;

import dev.cairn.bytes.Digest;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.mmr.NodeStore;
import dev.cairn.server.store.SqlErrors;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * A read-only view of the committed nodes of {@code audit_mmr_nodes} up to a size, for proofs: the
 * nodes a proof needs are loaded in one query beforehand, and any other is read through the same
 * connection. Lets sdk-core's {@link dev.cairn.mmr.Mmr} build proofs from the table.
 */
final class NodeSnapshot implements NodeStore {
    private final long size;
    private final Map<Long, Digest> loaded;
    private final Connection connection;

    NodeSnapshot(long size, Map<Long, Digest> loaded, Connection connection) {
        this.size = size;
        this.loaded = loaded;
        this.connection = connection;
    }

    @Override
    public long append(Digest node) {
        throw new IllegalStateException("a node snapshot is read-only");
    }

    @Override
    public Digest get(long index) {
        if (index < 0 || index >= size) {
            throw new MalformedInputException(
                    ErrorCode.MMR_SIZE_INVALID, "node " + index + " outside a tree of " + size + " nodes");
        }
        Digest node = loaded.get(index);
        if (node != null) {
            return node;
        }
        try {
            return NodeTable.require(connection, index);
        } catch (SQLException e) {
            throw SqlErrors.readFailed("MMR node " + index, e);
        }
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void sync() {}

    @Override
    public void close() {}
}
