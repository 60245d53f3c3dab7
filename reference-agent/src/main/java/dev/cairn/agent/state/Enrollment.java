package dev.cairn.agent.state;

import dev.cairn.agent.host.HostFingerprint;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.identity.TrustDomain;
import dev.cairn.trust.pin.CaFingerprint;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;

/**
 * What an enrollment fixed and what stays the same for the whole life of the identity it creates
 * ({@code spec/agent.md}, "Lifecycle"): a new server, pin, cluster, join request or machine is a new
 * enrollment.
 *
 * <p>Two members are learned while the enrollment is pending and are set once: the join request id
 * (from the server's answer to the submission; absent only between the publication of the key and
 * CSR and that answer) and the cluster (from {@code --cluster-hint}, or else from the identity the
 * server issues). An active state has both.
 *
 * @param serverUrl the control plane's base URL: absolute {@code https}, no user info, query or fragment
 * @param caPin the fingerprint of the root CA certificate the agent trusts
 * @param cluster the cluster joined, a name segment of {@code spec/identity.md}, once known
 * @param joinRequestId the server's id of the join request, 1 to {@value #MAX_ID} printable ASCII
 *     characters without spaces, once the server answered the submission
 * @param host the host fingerprint recorded at enrollment
 */
public record Enrollment(
        URI serverUrl,
        CaFingerprint caPin,
        Optional<String> cluster,
        Optional<String> joinRequestId,
        HostFingerprint host) {
    /** Longest join request id. */
    public static final int MAX_ID = 128;

    /** Longest server URL. */
    public static final int MAX_URL = 2048;

    /**
     * Checks every field.
     *
     * @param serverUrl the server URL
     * @param caPin the pin
     * @param cluster the cluster, if known
     * @param joinRequestId the join request id, if known
     * @param host the host fingerprint
     * @throws MalformedInputException {@link ErrorCode#AGENT_STATE_MALFORMED} if a field breaks its rule
     */
    public Enrollment {
        Objects.requireNonNull(serverUrl, "serverUrl");
        Objects.requireNonNull(caPin, "caPin");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(joinRequestId, "joinRequestId");
        Objects.requireNonNull(host, "host");
        checkUrl(serverUrl);
        cluster.ifPresent(Enrollment::checkCluster);
        joinRequestId.ifPresent(id -> Invalid.token(id, MAX_ID, "join request id"));
    }

    /**
     * An enrollment whose cluster and join request are known.
     *
     * @param serverUrl the server URL
     * @param caPin the pin
     * @param cluster the cluster
     * @param joinRequestId the join request id
     * @param host the host fingerprint
     */
    public Enrollment(URI serverUrl, CaFingerprint caPin, String cluster, String joinRequestId, HostFingerprint host) {
        this(serverUrl, caPin, Optional.of(cluster), Optional.of(joinRequestId), host);
    }

    /**
     * An enrollment before its join request is submitted.
     *
     * @param serverUrl the server URL
     * @param caPin the pin
     * @param clusterHint the cluster the join token is expected to be for, if the operator said
     * @param host the host fingerprint
     * @return the enrollment, without a join request id
     */
    public static Enrollment prepared(
            URI serverUrl, CaFingerprint caPin, Optional<String> clusterHint, HostFingerprint host) {
        return new Enrollment(serverUrl, caPin, clusterHint, Optional.empty(), host);
    }

    /**
     * This enrollment with the join request id the server gave.
     *
     * @param id the id
     * @return the enrollment
     * @throws IllegalStateException if an id is already set
     */
    public Enrollment withJoinRequest(String id) {
        if (joinRequestId.isPresent()) {
            throw new IllegalStateException("the join request id is set once");
        }
        return new Enrollment(serverUrl, caPin, cluster, Optional.of(id), host);
    }

    /**
     * This enrollment with the cluster of the issued identity.
     *
     * @param name the cluster
     * @return the enrollment, unchanged if the cluster was known already
     * @throws MalformedInputException {@link ErrorCode#AGENT_STATE_MALFORMED} if another cluster is known
     */
    public Enrollment withCluster(String name) {
        if (cluster.isPresent()) {
            if (!cluster.get().equals(name)) {
                throw Invalid.state("cluster " + name + ", want " + cluster.get());
            }
            return this;
        }
        return new Enrollment(serverUrl, caPin, Optional.of(name), joinRequestId, host);
    }

    /**
     * Whether another enrollment is this one, or this one with members learned since: the same server,
     * pin and host, and each of cluster and join request id equal, or absent here and present there.
     *
     * @param later the other enrollment
     * @return {@code true} if {@code later} continues this enrollment
     */
    public boolean continuedBy(Enrollment later) {
        return serverUrl.equals(later.serverUrl)
                && caPin.equals(later.caPin)
                && host.equals(later.host)
                && (cluster.isEmpty() || cluster.equals(later.cluster))
                && (joinRequestId.isEmpty() || joinRequestId.equals(later.joinRequestId));
    }

    /**
     * The join request id, for messages.
     *
     * @return the id, or {@code (not submitted)}
     */
    public String joinRequestLabel() {
        return joinRequestId.orElse("(not submitted)");
    }

    /**
     * Parses a server URL with the rules of this record.
     *
     * @param text the URL
     * @return the URL
     * @throws MalformedInputException {@link ErrorCode#AGENT_STATE_MALFORMED} for a URL this record refuses
     */
    public static URI parseUrl(String text) {
        if (text.length() > MAX_URL) {
            throw Invalid.state("server URL of " + text.length() + " characters, want at most " + MAX_URL);
        }
        try {
            return checkUrl(new URI(text));
        } catch (URISyntaxException e) {
            throw Invalid.state("server URL: " + e.getMessage());
        }
    }

    private static URI checkUrl(URI url) {
        if (url.toString().length() > MAX_URL
                || !"https".equals(url.getScheme())
                || url.isOpaque()
                || url.getHost() == null
                || url.getRawUserInfo() != null
                || url.getRawQuery() != null
                || url.getRawFragment() != null) {
            throw Invalid.state(
                    "server URL " + url + ", want https://host[:port][/path] without user, query or fragment");
        }
        return url;
    }

    /**
     * Checks a cluster name against the segment grammar of {@code spec/identity.md}.
     *
     * @param cluster the name
     * @throws MalformedInputException {@link ErrorCode#AGENT_STATE_MALFORMED} if it is not a segment
     */
    static void checkCluster(String cluster) {
        try {
            CairnId.node(new TrustDomain("cluster.check"), cluster, "node");
        } catch (MalformedInputException e) {
            throw new MalformedInputException(
                    ErrorCode.AGENT_STATE_MALFORMED,
                    "cluster " + cluster + ": " + e.getMessage(),
                    -1,
                    java.util.Map.of(),
                    e);
        }
    }
}
