package dev.cairn.server.config;

import dev.cairn.keys.KeyType;
import dev.cairn.trust.identity.TrustDomain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The server's validated configuration ({@link ConfigLoader} builds it; {@link Settings} declares
 * every key). Values are within their documented bounds by construction.
 *
 * @param dataDir the state directory, absolute
 * @param trustDomain the trust domain
 * @param listen the TLS listener
 * @param database the store
 * @param ca the certificate authority
 * @param nodeCertTtl lifetime of node certificates
 * @param enrollment join settings
 * @param audit the audit log
 * @param revocationHeadValidity next-update of signed revocation heads
 * @param maxBodyBytes the request body limit
 * @param operatorTokenTtl lifetime of operator bearer tokens
 */
public record ServerConfig(
        Path dataDir,
        TrustDomain trustDomain,
        Listen listen,
        Database database,
        Ca ca,
        Duration nodeCertTtl,
        Enrollment enrollment,
        Audit audit,
        Duration revocationHeadValidity,
        int maxBodyBytes,
        Duration operatorTokenTtl) {
    /**
     * Checks that nothing is missing.
     *
     * @param dataDir the state directory, absolute
     * @param trustDomain the trust domain
     * @param listen the TLS listener
     * @param database the store
     * @param ca the certificate authority
     * @param nodeCertTtl lifetime of node certificates
     * @param enrollment join settings
     * @param audit the audit log
     * @param revocationHeadValidity next-update of signed revocation heads
     * @param maxBodyBytes the request body limit
     * @param operatorTokenTtl lifetime of operator bearer tokens
     */
    public ServerConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(trustDomain, "trustDomain");
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(ca, "ca");
        Objects.requireNonNull(nodeCertTtl, "nodeCertTtl");
        Objects.requireNonNull(enrollment, "enrollment");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(revocationHeadValidity, "revocationHeadValidity");
        Objects.requireNonNull(operatorTokenTtl, "operatorTokenTtl");
    }

    /**
     * The TLS listener.
     *
     * @param host the bind address
     * @param port the port, 0 for any free port
     */
    public record Listen(String host, int port) {}

    /**
     * The store. {@link #toString()} never shows the password.
     *
     * @param url the JDBC URL; empty for H2 in file mode under the data directory
     * @param user the user, empty for none
     * @param password the password, from a file or the environment, never from the configuration file
     * @param poolSize connections in the pool
     */
    public record Database(String url, String user, Optional<String> password, int poolSize) {
        /**
         * Whether this is the default store, embedded H2 in file mode.
         *
         * @return true for H2 under the data directory
         */
        public boolean embedded() {
            return url.isEmpty();
        }

        @Override
        public String toString() {
            return "Database[url=" + (embedded() ? "(embedded H2)" : url) + ", user=" + user + ", password="
                    + (password.isPresent() ? "(set)" : "(none)") + ", poolSize=" + poolSize + "]";
        }
    }

    /**
     * The certificate authority.
     *
     * @param keyType the key type of the CA and of the server's own keys
     * @param offlineRoot whether the root key is handed to the operator at first start and never read
     * @param intermediateTtl lifetime of the intermediate created at first start
     */
    public record Ca(KeyType keyType, boolean offlineRoot, Duration intermediateTtl) {}

    /**
     * Enrollment.
     *
     * @param autoApprove approve join requests without an operator
     * @param tokenTtl default lifetime of join tokens
     */
    public record Enrollment(boolean autoApprove, Duration tokenTtl) {}

    /**
     * The audit log.
     *
     * @param checkpointInterval how often a checkpoint is signed when the log grew
     * @param groupCommit most mutations sharing one transaction
     */
    public record Audit(Duration checkpointInterval, int groupCommit) {}
}
