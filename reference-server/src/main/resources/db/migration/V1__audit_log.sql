-- The audit log: marker stream, signed statements, MMR nodes and checkpoints, in one database
-- (spec/server-storage.md, section 2). The SQL runs unchanged on H2 2.5 and PostgreSQL 15: no
-- ON CONFLICT, RETURNING, VARBINARY, BLOB or TIMESTAMPTZ; bytes are BYTEA bound with setBytes.
-- Later migrations (V2, V3, ...) add the domain tables (clusters, tokens, nodes).

-- The log head: one row, locked with SELECT ... FOR UPDATE by every transaction that appends or
-- checkpoints, which serialises the log across replicas. head_hash is NULL while the log is empty
-- (genesis), log_id NULL until the first audit log claims the database.
CREATE TABLE audit_head (
    id INTEGER NOT NULL PRIMARY KEY,
    log_id TEXT,
    marker_count BIGINT NOT NULL,
    mmr_size BIGINT NOT NULL,
    head_hash BYTEA,
    head_time_ms BIGINT NOT NULL,
    CONSTRAINT audit_head_one_row CHECK (id = 1),
    CONSTRAINT audit_head_counts CHECK (marker_count >= 0 AND mmr_size >= 0 AND head_time_ms >= 0)
);

INSERT INTO audit_head (id, marker_count, mmr_size, head_time_ms) VALUES (1, 0, 0, 0);

-- The marker stream (spec/marker-stream.md): dense seq from 0, hash-chained.
CREATE TABLE audit_markers (
    seq BIGINT NOT NULL PRIMARY KEY,
    time_ms BIGINT NOT NULL,
    kind TEXT NOT NULL,
    payload_digest BYTEA NOT NULL,
    prev_hash BYTEA NOT NULL,
    hash BYTEA NOT NULL
);

-- The signed statement (COSE_Sign1, spec/receipts.md) each audited mutation appended at seq.
CREATE TABLE audit_statements (
    seq BIGINT NOT NULL PRIMARY KEY,
    signed BYTEA NOT NULL,
    CONSTRAINT audit_statements_marker FOREIGN KEY (seq) REFERENCES audit_markers (seq)
);

-- The MMR over the marker hashes (spec/mmr.md): node idx holds its 32-byte value. Derived state,
-- rebuilt from audit_markers when missing.
CREATE TABLE audit_mmr_nodes (
    idx BIGINT NOT NULL PRIMARY KEY,
    hash BYTEA NOT NULL
);

-- Signed checkpoints, numbered in publication order; mmr_size never decreases with id.
CREATE TABLE audit_checkpoints (
    id BIGINT NOT NULL PRIMARY KEY,
    mmr_size BIGINT NOT NULL,
    epoch BIGINT NOT NULL,
    time_ms BIGINT NOT NULL,
    signed BYTEA NOT NULL
);

CREATE INDEX audit_checkpoints_size ON audit_checkpoints (mmr_size);
