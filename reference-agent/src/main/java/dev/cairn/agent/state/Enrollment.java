package dev.cairn.agent.state;

import dev.cairn.agent.host.HostFingerprint;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.MalformedInputException;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.identity.TrustDomain;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * What an enrollment fixed and what stays the same for the whole life of the identity it creates
 * ({@code spec/agent.md}, "Lifecycle"): a new server, pin, cluster, join request or machine is a new
 * enrollment.
 *
 * @param serverUrl the control plane's base URL: absolute {@code https}, no user info, query or fragment
 * @param caPin the fingerprint of the root CA certificate the agent trusts
 * @param cluster the cluster joined, a name segment of {@code spec/identity.md}
 * @param joinRequestId the server's id of the join request, 1 to {@value #MAX_ID} printable ASCII
 *     characters without spaces
 * @param host the host fingerprint recorded at enrollment
 */
public record Enrollment(
        URI serverUrl, CaFingerprint caPin, String cluster, String joinRequestId, HostFingerprint host) {
    /** Longest join request id. */
    public static final int MAX_ID = 128;

    /** Longest server URL. */
    public static final int MAX_URL = 2048;

    /**
     * Checks every field.
     *
     * @param serverUrl the server URL
     * @param caPin the pin
     * @param cluster the cluster
     * @param joinRequestId the join request id
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
        checkCluster(cluster);
        Invalid.token(joinRequestId, MAX_ID, "join request id");
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

    private static void checkCluster(String cluster) {
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
