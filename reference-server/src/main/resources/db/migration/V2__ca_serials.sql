-- Every serial number the CA has used (spec/server.md; ca.md "Serial numbers"): the primary key
-- refuses a second use, across every replica of one PostgreSQL database.
CREATE TABLE ca_serials (
    serial VARCHAR(40) PRIMARY KEY,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL
);
