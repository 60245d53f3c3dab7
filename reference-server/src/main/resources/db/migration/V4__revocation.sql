-- The server's revocation chain (spec/revocation.md) and its published heads. Entries are appended
-- inside the audited mutation that revokes (node.revoke), under the audit log's head lock, so the
-- chain, the node's status and the audit statement commit together and replicas append one dense
-- chain. The in-memory chain of each replica is rebuilt from this table.
CREATE TABLE revocation_entries (
    idx BIGINT NOT NULL PRIMARY KEY,
    serial VARCHAR(40) NOT NULL,
    reason INTEGER NOT NULL,
    revoked_ms BIGINT NOT NULL,
    audit_seq BIGINT NOT NULL,
    CONSTRAINT revocation_entries_serial UNIQUE (serial),
    CONSTRAINT revocation_entries_index CHECK (idx >= 0)
);

-- The newest published head: one row. A publication claims the next sequence with a conditional
-- update of this row before its head is served, so no two heads ever share a sequence, across
-- restarts and replicas. sequence -1 means none was published yet.
CREATE TABLE revocation_head (
    id INTEGER NOT NULL PRIMARY KEY,
    sequence BIGINT NOT NULL,
    chain_size BIGINT NOT NULL,
    issued_ms BIGINT NOT NULL,
    signed_head BYTEA,
    crl BYTEA,
    CONSTRAINT revocation_head_one_row CHECK (id = 1)
);

INSERT INTO revocation_head (id, sequence, chain_size, issued_ms) VALUES (1, -1, 0, 0);
