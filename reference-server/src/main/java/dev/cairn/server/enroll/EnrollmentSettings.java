package dev.cairn.server.enroll;

import dev.cairn.server.config.ServerConfig;
import dev.cairn.trust.ca.Profile;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.identity.TrustDomain;
import java.time.Duration;
import java.util.Objects;

/**
 * The enrollment policy ({@code spec/server.md} keys {@code node.cert_ttl}, {@code enrollment.*}).
 *
 * @param trustDomain the trust domain nodes are enrolled in
 * @param serverIdentity the actor of automatic approvals (the server's own identity)
 * @param nodeCertTtl the lifetime of node certificates, within the {@code NODE_CLIENT} profile
 * @param autoApprove approve join requests as they arrive
 * @param defaultTokenTtl the lifetime of a join token created without one, 60 s to 7 days
 * @param pollAfter how long an agent waits between polls of a pending request
 * @param requestLifetime how long a request may stay undecided (24 h)
 * @param epoch the control epoch statements are recorded in
 */
public record EnrollmentSettings(
        TrustDomain trustDomain,
        CairnId serverIdentity,
        Duration nodeCertTtl,
        boolean autoApprove,
        Duration defaultTokenTtl,
        Duration pollAfter,
        Duration requestLifetime,
        long epoch) {
    /** How long a request may stay undecided. */
    public static final Duration REQUEST_LIFETIME = Duration.ofHours(24);

    /** The default wait between polls. */
    public static final Duration POLL_AFTER = Duration.ofSeconds(5);

    /**
     * Checks the bounds.
     *
     * @param trustDomain the trust domain
     * @param serverIdentity the server's identity
     * @param nodeCertTtl within the node profile
     * @param autoApprove automatic approval
     * @param defaultTokenTtl 60 s to 7 days
     * @param pollAfter not negative
     * @param requestLifetime positive
     * @param epoch not negative
     */
    public EnrollmentSettings {
        Objects.requireNonNull(trustDomain, "trustDomain");
        Objects.requireNonNull(serverIdentity, "serverIdentity");
        if (nodeCertTtl.compareTo(Profile.NODE_CLIENT.minTtl()) < 0
                || nodeCertTtl.compareTo(Profile.NODE_CLIENT.maxTtl()) > 0) {
            throw new IllegalArgumentException("node certificate lifetime " + nodeCertTtl + " outside the profile");
        }
        if (defaultTokenTtl.compareTo(NewJoinToken.MIN_TTL) < 0
                || defaultTokenTtl.compareTo(NewJoinToken.MAX_TTL) > 0) {
            throw new IllegalArgumentException("join token lifetime " + defaultTokenTtl + ", want 60 s to 7 days");
        }
        if (pollAfter.isNegative() || requestLifetime.isNegative() || requestLifetime.isZero() || epoch < 0) {
            throw new IllegalArgumentException("want poll after >= 0, request lifetime > 0, epoch >= 0");
        }
    }

    /**
     * The settings of a server configuration.
     *
     * @param config the configuration
     * @return the settings, epoch 0
     */
    public static EnrollmentSettings from(ServerConfig config) {
        return new EnrollmentSettings(
                config.trustDomain(),
                CairnId.server(config.trustDomain()),
                config.nodeCertTtl(),
                config.enrollment().autoApprove(),
                config.enrollment().tokenTtl(),
                POLL_AFTER,
                REQUEST_LIFETIME,
                0);
    }

    /**
     * These settings with automatic approval on or off.
     *
     * @param on whether to approve automatically
     * @return new settings
     */
    public EnrollmentSettings withAutoApprove(boolean on) {
        return new EnrollmentSettings(
                trustDomain, serverIdentity, nodeCertTtl, on, defaultTokenTtl, pollAfter, requestLifetime, epoch);
    }
}
