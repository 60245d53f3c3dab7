package dev.cairn.server.enroll;

import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.bytes.SecretBytes;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.server.revocation.ServerRevocation;
import dev.cairn.server.store.Database;
import dev.cairn.server.store.audit.AuditLog;
import dev.cairn.trust.bundle.TrustBundle;
import dev.cairn.trust.ca.CertificateAuthority;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.tls.PeerIdentity;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The enrollment service of the reference server ({@code spec/enrollment.md} sections 1 to 7):
 * clusters, join tokens, join requests, approval and denial, polling, the node calls and revocation.
 *
 * <pre>{@code
 * Enrollment enrollment = Enrollment.builder()
 *         .database(db).auditLog(log)
 *         .ca(pki.ca()).joinTokenKey(pki.joinTokenKey(), InsecureSecretKeyAccess.get())
 *         .trustBundles(bundles::current).revocation(revocation)
 *         .settings(EnrollmentSettings.from(config))
 *         .build();
 * }</pre>
 *
 * <p>Guarantees: every state change is one mutation of the audit log, so the change and its signed
 * statement commit together or not at all (a refused call changes nothing); a join token with {@code
 * max_uses = n} carries exactly {@code n} join requests under any concurrency, across replicas of one
 * PostgreSQL database; secrets (join token secrets, poll secrets) are stored only as keyed or plain
 * hashes and never enter a statement; a node's identity is chosen by the server and node calls take
 * the identity of the verified peer certificate only. Thread-safe.
 */
public final class Enrollment {
    private final Clusters clusters;
    private final JoinTokens tokens;
    private final JoinRequests requests;
    private final Nodes nodes;
    private final EnrollmentSettings settings;

    private Enrollment(Context ctx) {
        this.clusters = new Clusters(ctx);
        this.tokens = new JoinTokens(ctx);
        this.requests = new JoinRequests(ctx);
        this.nodes = new Nodes(ctx);
        this.settings = ctx.settings();
    }

    /**
     * Starts configuring the service.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The policy the service runs with.
     *
     * @return the settings
     */
    public EnrollmentSettings settings() {
        return settings;
    }

    /**
     * Creates a cluster ({@code cluster.create}).
     *
     * @param operator the operator
     * @param request the name
     * @return the cluster
     * @throws CairnException {@link ErrorCode#CLUSTER_NAME_RESERVED}, {@link ErrorCode#CLUSTER_EXISTS}, storage
     *     codes
     */
    public ClusterView createCluster(CairnId operator, NewCluster request) {
        return clusters.create(operator, request);
    }

    /**
     * Every cluster, by name.
     *
     * @return the clusters
     */
    public List<ClusterView> clusters() {
        return clusters.all();
    }

    /**
     * Creates a join token for a cluster ({@code join-token.create}); the result is the only place its
     * secret form appears.
     *
     * @param operator the operator
     * @param cluster the cluster
     * @param request the lifetime and uses
     * @return the token
     * @throws CairnException {@link ErrorCode#CLUSTER_NOT_FOUND}, storage codes
     */
    public IssuedJoinToken createJoinToken(CairnId operator, String cluster, NewJoinToken request) {
        return tokens.create(operator, cluster, request);
    }

    /**
     * Withdraws a join token ({@code join-token.revoke}).
     *
     * @param operator the operator
     * @param tokenId the token's id (32 hex digits)
     * @return the token
     * @throws CairnException {@link ErrorCode#JOIN_TOKEN_INVALID} for an unknown id, {@link
     *     ErrorCode#JOIN_TOKEN_REVOKED} if already withdrawn
     */
    public JoinTokenView revokeJoinToken(CairnId operator, String tokenId) {
        return tokens.revoke(operator, tokenId);
    }

    /**
     * Records a join request ({@code join-request.submit}), consuming one use of its token in the same
     * transaction; approves it at once when the settings say so.
     *
     * @param submission the request
     * @param peerAddress the address it came from
     * @return the request id and the poll secret (shown once)
     * @throws CairnException {@code JOIN_TOKEN_*}, {@code CSR_*} (the CSR is checked before the token is
     *     used), storage codes
     */
    public JoinAccepted submit(JoinSubmission submission, String peerAddress) {
        return requests.submit(Objects.requireNonNull(submission, "submission"), peerAddress);
    }

