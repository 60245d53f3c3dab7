package dev.cairn.server.pki;

import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.identity.TrustDomain;

/** The server's own names ({@code spec/enrollment.md}, section 1). */
public final class ServerIdentities {
    /** The cluster name reserved for the server itself. */
    public static final String CONTROL_CLUSTER = "cairn-control";

    private ServerIdentities() {}

    /**
     * The identity in the server's TLS certificate.
     *
     * @param trustDomain the trust domain
     * @return {@code cairn://<td>/cluster/cairn-control/service/server}
     */
    public static CairnId server(TrustDomain trustDomain) {
        return CairnId.service(trustDomain, CONTROL_CLUSTER, "server");
    }
}
