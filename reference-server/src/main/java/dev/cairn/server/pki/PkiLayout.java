package dev.cairn.server.pki;

import java.nio.file.Path;

/**
 * Where the server's PKI files live under its data directory ({@code spec/server.md}, section 2).
 *
 * @param dataDir the data directory
 */
public record PkiLayout(Path dataDir) {
    /** Name of the directory whose presence means "initialised". */
    public static final String PKI = "pki";

    /** Prefix of an initialisation in progress, deleted at the next start. */
    public static final String INIT_PREFIX = "pki.init-";

    /**
     * The initialised PKI directory.
     *
     * @return {@code data_dir/pki}
     */
    public Path pki() {
        return dataDir.resolve(PKI);
    }

    /**
     * The admin credential file.
     *
     * @return {@code data_dir/admin.credential}
     */
    public Path adminCredential() {
        return dataDir.resolve("admin.credential");
    }

    /**
     * Where an offline root key is handed to the operator.
     *
     * @return {@code data_dir/offline-root/root.key}
     */
    public Path offlineRootKey() {
        return dataDir.resolve("offline-root").resolve("root.key");
    }

    /** Files inside a PKI directory (the initialised one or one being initialised). */
    enum File {
        ROOT_CERT("root.pem"),
        INTERMEDIATE_CERT("intermediate.pem"),
        INTERMEDIATE_KEY("intermediate.key"),
        ROOT_KEY("root.key"),
        SERVER_KEY("server.key"),
        SERVER_CERT("server.pem"),
        LOG_KEY("log.key"),
        LOG_CERT("log.pem"),
        LOG_CERT_HISTORY("log-history"),
        OPERATOR_TOKEN_KEY("operator-token.key"),
        JOIN_TOKEN_HMAC("join-token.hmac"),
        ADMIN_CREDENTIAL_HASH("admin.sha256"),
        TRUST_DOMAIN("trust-domain");

        private final String name;

        File(String name) {
            this.name = name;
        }

        Path in(Path directory) {
            return directory.resolve(name);
        }
    }
}