    /**
     * Answers a poll.
     *
     * @param requestId the request id
     * @param authorization the {@code Authorization} header, {@code Cairn-Poll <secret>}, or null
     * @return the status and, when approved, the certificate
     * @throws CairnException {@link ErrorCode#JOIN_POLL_UNAUTHORIZED} for a wrong or missing secret or
     *     an unknown request, {@link ErrorCode#JOIN_REQUEST_EXPIRED}
     */
    public PollAnswer poll(String requestId, String authorization) {
        return requests.poll(requestId, authorization);
    }

    /**
     * Join requests with their evidence, oldest first (at most 1000).
     *
     * @param status only those of this status, or all
     * @return the requests
     */
    public List<JoinRequestView> joinRequests(Optional<JoinStatus> status) {
        return requests.list(status);
    }

    /**
     * One join request.
     *
     * @param requestId the request
     * @return the request
     * @throws CairnException {@link ErrorCode#JOIN_REQUEST_NOT_FOUND}
     */
    public JoinRequestView joinRequest(String requestId) {
        return requests.get(requestId);
    }

    /**
     * Approves a request ({@code join-request.approve}): issues the certificate for a new node
     * identity, creates the node bound to the request's host fingerprint.
     *
     * @param actor the operator (or the server, approving automatically)
     * @param requestId the request
     * @return the request, approved
     * @throws CairnException {@link ErrorCode#JOIN_REQUEST_NOT_FOUND}, {@link ErrorCode#JOIN_REQUEST_DECIDED},
     *     {@link ErrorCode#JOIN_REQUEST_EXPIRED}, {@code CA_*}
     */
    public JoinRequestView approve(CairnId actor, String requestId) {
        return requests.approve(actor, requestId);
    }

    /**
     * Denies a request ({@code join-request.deny}).
     *
     * @param actor the operator
     * @param requestId the request
     * @param denial the reason
     * @return the request, denied
     * @throws CairnException as {@link #approve}
     */
    public JoinRequestView deny(CairnId actor, String requestId, Denial denial) {
        return requests.deny(actor, requestId, denial);
    }

    /**
     * Every node (at most 1000), oldest first.
     *
     * @return the nodes
     */
    public List<NodeView> nodes() {
        return nodes.all();
    }

    /**
     * One node.
     *
     * @param nodeId the node's id
     * @return the node
     * @throws CairnException {@link ErrorCode#NODE_NOT_FOUND}
     */
    public NodeView node(String nodeId) {
        return nodes.get(nodeId);
    }

    /**
     * Revokes a node ({@code node.revoke}) and publishes a revocation head.
     *
     * @param operator the operator
     * @param nodeId the node
     * @param revocation the reason
     * @return the node, revoked
     * @throws CairnException {@link ErrorCode#NODE_NOT_FOUND}, {@link ErrorCode#NODE_REVOKED}
     */
    public NodeView revokeNode(CairnId operator, String nodeId, NodeRevocation revocation) {
        return nodes.revoke(operator, nodeId, revocation.revocationReason());
    }

    /**
     * A heartbeat of the calling node: liveness (not audited), {@code node.report} when capabilities
     * or status changed, {@code node.host-mismatch} (then refused) from another host.
     *
     * @param peer the verified caller
     * @param heartbeat the report
     * @return the server's view of time, bundle and revocation, and when to renew
     * @throws CairnException {@link ErrorCode#NODE_HOST_MISMATCH}, {@link ErrorCode#NODE_REVOKED}, {@link
     *     ErrorCode#NODE_NOT_ACTIVE}
     */
    public HeartbeatAck heartbeat(PeerIdentity peer, Heartbeat heartbeat) {
        return nodes.heartbeat(peer, heartbeat);
    }

