package dev.cairn.agent.client;

import dev.cairn.agent.state.CaFingerprint;
import dev.cairn.agent.state.CertificateNames;
import dev.cairn.errors.CairnException;
import dev.cairn.errors.ErrorCode;
import dev.cairn.errors.VerificationException;
import dev.cairn.trust.identity.CairnId;
import dev.cairn.trust.identity.TrustDomain;
import dev.cairn.trust.tls.TlsContexts;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The trust manager of an agent that holds no trust bundle yet, or that must reach the server without
 * one ({@code spec/agent.md}, "Pinning"): a handshake completes only with TLS 1.3, a server chain that
 * leads to the root CA of the pinned SHA-256 fingerprint ({@link PinnedChain}), and a leaf whose one
 * subjectAltName is {@code cairn://<td>/cluster/cairn-control/service/server}.
 *
 * <p>The trust domain is the one given, or, if none is given, the one the server's certificate names:
 * the pinned root vouches for the certificates it issued, and only the server holds one for the
 * reserved {@code cairn-control} cluster. There is no host-name check: Cairn certificates carry no
 * host names (their only name is the Cairn identity), and an attacker who controls DNS or the network
 * still cannot present a chain to the pinned root for the server identity.
 *
 * <p>A refusal reaches the JSSE as a {@link CertificateException} whose cause is the coded {@link
 * ErrorCode#AGENT_SERVER_UNTRUSTED}, and the handshake fails before any request byte is sent.
 * Thread-safe.
 */
public final class PinnedServerTrust extends X509ExtendedTrustManager {
    private final CaFingerprint pin;
    private final Optional<TrustDomain> trustDomain;
    private final Clock clock;
    private volatile CairnId seen;

    /**
     * A trust manager for a pin.
     *
     * @param pin the root CA's fingerprint
     * @param trustDomain the expected trust domain, or empty to take the server certificate's
     * @param clock what "now" is for validity
     */
    public PinnedServerTrust(CaFingerprint pin, Optional<TrustDomain> trustDomain, Clock clock) {
        this.pin = Objects.requireNonNull(pin, "pin");
        this.trustDomain = Objects.requireNonNull(trustDomain, "trustDomain");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The server identity of the last accepted handshake, which names the trust domain.
     *
     * @return the identity, or empty before a handshake succeeded
     */
    public Optional<CairnId> serverIdentity() {
        return Optional.ofNullable(seen);
    }

    /**
     * Checks a server chain as a handshake does, without the protocol check.
     *
     * @param chain the chain, leaf first
     * @return the server's identity
     * @throws VerificationException {@link ErrorCode#AGENT_SERVER_UNTRUSTED}
     */
    public CairnId verify(List<X509Certificate> chain) {
        PinnedChain.validate(chain, pin, PinnedChain.SERVER_AUTH, clock.instant(), ErrorCode.AGENT_SERVER_UNTRUSTED);
        Optional<CairnId> id = CertificateNames.identity(chain.get(0));
        String want = trustDomain
                .map(td -> ServerIdentity.of(td).uri())
                .orElse("cairn://<td>/cluster/" + ServerIdentity.CLUSTER + "/service/" + ServerIdentity.SERVICE);
        if (id.isEmpty()
                || !ServerIdentity.is(id.get())
                || (trustDomain.isPresent()
                        && !trustDomain.get().equals(id.get().trustDomain()))) {
            throw new VerificationException(
                    ErrorCode.AGENT_SERVER_UNTRUSTED,
                    "the server certificate names " + id.map(CairnId::uri).orElse("no single cairn:// URI") + ", want "
                            + want,
                    Map.of("expected", want, "found", id.map(CairnId::uri).orElse("none")),
                    null);
        }
        seen = id.get();
        return id.get();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(chain, socket instanceof SSLSocket ssl ? ssl.getHandshakeSession() : null);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain, engine == null ? null : engine.getHandshakeSession());
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, null);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("this trust manager verifies servers only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("this trust manager verifies servers only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this trust manager verifies servers only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }

    private void check(X509Certificate[] chain, SSLSession handshake) throws CertificateException {
        try {
            if (handshake == null || !TlsContexts.PROTOCOL.equals(handshake.getProtocol())) {
                throw VerificationException.mismatch(
                        ErrorCode.AGENT_SERVER_UNTRUSTED,
                        TlsContexts.PROTOCOL,
                        handshake == null ? "unknown" : handshake.getProtocol());
            }
            verify(chain == null ? List.of() : List.of(chain));
        } catch (CairnException e) {
            throw new CertificateException(e.getMessage(), e);
        }
    }
}
