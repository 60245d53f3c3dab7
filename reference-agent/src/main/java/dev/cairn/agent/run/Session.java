package dev.cairn.agent.run;

import dev.cairn.agent.client.AgentHttp;
import dev.cairn.agent.client.NodeApi;
import dev.cairn.agent.trust.HeldTrust;
import dev.cairn.bytes.InsecureSecretKeyAccess;
import dev.cairn.keys.SigningKey;
import dev.cairn.trust.bundle.TrustBundle;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.revocation.FreshnessTier;
import dev.cairn.trust.tls.PeerRole;
import dev.cairn.trust.tls.PeerVerifier;
import dev.cairn.trust.tls.TlsContexts;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The node's mTLS connection to the server: sdk-trust's client context with the node's key and
 * chain, and a {@link PeerVerifier} for servers that holds the agent's current trust bundle and
 * revocation state at the agent's tier, pinned to the server identity. One {@link AgentHttp}, so one
 * kept-alive connection, serves every call until the key changes (renewal makes a new session).
 *
 * <p>The verifier runs once per full handshake; {@link #handshakes()} counts those runs, which is how
 * a test sees that heartbeats reuse the connection.
 */
final class Session {
    private final NodeApi api;
    private final AtomicLong handshakes;

    private Session(NodeApi api, AtomicLong handshakes) {
        this.api = api;
        this.handshakes = handshakes;
    }

    static Session open(
            URI server,
            SigningKey key,
            List<X509Certificate> chain,
            HeldTrust trust,
            FreshnessTier tier,
            Clock clock,
            InsecureSecretKeyAccess access) {
        AtomicLong handshakes = new AtomicLong();
        TrustBundle bundle = trust.bundle();
        PeerVerifier servers = PeerVerifier.builder()
                .trustBundle(() -> {
                    handshakes.incrementAndGet();
                    return trust.bundle();
                })
                .revocation(trust.revocation())
                .tier(tier)
                .role(PeerRole.SERVER)
                .expectId(CairnId.server(bundle.trustDomain()))
                .clock(clock)
                .build();
        AgentHttp http = AgentHttp.create(server, TlsContexts.client(key, chain, servers, access), true);
        return new Session(new NodeApi(http), handshakes);
    }

    NodeApi api() {
        return api;
    }

    long handshakes() {
        return handshakes.get();
    }
}