    /**
     * Renews the calling node's certificate ({@code certificate.issue}).
     *
     * @param peer the verified caller
     * @param renewal the CSR
     * @return the new certificate
     * @throws CairnException {@code CSR_*}, {@link ErrorCode#NODE_REVOKED}, {@link ErrorCode#NODE_NOT_ACTIVE}
     */
    public NodeCertificate renew(PeerIdentity peer, Renewal renewal) {
        return nodes.renew(peer, renewal);
    }

    /** Configures an {@link Enrollment}; everything but the clock and random source is required. */
    public static final class Builder {
        private Database db;
        private AuditLog log;
        private CertificateAuthority ca;
        private SecretBytes joinTokenKey;
        private InsecureSecretKeyAccess access;
        private Supplier<TrustBundle> bundles;
        private ServerRevocation revocation;
        private EnrollmentSettings settings;
        private Clock clock = Clock.systemUTC();
        private SecureRandom random = new SecureRandom();

        private Builder() {}

        /**
         * The server's migrated database.
         *
         * @param db the database
         * @return this builder
         */
        public Builder database(Database db) {
            this.db = Objects.requireNonNull(db, "db");
            return this;
        }

        /**
         * The audit log every mutation goes through.
         *
         * @param log the log, over the same database
         * @return this builder
         */
        public Builder auditLog(AuditLog log) {
            this.log = Objects.requireNonNull(log, "log");
            return this;
        }

        /**
         * The CA issuing node certificates.
         *
         * @param ca the CA
         * @return this builder
         */
        public Builder ca(CertificateAuthority ca) {
            this.ca = Objects.requireNonNull(ca, "ca");
            return this;
        }

        /**
         * The key of the join tokens' keyed hashes.
         *
         * @param key 32 secret bytes
         * @param access the explicit token to read them
         * @return this builder
         */
        public Builder joinTokenKey(SecretBytes key, InsecureSecretKeyAccess access) {
            if (key.length() != 32) {
                throw new IllegalArgumentException("the join token key is 32 bytes, got " + key.length());
            }
            this.joinTokenKey = key;
            this.access = Objects.requireNonNull(access, "access");
            return this;
        }

        /**
         * Where the current trust bundle comes from (returned with every certificate).
         *
         * @param bundles the source
         * @return this builder
         */
        public Builder trustBundles(Supplier<TrustBundle> bundles) {
            this.bundles = Objects.requireNonNull(bundles, "bundles");
            return this;
        }

        /**
         * The server's revocation, which node revocations append to.
         *
         * @param revocation the revocation
         * @return this builder
         */
        public Builder revocation(ServerRevocation revocation) {
            this.revocation = Objects.requireNonNull(revocation, "revocation");
            return this;
        }

        /**
         * The enrollment policy.
         *
         * @param settings the settings
         * @return this builder
         */
        public Builder settings(EnrollmentSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * What "now" is for expiries; the system clock by default.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The source of ids, secrets and renewal jitter.
         *
         * @param random the source
         * @return this builder
         */
        public Builder random(SecureRandom random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * Builds the service.
         *
         * @return the service
         * @throws NullPointerException if a required part is missing
         */
        public Enrollment build() {
            Objects.requireNonNull(db, "database");
            Objects.requireNonNull(log, "auditLog");
            Objects.requireNonNull(ca, "ca");
            Objects.requireNonNull(joinTokenKey, "joinTokenKey");
            Objects.requireNonNull(bundles, "trustBundles");
            Objects.requireNonNull(revocation, "revocation");
            Objects.requireNonNull(settings, "settings");
            if (!ca.trustDomain().equals(settings.trustDomain())) {
                throw new IllegalArgumentException(
                        "the CA issues in " + ca.trustDomain() + ", the settings say " + settings.trustDomain());
            }
            return new Enrollment(new Context(
                    db,
                    log,
                    ca,
                    joinTokenKey,
                    access,
                    bundles,
                    revocation,
                    settings,
                    clock,
                    random,
                    Context.policyHash(settings)));
        }
    }
}
