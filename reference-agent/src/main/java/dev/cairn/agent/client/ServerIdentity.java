package dev.cairn.agent.client;

import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.identity.TrustDomain;

/**
 * The control plane's own identity ({@code spec/enrollment.md} section 1): the one name its TLS
 * certificate carries, {@code cairn://<td>/cluster/cairn-control/service/server}.
 */
public final class ServerIdentity {
    /** The cluster name reserved for the server itself. */
    public static final String CLUSTER = "cairn-control";

    /** The service name of the server. */
    public static final String SERVICE = "server";

    private ServerIdentity() {}

    /**
     * The server identity of a trust domain.
     *
     * @param trustDomain the trust domain
     * @return {@code cairn://<td>/cluster/cairn-control/service/server}
     */
    public static CairnId of(TrustDomain trustDomain) {
        return CairnId.service(trustDomain, CLUSTER, SERVICE);
    }

    /**
     * Whether an identity is a server identity, in any trust domain.
     *
     * @param id the identity
     * @return {@code true} for {@code cairn://<td>/cluster/cairn-control/service/server}
     */
    public static boolean is(CairnId id) {
        return id.equals(of(id.trustDomain()));
    }
}
