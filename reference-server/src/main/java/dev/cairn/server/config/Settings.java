package dev.cairn.server.config;

import java.util.List;
import java.util.Optional;

/** Every configuration key the server reads: the one place a key is declared. */
public final class Settings {
    /** The prefix of environment variables that override keys. */
    public static final String ENV_PREFIX = "CAIRN_SERVER_";

    /** Where keys, the H2 database and the bootstrap credential live. */
    public static final Setting DATA_DIR = optional(
            "server.data_dir",
            ValueKind.PATH,
            "cairn-data",
            "Directory of the server's state: keys, the H2 database, the bootstrap admin credential. Created"
                    + " owner-only; refused when group or others may write it.");
    /** The trust domain; required. */
    public static final Setting TRUST_DOMAIN = required(
            "server.trust_domain", ValueKind.STRING, "The trust domain the server's CA issues in (identity.md).");
    /** Listener address. */
    public static final Setting LISTEN_HOST =
            optional("listen.host", ValueKind.STRING, "127.0.0.1", "Address the TLS listener binds to.");
    /** Listener port. */
    public static final Setting LISTEN_PORT = optional(
            "listen.port", ValueKind.INTEGER, "8443", "Port of the TLS listener, 0 to 65535 (0: any free port).");
    /** JDBC URL; empty for the default H2 file database. */
    public static final Setting DATABASE_URL = optional(
            "database.url",
            ValueKind.STRING,
            "",
            "JDBC URL: empty for embedded H2 in file mode under the data directory, or jdbc:postgresql://...");
    /** Database user. */
    public static final Setting DATABASE_USER =
            optional("database.user", ValueKind.STRING, "", "Database user (PostgreSQL); empty for H2.");
    /** Database password file. */
    public static final Setting DATABASE_PASSWORD_FILE = optional(
            "database.password_file",
            ValueKind.PATH,
            "",
            "File holding the database password (owner-only). A password is never written in the configuration"
                    + " file; the environment variable CAIRN_SERVER_DATABASE_PASSWORD may carry it instead.");
    /** Pool size. */
    public static final Setting DATABASE_POOL_SIZE =
            optional("database.pool_size", ValueKind.INTEGER, "8", "Connections in the pool, 2 to 64.");
    /** CA key type. */
    public static final Setting CA_KEY_TYPE = optional(
            "ca.key_type",
            ValueKind.WORD,
            "p256",
            "Key type of the root, the intermediate and the server's own keys: p256 or ed25519.");
    /** Offline root. */
    public static final Setting CA_OFFLINE_ROOT = optional(
            "ca.offline_root",
            ValueKind.BOOLEAN,
            "false",
            "When true, first start writes the root key to data_dir/offline-root/ for the operator to move off the"
                    + " machine, and the server never reads it: it holds the intermediate only.");
    /** Intermediate lifetime. */
    public static final Setting CA_INTERMEDIATE_TTL = optional(
            "ca.intermediate_ttl", ValueKind.DURATION, "P365D", "Lifetime of the intermediate created at first start.");
    /** Node certificate lifetime. */
    public static final Setting NODE_CERT_TTL = optional(
            "node.cert_ttl",
            ValueKind.DURATION,
            "PT24H",
            "Lifetime of node certificates, within the node profile's bounds (ca.md).");
    /** Auto approval. */
    public static final Setting ENROLLMENT_AUTO_APPROVE = optional(
            "enrollment.auto_approve",
            ValueKind.BOOLEAN,
            "false",
            "Approve join requests without an operator. Off by default: approval is manual.");
    /** Default token TTL. */
    public static final Setting ENROLLMENT_TOKEN_TTL = optional(
            "enrollment.token_ttl",
            ValueKind.DURATION,
            "PT1H",
            "Default lifetime of a join token, PT60S to P7D (enrollment.md).");
    /** Checkpoint interval. */
    public static final Setting AUDIT_CHECKPOINT_INTERVAL = optional(
            "audit.checkpoint_interval",
            ValueKind.DURATION,
            "PT10S",
            "How often a checkpoint is signed when the log grew, PT1S to PT1H.");
    /** Group commit size. */
    public static final Setting AUDIT_GROUP_COMMIT = optional(
            "audit.group_commit",
            ValueKind.INTEGER,
            "64",
            "Most mutations that share one database transaction, 1 to 1024.");
    /** Revocation head validity. */
    public static final Setting REVOCATION_HEAD_VALIDITY = optional(
            "revocation.head_validity",
            ValueKind.DURATION,
            "PT1H",
            "Next-update of each signed revocation head: heads are re-signed before it, PT5M to P1D.");
    /** Body limit. */
    public static final Setting HTTP_MAX_BODY = optional(
            "http.max_body_bytes",
            ValueKind.INTEGER,
            "65536",
            "Largest request body accepted, 1024 to 16777216 bytes.");
    /** Operator token lifetime. */
    public static final Setting OPERATOR_TOKEN_TTL = optional(
            "operator.token_ttl",
            ValueKind.DURATION,
            "PT15M",
            "Lifetime of operator bearer tokens obtained with the admin credential, PT1M to PT24H.");

    /** Every key, in the order of the generated table. */
    public static final List<Setting> ALL = List.of(
            DATA_DIR,
            TRUST_DOMAIN,
            LISTEN_HOST,
            LISTEN_PORT,
            DATABASE_URL,
            DATABASE_USER,
            DATABASE_PASSWORD_FILE,
            DATABASE_POOL_SIZE,
            CA_KEY_TYPE,
            CA_OFFLINE_ROOT,
            CA_INTERMEDIATE_TTL,
            NODE_CERT_TTL,
            ENROLLMENT_AUTO_APPROVE,
            ENROLLMENT_TOKEN_TTL,
            AUDIT_CHECKPOINT_INTERVAL,
            AUDIT_GROUP_COMMIT,
            REVOCATION_HEAD_VALIDITY,
            HTTP_MAX_BODY,
            OPERATOR_TOKEN_TTL);

    /** The one secret the environment may carry, and the configuration file never. */
    public static final String DATABASE_PASSWORD_ENV = ENV_PREFIX + "DATABASE_PASSWORD";

    private Settings() {}

    /**
     * The table of keys as {@code spec/server.md} shows it (a test keeps the two equal).
     *
     * @return Markdown table rows, header first, each line ending in a newline
     */
    public static String markdownTable() {
        StringBuilder table =
                new StringBuilder("| key | kind | default | environment | meaning |\n|---|---|---|---|---|\n");
        for (Setting s : ALL) {
            String shown = s.defaultValue()
                    .map(d -> d.isEmpty() ? "(empty)" : "`" + d + "`")
                    .orElse("(required)");
            table.append("| `")
                    .append(s.key())
                    .append("` | ")
                    .append(s.kind().name().toLowerCase(java.util.Locale.ROOT))
                    .append(" | ")
                    .append(shown)
                    .append(" | `")
                    .append(s.environmentVariable())
                    .append("` | ")
                    .append(s.description())
                    .append(" |\n");
        }
        return table.toString();
    }

    private static Setting optional(String key, ValueKind kind, String defaultValue, String description) {
        return new Setting(key, kind, Optional.of(defaultValue), description);
    }

    private static Setting required(String key, ValueKind kind, String description) {
        return new Setting(key, kind, Optional.empty(), description);
    }
}
