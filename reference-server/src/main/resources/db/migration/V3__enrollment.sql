-- Enrollment (spec/enrollment.md): clusters, join tokens, join requests, nodes and the node
-- certificates the server issued. Every row that a mutation writes names the audit statement it was
-- recorded with (audit_seq, a marker sequence of V1's audit log). Portable SQL as V1: keys and
-- compared text are VARCHAR (H2's TEXT is a CLOB), bytes BYTEA, times BIGINT milliseconds.

CREATE TABLE enroll_clusters (
    name VARCHAR(63) NOT NULL PRIMARY KEY,
    created_ms BIGINT NOT NULL,
    created_by VARCHAR(512) NOT NULL,
    audit_seq BIGINT NOT NULL
);

-- A join token is stored as its id and HMAC-SHA256(join-token key, secret); the secret never is.
CREATE TABLE enroll_join_tokens (
    token_id VARCHAR(32) NOT NULL PRIMARY KEY,
    cluster VARCHAR(63) NOT NULL,
    secret_hmac BYTEA NOT NULL,
    created_ms BIGINT NOT NULL,
    expires_ms BIGINT NOT NULL,
    max_uses INTEGER NOT NULL,
    used INTEGER NOT NULL,
    revoked BOOLEAN NOT NULL,
    created_by VARCHAR(512) NOT NULL,
    audit_seq BIGINT NOT NULL,
    CONSTRAINT enroll_join_tokens_cluster FOREIGN KEY (cluster) REFERENCES enroll_clusters (name),
    CONSTRAINT enroll_join_tokens_uses CHECK (max_uses >= 1 AND used >= 0 AND used <= max_uses)
);

-- A join request and its evidence. status is pending, approved or denied; a pending request whose
-- expires_ms has passed reads as expired. The poll secret is stored as its SHA-256.
CREATE TABLE enroll_join_requests (
    request_id VARCHAR(19) NOT NULL PRIMARY KEY,
    cluster VARCHAR(63) NOT NULL,
    token_id VARCHAR(32) NOT NULL,
    poll_hash BYTEA NOT NULL,
    status VARCHAR(16) NOT NULL,
    csr BYTEA NOT NULL,
    key_kid VARCHAR(64) NOT NULL,
    key_type VARCHAR(16) NOT NULL,
    host_fingerprint VARCHAR(71) NOT NULL,
    hostname VARCHAR(128),
    os VARCHAR(128),
    arch VARCHAR(128),
    agent_version VARCHAR(128),
    capabilities VARCHAR(2200) NOT NULL,
    peer_address VARCHAR(128) NOT NULL,
    received_ms BIGINT NOT NULL,
    expires_ms BIGINT NOT NULL,
    audit_seq BIGINT NOT NULL,
    decided_ms BIGINT,
    decided_by VARCHAR(512),
    decision_seq BIGINT,
    reason VARCHAR(1024),
    node_id VARCHAR(18),
    serial VARCHAR(40),
    CONSTRAINT enroll_join_requests_token FOREIGN KEY (token_id) REFERENCES enroll_join_tokens (token_id),
    CONSTRAINT enroll_join_requests_status CHECK (status IN ('pending', 'approved', 'denied'))
);

CREATE INDEX enroll_join_requests_by_status ON enroll_join_requests (status, received_ms);

-- An enrolled node: its server-chosen identity and the host fingerprint it is bound to.
CREATE TABLE enroll_nodes (
    node_id VARCHAR(18) NOT NULL PRIMARY KEY,
    cluster VARCHAR(63) NOT NULL,
    identity VARCHAR(512) NOT NULL,
    status VARCHAR(16) NOT NULL,
    host_fingerprint VARCHAR(71) NOT NULL,
    capabilities VARCHAR(2200) NOT NULL,
    report_status VARCHAR(16),
    bundle_sequence BIGINT,
    revocation_sequence BIGINT,
    last_seen_ms BIGINT,
    request_id VARCHAR(19) NOT NULL,
    created_ms BIGINT NOT NULL,
    audit_seq BIGINT NOT NULL,
    revoked_ms BIGINT,
    revoke_reason VARCHAR(32),
    CONSTRAINT enroll_nodes_identity UNIQUE (identity),
    CONSTRAINT enroll_nodes_cluster FOREIGN KEY (cluster) REFERENCES enroll_clusters (name),
    CONSTRAINT enroll_nodes_status CHECK (status IN ('active', 'revoked'))
);

-- Every node certificate issued (approval and renewal), so that a revocation finds all unexpired ones.
CREATE TABLE enroll_certificates (
    serial VARCHAR(40) NOT NULL PRIMARY KEY,
    node_id VARCHAR(18) NOT NULL,
    issued_ms BIGINT NOT NULL,
    not_after_ms BIGINT NOT NULL,
    der BYTEA NOT NULL,
    audit_seq BIGINT NOT NULL,
    CONSTRAINT enroll_certificates_node FOREIGN KEY (node_id) REFERENCES enroll_nodes (node_id)
);

CREATE INDEX enroll_certificates_by_node ON enroll_certificates (node_id, not_after_ms);
