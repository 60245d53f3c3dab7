package dev.cairn.server.http;

import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.VerificationException;
import dev.cairn.trust.revocation.FreshnessTier;
import dev.cairn.trust.revocation.RevocationState;
import dev.cairn.trust.tls.PeerIdentity;
import dev.cairn.trust.tls.PeerRole;
import dev.cairn.trust.tls.PeerVerifier;
import io.javalin.http.Context;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Authenticates a node or service on every request from the certificate chain of its TLS
 * connection, and from nothing else: the chain is the one the JSSE verified in the handshake, read
 * from the servlet attribute Jetty fills from the TLS session; it is verified again here against
 * the trust bundle and revocation state of this moment, because a resumed session or a keep-alive
 * connection never runs the trust manager again.
 */
final class PeerAuthenticator {
    /** Where Jetty puts the verified chain of the connection (Servlet 6, section 3.10). */
    static final String CHAIN_ATTRIBUTE = "jakarta.servlet.request.X509Certificate";

    private final PeerTrust trust;
    private final Clock clock;
    private volatile Verifiers verifiers;

    /** One verifier per tier, for one revocation state instance. */
    private record Verifiers(RevocationState revocation, Map<FreshnessTier, PeerVerifier> byTier) {}

    PeerAuthenticator(PeerTrust trust, Clock clock) {
        this.trust = Objects.requireNonNull(trust, "trust");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The identity of the caller, verified now.
     *
     * @throws VerificationException {@code TLS_PEER_MISSING}, the codes of {@link PeerVerifier#verify},
     *     or {@code AUTH_PEER_KIND_NOT_ALLOWED}
     */
    PeerIdentity authenticate(Context ctx, Auth.Peer auth) {
        Object attribute = ctx.req().getAttribute(CHAIN_ATTRIBUTE);
        X509Certificate[] chain = attribute instanceof X509Certificate[] certificates ? certificates : null;
        PeerIdentity peer = verifier(auth.tier()).verify(chain);
        if (!auth.kinds().contains(peer.id().kind())) {
            throw VerificationException.mismatch(
                    ErrorCode.AUTH_PEER_KIND_NOT_ALLOWED,
                    auth.kinds().toString(),
                    peer.id().kind().name());
        }
        return peer;
    }

    /** A verifier that checks at least as strictly as the handshake, for the tier. */
    PeerVerifier verifier(FreshnessTier tier) {
        RevocationState revocation = trust.revocation();
        Verifiers current = verifiers;
        if (current == null || current.revocation() != revocation) {
            Map<FreshnessTier, PeerVerifier> byTier = new EnumMap<>(FreshnessTier.class);
            for (FreshnessTier t : FreshnessTier.values()) {
                byTier.put(
                        t,
                        PeerVerifier.builder()
                                .trustBundle(trust::trustBundle)
                                .revocation(revocation)
                                .tier(t)
                                .role(PeerRole.CLIENT)
                                .clock(clock)
                                .build());
            }
            current = new Verifiers(revocation, byTier);
            verifiers = current;
        }
        return current.byTier().get(tier);
    }
}
